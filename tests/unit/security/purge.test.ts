import { existsSync } from 'node:fs';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { CaseDetail } from '../../../shared/api/cases-api';
import type { CaseRetention, JournalItem } from '../../../shared/api/security-api';
import { verifyJournal } from '../../../electron/core/db/journal';
import type { Db } from '../../../electron/core/db/open';
import { hostWithVault } from '../../helpers/host';
import { SECRETARY_PASS } from '../../helpers/tmp';
import { caseWithPieces, MARKERS, textPiece, type TestHost } from './helpers';

const DAY = 86_400_000;
let ctx: TestHost;
let now: number;

function setClock(at: number): void {
  now = at;
  ctx.host.touch(new Date(now)); // a jump in time must not read as idleness
}

beforeEach(async () => {
  ctx = await hostWithVault();
  now = Date.UTC(2026, 0, 15, 9, 0);
  ctx.host.options.now = () => new Date(now);
  setClock(now);
});
afterEach(() => ctx.cleanup());

async function close(caseId: string): Promise<void> {
  await ctx.call('cases.setStatus', {
    caseId,
    status: 'clos',
    outcome: 'abandon',
    outcomeNote: '',
  });
}

/** Lowercased, without accents: how the FTS index stores words. */
const token = (word: string) => word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

const NEEDLES = [
  MARKERS.title,
  'Xylophonistes',
  'Zéphyrin',
  MARKERS.notes,
  'Brachiosaure',
  MARKERS.pieceTitle,
  MARKERS.author,
  'Lettre-Stégosaure',
];

/** Every value of every table (FTS shadow tables included), as text and as bytes. */
function traces(db: Db, caseId: string): string[] {
  const found = new Set<string>();
  const tables = db
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'",
    )
    .all() as Array<{ name: string }>;
  for (const { name } of tables) {
    for (const row of db.prepare(`SELECT * FROM "${name}"`).iterate()) {
      for (const value of Object.values(row as Record<string, unknown>)) {
        const text = Buffer.isBuffer(value) ? value.toString('latin1') : String(value);
        const utf8 = Buffer.isBuffer(value) ? value.toString('utf8') : text;
        for (const needle of [...NEEDLES, ...NEEDLES.map(token)]) {
          if (text.includes(needle) || utf8.includes(needle)) found.add(`${name}:${needle}`);
        }
        if (name !== 'journal' && utf8.includes(caseId)) found.add(`${name}:case-id`);
      }
    }
  }
  db.exec(
    "CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocab USING fts5vocab(main, 'case_search', 'row')",
  );
  const terms = new Set(
    (db.prepare('SELECT term FROM temp.vocab').all() as Array<{ term: string }>).map((r) => r.term),
  );
  for (const needle of NEEDLES) {
    for (const word of token(needle).split(/[^\p{L}\p{N}]+/u)) {
      if (word.length > 3 && terms.has(word)) found.add(`vocab:${word}`);
    }
  }
  return [...found].sort();
}

describe('retention', () => {
  it('runs from the closing date for the configured number of years', async () => {
    const detail = await ctx.call<CaseDetail>('cases.create', { kind: 'other', title: 'Dossier' });
    expect(await ctx.call<CaseRetention>('cases.retention', { caseId: detail.id })).toEqual({
      closedAt: null,
      endsAt: null,
      retentionYears: 10,
      canPurge: false,
    });
    await close(detail.id);
    expect(await ctx.call('cases.retention', { caseId: detail.id })).toMatchObject({
      closedAt: '2026-01-15T09:00:00.000Z',
      endsAt: '2036-01-15',
      canPurge: false,
    });
    await ctx.call('settings.update', { retentionYears: 3 });
    setClock(Date.UTC(2029, 0, 15, 0, 1));
    expect(await ctx.call('cases.retention', { caseId: detail.id })).toMatchObject({
      endsAt: '2029-01-15',
      canPurge: true,
    });
    // Reopened, it is kept again.
    await ctx.call('cases.setStatus', { caseId: detail.id, status: 'ouvert', outcomeNote: '' });
    expect(await ctx.call('cases.retention', { caseId: detail.id })).toMatchObject({
      canPurge: false,
    });
  });
});

describe('purge', () => {
  it('refuses an open case, a case still in its retention (naming the date), and the secretary', async () => {
    const secretary = await ctx.addSecretary();
    const detail = await ctx.call<CaseDetail>('cases.create', { kind: 'other', title: 'Dossier' });
    expect(await ctx.host.call('cases.purge', { caseId: detail.id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('dossier clos') },
    });
    await close(detail.id);
    setClock(now + 9 * 365 * DAY);
    expect(await ctx.host.call('cases.purge', { caseId: detail.id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('15 janvier 2036') },
    });
    setClock(Date.UTC(2036, 0, 16));
    await ctx.call('vault.unlock', { accountId: secretary, passphrase: SECRETARY_PASS });
    expect(await ctx.host.call('cases.purge', { caseId: detail.id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringContaining('médecin') },
    });
    expect(await ctx.call('cases.get', { caseId: detail.id })).toMatchObject({ id: detail.id });
  });

  it('leaves no row, index word or pièce file of the case, and journals the act with codes only', async () => {
    const doctor = ctx.host.session!.account.id;
    const doomed = await caseWithPieces(ctx, 2);
    const kept = await ctx.call<CaseDetail>('cases.create', {
      kind: 'review',
      title: 'Avis à garder',
      verbatim: 'Un texte qui reste',
    });
    const keptPiece = await textPiece(ctx, kept.id, 9, 'Pièce gardée\n', 'Capture gardée');
    const db = ctx.host.session!.db;
    const at = new Date(now).toISOString();
    // Rows of later tables, written directly: the purge finds them from the schema.
    db.prepare(
      `INSERT INTO correspondence (id, case_id, direction, date, channel, subject, created_at, created_by, updated_at)
       VALUES ('c1', ?, 'envoye', '2026-01-15', 'email', 'Lettre-Stégosaure', ?, ?, ?)`,
    ).run(doomed.id, at, doctor, at);
    db.prepare(
      `INSERT INTO deadline_overrides (case_id, deadline_key, date, reason, by_account, at)
       VALUES (?, 'k', '2026-02-01', 'Lettre-Stégosaure', ?, ?)`,
    ).run(doomed.id, doctor, at);
    db.prepare(
      `INSERT INTO feeds (id, url, created_at) VALUES ('f1', 'https://exemple.fr/flux', ?)`,
    ).run(at);
    db.prepare(
      `INSERT INTO mentions (id, feed_id, guid, title, seen_at, case_id) VALUES ('m1', 'f1', 'g', 'Mention publique', ?, ?)`,
    ).run(at, doomed.id);

    expect(traces(db, doomed.id).length).toBeGreaterThan(8);
    const blobFiles = (
      db.prepare('SELECT blob_path FROM pieces WHERE case_id = ?').all(doomed.id) as Array<{
        blob_path: string;
      }>
    ).map((r) => path.join(ctx.dir, 'data', 'blobs', r.blob_path));
    expect(blobFiles.every((f) => existsSync(f))).toBe(true);

    await close(doomed.id);
    setClock(Date.UTC(2036, 0, 15, 12));
    expect(await ctx.call('cases.purge', { caseId: doomed.id })).toEqual({
      purged: true,
      pieces: 2,
    });

    expect(traces(db, doomed.id)).toEqual([]);
    expect(blobFiles.some((f) => existsSync(f))).toBe(false);
    expect(db.prepare("SELECT case_id FROM mentions WHERE id = 'm1'").get()).toEqual({
      case_id: null,
    });
    expect(await ctx.host.call('cases.get', { caseId: doomed.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(db.prepare('SELECT count(*) AS n FROM purge_guard').get()).toEqual({ n: 0 });
    // The database still refuses to delete a pièce outside a purge.
    expect(() => db.prepare('DELETE FROM pieces WHERE id = ?').run(keptPiece.id)).toThrow(
      /withdrawn/,
    );

    const [entry] = await ctx.call<JournalItem[]>('journal.list', { limit: 1 });
    expect(entry).toMatchObject({
      action: 'case.purge',
      caseId: doomed.id,
      details: { pieces: 2 },
    });
    expect(verifyJournal(db).ok).toBe(true);

    const check = await ctx.call<{ ok: boolean }>('pieces.verify', { pieceId: keptPiece.id });
    expect(check.ok).toBe(true);
    const list = await ctx.call<Array<{ id: string }>>('cases.list', { query: 'garder' });
    expect(list.map((c) => c.id)).toEqual([kept.id]);
    expect(db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
  });
});
