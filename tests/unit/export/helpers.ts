import { spawnSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

import type { CaseDetail, Piece } from '../../../shared/api/cases-api';
import type { ExportJobStatus, ExportStarted } from '../../../shared/api/export-api';
import { demoPdf, demoPng } from '../../../electron/core/demo/demo-files';
import type { hostWithVault } from '../../helpers/host';

export type Host = Awaited<ReturnType<typeof hostWithVault>>;

export const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

/** Exact words with accents, typographic quotes, an indented line and a trailing space. */
export const VERBATIM =
  'Médecin incompétent et arrogant, à fuir !\n  Deuxième ligne « citée » — été 2025. ';
export const URL = 'https://www.exemple-avis.fr/medecins/lefort?avis=4412';

export interface DemoCase {
  detail: CaseDetail;
  /** Original bytes by pièce number. */
  bytes: Map<number, Buffer>;
}

export function missingTools(tools: string[]): string[] {
  return tools.filter(
    (tool) => spawnSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' }).status !== 0,
  );
}

/** A review case with four pièces (one withdrawn), a qualification, a step, letters and log. */
export async function buildCase(
  h: Host,
  title = 'Avis injurieux « Zorro69 » : été',
): Promise<DemoCase> {
  const detail = await h.call<CaseDetail>('cases.create', {
    kind: 'review',
    title,
    platform: 'Google (fiche d’établissement)',
    url: URL,
    authorPseudonym: 'Zorro69',
    rating: 1,
    ratingMax: 5,
    firstPosted: '2025-11-30',
    firstPostedHow: 'page',
    discovered: '2025-12-02',
    verbatim: VERBATIM,
  });
  await h.call('cases.qualify', {
    caseId: detail.id,
    lawful: false,
    categories: ['injure', 'diffamation'],
  });
  await h.call('cases.setStep', {
    caseId: detail.id,
    stepId: 'palier-1',
    state: 'fait',
    date: '2025-12-03',
  });

  const files: Array<{ name: string; title: string; bytes: Buffer }> = [
    {
      name: 'capture.png',
      title: 'Capture de l’avis (page complète)',
      bytes: demoPng(320, 200, 1),
    },
    {
      name: 'archive.pdf',
      title: 'Archive : web/archive.org*',
      bytes: demoPdf(['Archive du 30/11/2025']),
    },
    { name: 'con.png', title: 'CON', bytes: demoPng(200, 120, 2) },
    { name: 'retiree.png', title: 'Pièce retirée', bytes: demoPng(100, 80, 3) },
  ];
  const bytes = new Map<number, Buffer>();
  const pieces: Piece[] = [];
  for (const f of files) {
    const piece = await h.call<Piece>('pieces.import', {
      caseId: detail.id,
      source: { kind: 'bytes', name: f.name, base64: f.bytes.toString('base64') },
      title: f.title,
      capture: { sourceUrl: URL, capturedAt: '2025-12-02T09:15:00.000Z', os: 'Windows 11' },
    });
    bytes.set(piece.number, f.bytes);
    pieces.push(piece);
  }
  await h.call('pieces.withdraw', { pieceId: pieces[3]!.id, reason: 'Doublon' });
  insertLetters(h, detail.id, pieces);
  return { detail: await h.call<CaseDetail>('cases.get', { caseId: detail.id }), bytes };
}

/** Letters and the correspondence log straight into their tables (migration 4). */
function insertLetters(h: Host, caseId: string, pieces: Piece[]): void {
  const db = h.host.session!.db;
  const account = h.host.session!.account.id;
  const at = '2025-12-04T10:00:00.000Z';
  const letterId = randomUUID();
  db.prepare(
    `INSERT INTO letters (id, case_id, step_id, kind, template_id, template_version,
       template_builtin, title, recipient, sending_mode, lrar_number, place, letter_date, objet,
       references_text, body, closing, enclosures, status, sent_at, created_at, created_by,
       updated_at, updated_by)
     VALUES (?, ?, 'palier-1', 'letter', 'signalement', 1, 1, ?, ?, 'lrar', '1A 234 567 8901 2',
       'Paris', '2025-12-04', ?, '', ?, 'Veuillez agréer mes salutations distinguées.', ?,
       'envoyee', ?, ?, ?, ?, ?)`,
  ).run(
    letterId,
    caseId,
    'Signalement à l’hébergeur',
    JSON.stringify({
      name: 'Exemple Avis SAS',
      address: '1 rue de la Paix\n75002 Paris',
      email: '',
    }),
    'Signalement d’un contenu illicite',
    'Madame, Monsieur,\n\nJe vous signale un avis injurieux publié à l’adresse indiquée.',
    JSON.stringify([pieces[0]!.id]),
    at,
    at,
    account,
    at,
    account,
  );
  db.prepare(
    `INSERT INTO letters (id, case_id, kind, template_id, template_version, template_builtin,
       title, body, status, created_at, created_by, updated_at, updated_by)
     VALUES (?, ?, 'letter', 'mise-en-demeure', 1, 1, 'CON', 'Brouillon sans destinataire.',
       'brouillon', ?, ?, ?, ?)`,
  ).run(randomUUID(), caseId, at, account, at, account);
  db.prepare(
    `INSERT INTO correspondence (id, case_id, direction, date, channel, lrar_number, counterpart,
       subject, summary, piece_ids, letter_id, created_at, created_by, updated_at)
     VALUES (?, ?, 'envoye', '2025-12-04', 'lrar', '1A 234 567 8901 2', ?, ?, '', ?, ?, ?, ?, ?)`,
  ).run(
    randomUUID(),
    caseId,
    JSON.stringify({ name: 'Exemple Avis SAS', address: '', email: 'legal@exemple-avis.fr' }),
    'Signalement LCEN',
    JSON.stringify([pieces[0]!.id, pieces[1]!.id]),
    letterId,
    at,
    account,
    at,
  );
}

export async function startExport(
  h: Host,
  caseId: string,
  format: 'folder' | 'zip' | 'zip-aes',
  destination: string,
): Promise<ExportStarted> {
  return h.call<ExportStarted>('export.start', { caseId, format, destination });
}

/** Polls the job through the API, as the renderer does. */
export async function waitJob(h: Host, id: string, timeoutMs = 60_000): Promise<ExportJobStatus> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const status = await h.call<ExportJobStatus>('jobs.get', { id });
    if (status.state !== 'running') return status;
    if (Date.now() > end) throw new Error('export job did not finish');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Every file under `root`, relative, '/'-separated. */
export function listFiles(root: string, prefix = ''): string[] {
  return readdirSync(path.join(root, prefix), { withFileTypes: true }).flatMap((e) => {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    return e.isDirectory() ? listFiles(root, rel) : [rel];
  });
}

export function fileSize(file: string): number {
  return statSync(file).size;
}
