import type {
  Counterpart,
  LetterRecipientInfo,
  LetterStatus,
} from '../../../shared/api/letters-api';
import { AppError } from '../../../shared/api/errors';
import { isIsoDate, isoDateInTimeZone } from '../../../shared/deadlines/dates';
import type { SendingMode, TemplateKind } from '../../../shared/templates/schema';
import type { Db } from '../db/open';

/** Row shapes of migration 4, and small checks shared by the letters' services. */

export interface LetterRow {
  id: string;
  case_id: string;
  step_id: string | null;
  kind: TemplateKind;
  template_id: string;
  template_version: number;
  template_builtin: number;
  title: string;
  recipient: string;
  sending_mode: SendingMode | null;
  lrar_number: string;
  place: string;
  letter_date: string | null;
  objet: string;
  references_text: string;
  body: string;
  closing: string;
  enclosures: string;
  status: LetterStatus;
  validated_at: string | null;
  validated_by: string | null;
  sent_at: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

export interface CorrespondenceRow {
  id: string;
  case_id: string;
  direction: 'envoye' | 'recu';
  date: string;
  channel: string;
  lrar_number: string;
  counterpart: string;
  subject: string;
  summary: string;
  piece_ids: string;
  letter_id: string | null;
  ar_received: string | null;
  answer_expected: string | null;
  answered_by: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
}

/** A pièce enclosed with a letter; `line` is frozen at validation, computed before. */
export interface StoredEnclosure {
  pieceId: string;
  line: string | null;
}

export function parseRecipient(json: string): LetterRecipientInfo {
  const raw = safeJson(json) as Partial<LetterRecipientInfo> | null;
  return {
    name: typeof raw?.name === 'string' ? raw.name : '',
    address: typeof raw?.address === 'string' ? raw.address : '',
    email: typeof raw?.email === 'string' ? raw.email : '',
    recipientId: typeof raw?.recipientId === 'string' ? raw.recipientId : null,
  };
}

export function parseCounterpart(json: string): Counterpart {
  return parseRecipient(json);
}

export function parseEnclosures(json: string): StoredEnclosure[] {
  const raw = safeJson(json);
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((e): StoredEnclosure[] => {
    if (typeof e === 'string') return [{ pieceId: e, line: null }];
    if (e && typeof e === 'object' && typeof (e as StoredEnclosure).pieceId === 'string') {
      const line = (e as StoredEnclosure).line;
      return [
        { pieceId: (e as StoredEnclosure).pieceId, line: typeof line === 'string' ? line : null },
      ];
    }
    return [];
  });
}

export function parseIds(json: string): string[] {
  const raw = safeJson(json);
  return Array.isArray(raw) ? raw.filter((x): x is string => typeof x === 'string') : [];
}

function safeJson(json: string): unknown {
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return null;
  }
}

export function requireLetter(db: Db, letterId: string): LetterRow {
  const row = db.prepare('SELECT * FROM letters WHERE id = ?').get(letterId) as
    LetterRow | undefined;
  if (!row)
    throw new AppError('NOT_FOUND', 'Ce courrier est introuvable : il a peut-être été supprimé.');
  return row;
}

export function requireEntry(db: Db, entryId: string): CorrespondenceRow {
  const row = db.prepare('SELECT * FROM correspondence WHERE id = ?').get(entryId) as
    CorrespondenceRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'Cette entrée de la correspondance est introuvable.');
  return row;
}

export function requireCaseRow(db: Db, caseId: string): { id: string; title: string } {
  const row = db.prepare('SELECT id, title FROM case_files WHERE id = ?').get(caseId) as
    { id: string; title: string } | undefined;
  if (!row)
    throw new AppError('NOT_FOUND', 'Ce dossier est introuvable. Revenez à la liste des dossiers.');
  return row;
}

/** The cabinet's calendar day: Paris time. */
export function today(now: Date): string {
  return isoDateInTimeZone(now);
}

/** A real calendar day, not after today: a letter cannot be sent tomorrow in the record. */
export function pastDay(value: string, now: Date, field: string, what: string): string {
  if (!isIsoDate(value)) {
    throw new AppError('INVALID_INPUT', `${what} n’existe pas au calendrier : vérifiez-la.`, field);
  }
  if (value > today(now)) {
    throw new AppError(
      'INVALID_INPUT',
      `${what} est dans le futur : indiquez la date à laquelle c’est arrivé.`,
      field,
    );
  }
  return value;
}

export function realDay(value: string, field: string, what: string): string {
  if (!isIsoDate(value)) {
    throw new AppError('INVALID_INPUT', `${what} n’existe pas au calendrier : vérifiez-la.`, field);
  }
  return value;
}

/**
 * The pièces must belong to the case; a withdrawn pièce stays listed where it already was but
 * cannot be newly attached.
 */
export function checkPieces(
  db: Db,
  caseId: string,
  ids: readonly string[],
  alreadyAttached: readonly string[] = [],
): string[] {
  const unique = [...new Set(ids)];
  for (const id of unique) {
    const p = db
      .prepare('SELECT case_id, withdrawn_at, number FROM pieces WHERE id = ?')
      .get(id) as { case_id: string; withdrawn_at: string | null; number: number } | undefined;
    if (!p || p.case_id !== caseId) {
      throw new AppError(
        'INVALID_INPUT',
        'Une des pièces choisies n’appartient pas à ce dossier : choisissez parmi ses pièces.',
        'pieceIds',
      );
    }
    if (p.withdrawn_at && !alreadyAttached.includes(id)) {
      throw new AppError(
        'INVALID_INPUT',
        `La pièce n° ${p.number} a été retirée du dossier : elle ne peut plus être jointe.`,
        'pieceIds',
      );
    }
  }
  return unique;
}
