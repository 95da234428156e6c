/**
 * Everything an export puts in the dossier, read in one go from the vault before any file is
 * written: the case file, the cabinet, letters and the correspondence log, the chronology and the
 * deadlines as of today.
 */
import type { CaseDetail, ChronologyEvent, Piece } from '../../../shared/api/cases-api';
import { AppError } from '../../../shared/api/errors';
import type { Deadline } from '../../../shared/deadlines/engine';
import { isoDateInTimeZone, type IsoDate } from '../../../shared/deadlines/dates';
import type { Practice } from '../../../shared/domain/accounts';
import { readPractice } from '../app/handlers/vault';
import { chronology } from '../cases/chronology';
import { getCase } from '../cases/repo';
import { caseDeadlines } from '../deadlines/views';
import { enclosureLine } from '../letters/compose';
import { parseEnclosures } from '../letters/rows';
import type { Db } from '../db/open';
import type { OpenVault } from '../vault/open-vault';

export interface Party {
  name: string;
  organisation: string;
  address: string;
  email: string;
}

export interface LetterRecord {
  id: string;
  kind: 'reply' | 'letter' | 'sheet' | 'form-text';
  title: string;
  recipient: Party;
  sendingMode: string | null;
  lrarNumber: string;
  place: string;
  letterDate: string | null;
  objet: string;
  references: string;
  body: string;
  closing: string;
  enclosures: string[];
  status: 'brouillon' | 'validee' | 'envoyee' | 'publiee';
  sentAt: string | null;
  createdAt: string;
}

export interface CorrespondenceRecord {
  id: string;
  direction: 'envoye' | 'recu';
  date: string;
  channel: string;
  lrarNumber: string;
  counterpart: Party;
  subject: string;
  summary: string;
  pieceNumbers: number[];
  arReceived: string | null;
  answerExpected: string | null;
}

export interface ExportData {
  detail: CaseDetail;
  practice: Practice;
  /** Pièces handed over: every one not withdrawn, in their stable numbering. */
  pieces: Piece[];
  withdrawnNumbers: number[];
  letters: LetterRecord[];
  correspondence: CorrespondenceRecord[];
  events: ChronologyEvent[];
  deadlines: Deadline[];
  deadlineWarnings: string[];
  today: IsoDate;
  exportedAt: Date;
  exportedBy: string;
}

function hasTable(db: Db, name: string): boolean {
  return Boolean(
    db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name),
  );
}

function parseJson<T>(text: string | null | undefined, fallback: T): T {
  try {
    return text ? (JSON.parse(text) as T) : fallback;
  } catch {
    return fallback;
  }
}

function party(text: string | null | undefined): Party {
  const raw = parseJson<Record<string, unknown>>(text, {});
  const pick = (key: string) => (typeof raw[key] === 'string' ? (raw[key] as string) : '');
  return {
    name: pick('name') || pick('label'),
    organisation: pick('organisation'),
    address: pick('address'),
    email: pick('email'),
  };
}

/** A stored enclosure is its frozen line, or a pièce whose line is computed as letters do. */
function enclosureLines(json: string | null, pieces: Map<string, Piece>): string[] {
  return parseEnclosures(json ?? '[]').flatMap((e) => {
    if (e.line) return [e.line];
    const piece = pieces.get(e.pieceId);
    return piece ? [enclosureLine(piece)] : [];
  });
}

/**
 * Letters are read straight from their table, so the export is complete whichever screens exist.
 * Limitation: the columns are those of migration 4; a later change of the letters' storage must
 * be reflected here.
 */
function readLetters(db: Db, caseId: string, pieces: Map<string, Piece>): LetterRecord[] {
  if (!hasTable(db, 'letters')) return [];
  const rows = db
    .prepare('SELECT * FROM letters WHERE case_id = ? ORDER BY created_at, id')
    .all(caseId) as Array<Record<string, string | null>>;
  return rows.map((r) => ({
    id: r.id ?? '',
    kind: (r.kind ?? 'letter') as LetterRecord['kind'],
    title: r.title ?? '',
    recipient: party(r.recipient),
    sendingMode: r.sending_mode ?? null,
    lrarNumber: r.lrar_number ?? '',
    place: r.place ?? '',
    letterDate: r.letter_date ?? null,
    objet: r.objet ?? '',
    references: r.references_text ?? '',
    body: r.body ?? '',
    closing: r.closing ?? '',
    enclosures: enclosureLines(r.enclosures, pieces),
    status: (r.status ?? 'brouillon') as LetterRecord['status'],
    sentAt: r.sent_at ?? null,
    createdAt: r.created_at ?? '',
  }));
}

function readCorrespondence(db: Db, caseId: string, numbers: Map<string, number>) {
  if (!hasTable(db, 'correspondence')) return [];
  const rows = db
    .prepare('SELECT * FROM correspondence WHERE case_id = ? ORDER BY date, created_at, id')
    .all(caseId) as Array<Record<string, string | null>>;
  return rows.map<CorrespondenceRecord>((r) => ({
    id: r.id ?? '',
    direction: r.direction === 'recu' ? 'recu' : 'envoye',
    date: r.date ?? '',
    channel: r.channel ?? '',
    lrarNumber: r.lrar_number ?? '',
    counterpart: party(r.counterpart),
    subject: r.subject ?? '',
    summary: r.summary ?? '',
    pieceNumbers: parseJson<unknown[]>(r.piece_ids, [])
      .map((id) => (typeof id === 'string' ? numbers.get(id) : undefined))
      .filter((n): n is number => n !== undefined)
      .sort((a, b) => a - b),
    arReceived: r.ar_received ?? null,
    answerExpected: r.answer_expected ?? null,
  }));
}

/**
 * The deadlines exactly as the case file's screen shows them (corrections, GDPR requests and
 * follow-ups included). A case whose dates cannot be computed still goes to the lawyer.
 */
function deadlinesOf(vault: OpenVault, caseId: string, now: Date) {
  try {
    const view = caseDeadlines(vault, caseId, now);
    return {
      deadlines: view.deadlines as Deadline[],
      warnings: [...view.problems.map((p) => p.message), ...view.warnings],
    };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { deadlines: [], warnings: [`Échéances non calculées : ${error.message}`] };
  }
}

/** Letters and correspondence in the chronology, unless the case chronology already has them. */
function withCorrespondence(
  events: ChronologyEvent[],
  letters: LetterRecord[],
  log: CorrespondenceRecord[],
): ChronologyEvent[] {
  if (events.some((e) => e.kind === 'courrier')) return events;
  const extra: ChronologyEvent[] = [];
  for (const l of letters) {
    if (l.sentAt) {
      extra.push({
        date: l.sentAt,
        kind: 'courrier',
        label: `Courrier envoyé : ${l.title}`,
        ref: l.id,
      });
    }
  }
  for (const c of log) {
    const verb = c.direction === 'recu' ? 'Courrier reçu' : 'Courrier envoyé';
    const who = c.counterpart.name || c.counterpart.organisation;
    extra.push({
      date: c.date,
      kind: 'courrier',
      label: `${verb}${who ? ` (${who})` : ''} : ${c.subject}`,
      ref: c.id,
    });
  }
  return [...events, ...extra].sort((a, b) => a.date.localeCompare(b.date));
}

export function collectExportData(vault: OpenVault, caseId: string, now: Date): ExportData {
  const detail = getCase(vault, caseId);
  const numbers = new Map(detail.pieces.map((p) => [p.id, p.number]));
  const letters = readLetters(vault.db, caseId, new Map(detail.pieces.map((p) => [p.id, p])));
  const correspondence = readCorrespondence(vault.db, caseId, numbers);
  const { deadlines, warnings } = deadlinesOf(vault, caseId, now);
  return {
    detail,
    practice: readPractice(vault),
    pieces: detail.pieces.filter((p) => p.withdrawn === null),
    withdrawnNumbers: detail.pieces.filter((p) => p.withdrawn !== null).map((p) => p.number),
    letters,
    correspondence,
    events: withCorrespondence(chronology(vault, caseId), letters, correspondence),
    deadlines,
    deadlineWarnings: warnings,
    today: isoDateInTimeZone(now),
    exportedAt: now,
    exportedBy: vault.account.label,
  };
}
