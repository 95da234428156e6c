import type { CaseDetail, Piece } from '../../../shared/api/cases-api';
import type { JobStatus } from '../../../shared/api/export-api';
import type { BackupSummary } from '../../../shared/api/security-api';
import { jobsOf } from '../../../electron/core/app/jobs';
import type { Db } from '../../../electron/core/db/open';
import type { hostWithVault } from '../../helpers/host';

export type TestHost = Awaited<ReturnType<typeof hostWithVault>>;

/** Words that appear nowhere else: finding one after a purge means a trace was left. */
export const MARKERS = {
  title: 'Quetzalcoatlus',
  verbatim: 'Xylophonistes acariâtres du boulevard Zéphyrin',
  notes: 'Ornithorynque-7731',
  pieceText: 'Brachiosaure confidentiel 4412',
  pieceTitle: 'Ptérodactyle',
  author: 'Vélociraptor88',
};

export async function caseWithPieces(ctx: TestHost, n = 2): Promise<CaseDetail> {
  const detail = await ctx.call<CaseDetail>('cases.create', {
    kind: 'review',
    title: `Avis ${MARKERS.title}`,
    platform: 'Google',
    authorPseudonym: MARKERS.author,
    notes: MARKERS.notes,
    verbatim: MARKERS.verbatim,
  });
  for (let i = 0; i < n; i += 1) await textPiece(ctx, detail.id, i);
  return ctx.call<CaseDetail>('cases.get', { caseId: detail.id });
}

export function textPiece(
  ctx: TestHost,
  caseId: string,
  i = 0,
  text = `${MARKERS.pieceText} n° ${i}\n`,
  title = `${MARKERS.pieceTitle} ${i}`,
): Promise<Piece> {
  return ctx.call<Piece>('pieces.import', {
    caseId,
    source: {
      kind: 'bytes',
      name: `note-${i}.txt`,
      base64: Buffer.from(text).toString('base64'),
    },
    title,
    capture: { description: `Description de ${title}` },
  });
}

/** Every row of every real table, in rowid order, as JSON: two equal dumps are equal databases. */
export function dumpTables(db: Db, except: string[] = []): Record<string, unknown[]> {
  const tables = db
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name",
    )
    .all() as Array<{ name: string }>;
  const out: Record<string, unknown[]> = {};
  for (const { name } of tables) {
    if (except.includes(name)) continue;
    const withoutRowid = /WITHOUT ROWID/i.test(
      (db.prepare('SELECT sql FROM sqlite_master WHERE name = ?').get(name) as { sql: string }).sql,
    );
    out[name] = db
      .prepare(`SELECT * FROM "${name}" ${withoutRowid ? '' : 'ORDER BY rowid'}`)
      .all()
      .map(
        (row) =>
          JSON.parse(
            JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : v)),
          ) as unknown,
      );
  }
  return out;
}

/** Runs backup.run and waits for its job. */
export async function backupNow(ctx: TestHost): Promise<BackupSummary> {
  const { jobId } = await ctx.call<{ jobId: string }>('backup.run');
  const status = (await jobsOf(ctx.host).wait(jobId)) as JobStatus<BackupSummary>;
  if (status.state !== 'done' || !status.result) {
    throw Object.assign(new Error(status.message ?? 'backup failed'), status.error ?? {});
  }
  return status.result;
}
