/**
 * Deadlines as the screens, the calendar export and the notifications need them: computed by the
 * shared engine from each case file's facts, counted down from today in Paris.
 */
import type {
  CaseDeadlines,
  DeadlineList,
  DeadlineProblem,
  DeadlineView,
} from '../../../shared/api/watch-api';
import { AppError } from '../../../shared/api/errors';
import { isoDateInTimeZone } from '../../../shared/deadlines/dates';
import {
  computeDeadlines,
  daysLeft,
  deadlineWarnings,
  sortByUrgency,
  urgency,
} from '../../../shared/deadlines/engine';
import { deadlinesToIcs, icsItemFromDeadline } from '../../../shared/deadlines/ics';
import type { Deadline } from '../../../shared/deadlines/types';
import { PALIER_STEPS } from '../../../shared/templates/schema';
import { accountLabels, getCase } from '../cases/repo';
import type { CaseRow } from '../cases/rows';
import type { OpenVault } from '../vault/open-vault';
import { loadCaseFacts, requireCaseRow, type CaseFactsBundle } from './facts';

const HOW_UNKNOWN_NOTE =
  'Vous n’avez pas indiqué comment la date de première mise en ligne a été établie : elle est ' +
  'lue comme relevée sur la page. Si elle est estimée, précisez-le dans le dossier, l’échéance ' +
  'réelle peut être plus proche.';

/** Paliers 1 and 2 feel like action but stop no clock: the warning shows before them. */
const BEFORE_COURT: readonly string[] = [PALIER_STEPS[0], PALIER_STEPS[1]];

export const ICS_FILENAME = 'echeances-egide.ics';

export function today(now: Date): string {
  return isoDateInTimeZone(now);
}

/** The only case reference that may leave the vault: the start of its random id. */
export function caseRef(caseId: string): string {
  return caseId.replace(/-/g, '').slice(0, 8).toUpperCase();
}

function toView(d: Deadline, row: CaseRow, day: string, howUnknown: boolean): DeadlineView {
  const left = daysLeft(d, day);
  const fromPosting = d.runsFrom.label.startsWith('Première mise en ligne');
  const notes = howUnknown && fromPosting ? [...d.notes, HOW_UNKNOWN_NOTE] : d.notes;
  return {
    ...d,
    notes,
    caseTitle: row.title,
    caseRef: caseRef(row.id),
    daysLeft: left,
    urgency: urgency(left),
  };
}

interface Computed {
  bundle: CaseFactsBundle;
  views: DeadlineView[];
  warnings: string[];
  problem: DeadlineProblem | null;
}

/** One case's deadlines; a failure becomes a visible problem rather than an empty list. */
function compute(bundle: CaseFactsBundle, day: string): Computed {
  try {
    const deadlines = computeDeadlines(bundle.facts);
    return {
      bundle,
      views: deadlines.map((d) => toView(d, bundle.row, day, bundle.postingHowUnknown)),
      warnings: deadlineWarnings(bundle.facts, deadlines),
      problem: null,
    };
  } catch (error) {
    const message =
      error instanceof AppError
        ? `Échéances non calculées : ${error.message}`
        : 'Échéances non calculées : une donnée du dossier est illisible. Vérifiez ses dates.';
    return {
      bundle,
      views: [],
      warnings: [],
      problem: { caseId: bundle.row.id, caseTitle: bundle.row.title, message },
    };
  }
}

function openRows(vault: OpenVault): CaseRow[] {
  return vault.db
    .prepare("SELECT * FROM case_files WHERE status != 'clos' ORDER BY created_at, id")
    .all() as CaseRow[];
}

/** Every deadline of every open case file, most urgent first. */
export function listDeadlines(vault: OpenVault, now: Date): DeadlineList {
  const day = today(now);
  const label = accountLabels(vault.db);
  const all = openRows(vault).map((row) => compute(loadCaseFacts(vault.db, row, label), day));
  return {
    today: day,
    deadlines: sortByUrgency(all.flatMap((c) => c.views)),
    problems: all.flatMap((c) => (c.problem ? [c.problem] : [])),
  };
}

export function caseDeadlines(vault: OpenVault, caseId: string, now: Date): CaseDeadlines {
  const day = today(now);
  const row = requireCaseRow(vault.db, caseId);
  const label = accountLabels(vault.db);
  const computed = compute(loadCaseFacts(vault.db, row, label), day);
  const summary = getCase(vault, caseId);
  const next = summary.nextStep;
  const beforeCourt = next !== null && BEFORE_COURT.includes(next.id);
  return {
    caseId,
    today: day,
    deadlines: computed.views,
    problems: computed.problem ? [computed.problem] : [],
    path: summary.path,
    nextStep: next,
    warnings: computed.warnings,
    paliersWarning: summary.path === 'paliers' && summary.status !== 'clos' && beforeCourt,
    overrideHistory: computed.bundle.overrideHistory,
    followUps: computed.bundle.followUps,
    gdprRequests: computed.bundle.gdprRequests,
  };
}

/** Follow-up labels are the user's words; a calendar gets a neutral one instead. */
function calendarLabel(d: DeadlineView): string {
  return d.kind === 'follow-up' ? 'Relance prévue' : d.label;
}

/**
 * The open deadlines as an iCalendar file. Summaries carry the case number and the engine's
 * label only: a case title may name the author or the patient, and calendars sync to clouds.
 */
export function deadlinesIcs(vault: OpenVault, now: Date): { filename: string; content: string } {
  const { deadlines } = listDeadlines(vault, now);
  if (deadlines.length === 0) {
    throw new AppError(
      'NOT_FOUND',
      'Aucune échéance en cours : il n’y a rien à exporter vers le calendrier.',
    );
  }
  const items = deadlines.map((d) => ({
    ...icsItemFromDeadline(d, d.caseRef),
    summary: `Dossier n° ${d.caseRef} — ${calendarLabel(d)}`,
  }));
  return { filename: ICS_FILENAME, content: deadlinesToIcs(items, now) };
}
