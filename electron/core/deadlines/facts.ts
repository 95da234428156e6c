/**
 * From the vault's rows to the deadline engine's facts, one case file at a time: the case file's
 * dates, its latest qualification, the GDPR requests it sent, the follow-ups and the corrections
 * the user recorded.
 */
import type {
  FollowUpRecord,
  GdprRequestRecord,
  OverrideRecord,
} from '../../../shared/api/watch-api';
import { AppError } from '../../../shared/api/errors';
import { formatDateFr } from '../../../shared/deadlines/dates';
import type { DeadlineFacts, DeadlineOverride } from '../../../shared/deadlines/types';
import type { UnlawfulCategory } from '../../../shared/domain/cases';
import type { CaseRow } from '../cases/rows';
import type { Db } from '../db/open';

/** The letters of this step are GDPR opposition and erasure requests unless the user says not. */
export const GDPR_REQUEST_STEP = 'opposition-envoyee';

export interface CaseFactsBundle {
  row: CaseRow;
  facts: DeadlineFacts;
  gdprRequests: GdprRequestRecord[];
  followUps: FollowUpRecord[];
  overrideHistory: OverrideRecord[];
  /** A first-posting date is recorded without saying how it was established. */
  postingHowUnknown: boolean;
}

/** Correspondence dates may be stored as timestamps: the engine counts calendar days. */
function day(value: string | null): string | undefined {
  if (value === null || value === '') return undefined;
  return /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : value;
}

export function requireCaseRow(db: Db, caseId: string): CaseRow {
  const row = db.prepare('SELECT * FROM case_files WHERE id = ?').get(caseId) as
    CaseRow | undefined;
  if (!row) {
    throw new AppError('NOT_FOUND', 'Ce dossier est introuvable. Revenez au tableau de bord.');
  }
  return row;
}

function latestQualification(
  db: Db,
  caseId: string,
): { lawful: boolean; categories: UnlawfulCategory[] } | null {
  const q = db
    .prepare(
      'SELECT lawful, categories FROM qualifications WHERE case_id = ? ORDER BY at DESC, rowid DESC LIMIT 1',
    )
    .get(caseId) as { lawful: number; categories: string } | undefined;
  if (!q) return null;
  const parsed: unknown = JSON.parse(q.categories);
  return {
    lawful: q.lawful === 1,
    categories: Array.isArray(parsed) ? (parsed as UnlawfulCategory[]) : [],
  };
}

interface SentRow {
  id: string;
  date: string;
  ar_received: string | null;
  subject: string;
  answered_by: string | null;
  step: string | null;
  mark: number | null;
  extended: number;
}

/**
 * Sent letters that are GDPR requests: marked so by the user, or else produced for the step
 * 'opposition-envoyee'. An answered request drops out, unless the answer was the extension.
 */
export function gdprRequestRows(db: Db, caseId: string): GdprRequestRecord[] {
  const rows = db
    .prepare(
      `SELECT c.id, c.date, c.ar_received, c.subject, c.answered_by, l.step_id AS step,
         (SELECT g.is_request FROM gdpr_requests g WHERE g.correspondence_id = c.id
          ORDER BY g.id DESC LIMIT 1) AS mark,
         EXISTS (SELECT 1 FROM gdpr_extensions e WHERE e.correspondence_id = c.id) AS extended
       FROM correspondence c LEFT JOIN letters l ON l.id = c.letter_id
       WHERE c.case_id = ? AND c.direction = 'envoye'
       ORDER BY c.date, c.id`,
    )
    .all(caseId) as SentRow[];
  return rows
    .filter((r) => (r.mark === null ? r.step === GDPR_REQUEST_STEP : r.mark === 1))
    .filter((r) => r.answered_by === null || r.extended === 1)
    .map((r) => ({
      correspondenceId: r.id,
      sent: day(r.date) ?? r.date,
      arReceived: day(r.ar_received) ?? null,
      extended: r.extended === 1,
      subject: r.subject,
    }));
}

export function followUpRows(db: Db, caseId: string): FollowUpRecord[] {
  return (
    db
      .prepare(
        'SELECT id, correspondence_id, date, label, done_at FROM follow_ups WHERE case_id = ? ORDER BY date, id',
      )
      .all(caseId) as Array<{
      id: string;
      correspondence_id: string | null;
      date: string;
      label: string;
      done_at: string | null;
    }>
  ).map((f) => ({
    id: f.id,
    correspondenceId: f.correspondence_id,
    date: f.date,
    label: f.label,
    doneAt: f.done_at,
  }));
}

/** Every correction ever recorded for the case, oldest first. */
export function overrideRows(
  db: Db,
  caseId: string,
  label: (accountId: string) => string,
): OverrideRecord[] {
  return (
    db
      .prepare(
        'SELECT deadline_key, date, reason, by_account, at FROM deadline_overrides WHERE case_id = ? ORDER BY id',
      )
      .all(caseId) as Array<{
      deadline_key: string;
      date: string | null;
      reason: string;
      by_account: string;
      at: string;
    }>
  ).map((o) => ({
    deadlineKey: o.deadline_key,
    date: o.date,
    reason: o.reason,
    by: label(o.by_account),
    at: o.at,
  }));
}

/** The latest record per key wins; a restored computed date means no override. */
export function activeOverrides(history: readonly OverrideRecord[]): DeadlineOverride[] {
  const latest = new Map<string, OverrideRecord>();
  for (const o of history) latest.set(o.deadlineKey, o);
  const active: DeadlineOverride[] = [];
  for (const o of latest.values()) {
    if (o.date !== null) {
      active.push({
        deadlineKey: o.deadlineKey,
        date: o.date,
        reason: o.reason,
        by: o.by,
        at: o.at,
      });
    }
  }
  return active;
}

export function loadCaseFacts(
  db: Db,
  row: CaseRow,
  label: (accountId: string) => string,
): CaseFactsBundle {
  const q = latestQualification(db, row.id);
  const gdprRequests = gdprRequestRows(db, row.id);
  const followUps = followUpRows(db, row.id);
  const overrideHistory = overrideRows(db, row.id, label);

  const facts: DeadlineFacts = {
    caseId: row.id,
    kind: row.kind,
    // A listing follows the GDPR path and is never qualified: no prescription applies.
    unlawful: row.kind !== 'listing' && q !== null && !q.lawful,
    categories: row.kind === 'listing' ? [] : (q?.categories ?? []),
    closed: row.status === 'clos',
    gdprRequests: gdprRequests.map((g) => {
      const request: NonNullable<DeadlineFacts['gdprRequests']>[number] = {
        id: g.correspondenceId,
        sent: g.sent,
        extended: g.extended,
        // The subject is the user's words; the label reaches calendars, so it stays generic.
        label: `demande RGPD du ${safeFr(g.sent)}`,
      };
      if (g.arReceived !== null) request.receivedByController = g.arReceived;
      return request;
    }),
    followUps: followUps.map((f) => ({
      id: f.id,
      date: f.date,
      label: f.label,
      done: f.doneAt !== null,
    })),
    overrides: activeOverrides(overrideHistory),
  };
  if (row.first_posted) {
    // Limitation: a date recorded without its origin is read as taken from the page; the view
    // adds a note asking the user to say how it was established.
    facts.firstPosted = { date: row.first_posted, how: row.first_posted_how ?? 'page' };
  }
  if (row.discovered) facts.discovered = row.discovered;
  // Limitation: republications are not recorded in case files yet, so the press-law clock
  // always runs from the first posting (the earliest, hence the safest, end).

  return {
    row,
    facts,
    gdprRequests,
    followUps,
    overrideHistory,
    postingHowUnknown: row.first_posted !== null && row.first_posted_how === null,
  };
}

/** A malformed stored date must not hide the label: the engine reports it with its field. */
function safeFr(date: string): string {
  try {
    return formatDateFr(date);
  } catch {
    return date;
  }
}
