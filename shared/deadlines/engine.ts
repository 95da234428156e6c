/**
 * The deadline engine: from a case file's facts, the dates by which something must happen.
 * Pure and deterministic (no clock, no time zone); the caller passes `today` where it matters.
 * Rules and sources: shared/reference/legal-facts.md, sections Deadlines and Counting.
 */
import { compareIsoDates } from './dates';
import { fr, recommendedDate } from './draft';
import type { DraftDeadline } from './draft';
import { prescriptionDeadlines } from './rules-prescription';
import { droitDeReponseDeadlines, followUpDeadlines, gdprDeadlines } from './rules-other';
import type { Deadline, DeadlineFacts, DeadlineOverride } from './types';
import { sortByUrgency } from './urgency';
import { validateDeadlineFacts } from './validate';

export type {
  Certainty,
  Deadline,
  DeadlineFacts,
  DeadlineKind,
  DeadlineOverride,
  FirstPostedHow,
  FollowUpFacts,
  GdprRequestFacts,
  UnlawfulCategory,
  Urgency,
} from './types';
export {
  DEADLINE_KINDS,
  INDICATIVE_NOTE,
  PRESCRIPTION_WARNING,
  UNLAWFUL_CATEGORIES,
} from './types';
export { daysLeft, earliest, sortByUrgency, urgency } from './urgency';
export { PRESCRIPTION_LEAD_DAYS } from './rules-prescription';
export { DROIT_DE_REPONSE_LEAD_DAYS, gdprAnswerEnd } from './rules-other';
export { validateDeadlineFacts } from './validate';

/** The last override recorded for a key wins: later corrections replace earlier ones. */
function overrideFor(key: string, overrides: readonly DeadlineOverride[]) {
  return overrides.filter((o) => o.deadlineKey === key).at(-1);
}

function finish(
  caseId: string,
  draft: DraftDeadline,
  overrides: readonly DeadlineOverride[],
): Deadline {
  const { leadDays, ...rest } = draft;
  const computed = draft.legalEnd;
  const found = overrideFor(draft.key, overrides);
  const effective = found ? found.date : computed;
  const notes = [...draft.notes];

  let override: Deadline['override'];
  if (found) {
    override = { date: found.date, reason: found.reason.trim() };
    if (found.by !== undefined) override.by = found.by;
    if (found.at !== undefined) override.at = found.at;
    // Never silent: the user sees both dates and why they differ.
    notes.unshift(
      `Date corrigée manuellement : ${fr(found.date)} (motif : ${override.reason}). ` +
        `Date calculée : ${fr(computed)}.`,
    );
    if (compareIsoDates(found.date, computed) > 0 && draft.kind !== 'follow-up') {
      notes.unshift(
        'La date corrigée est postérieure à la date calculée : ne la retenez que sur preuve ou ' +
          'sur l’avis de votre avocat.',
      );
    }
  }

  const deadline: Deadline = {
    ...rest,
    caseId,
    notes,
    computed,
    effective,
    recommendedBy: recommendedDate(effective, draft.runsFrom.date, leadDays),
  };
  if (override) deadline.override = override;
  return deadline;
}

/**
 * Every open deadline of a case file, most urgent first. A closed case has none. Throws
 * AppError('INVALID_INPUT') with the failing field when a date is malformed.
 */
export function computeDeadlines(facts: DeadlineFacts): Deadline[] {
  if (facts.closed === true) return [];
  validateDeadlineFacts(facts);
  const overrides = facts.overrides ?? [];
  const drafts = [
    ...prescriptionDeadlines(facts),
    ...droitDeReponseDeadlines(facts),
    ...gdprDeadlines(facts),
    ...followUpDeadlines(facts),
  ];
  return sortByUrgency(drafts.map((d) => finish(facts.caseId, d, overrides)));
}

const PRESS_CATEGORIES = ['injure', 'diffamation', 'discrimination', 'incitation'] as const;

/**
 * What the user should fill in or look at so the deadlines are right (French, for the case page).
 * Call after computeDeadlines; empty when nothing is missing.
 */
export function deadlineWarnings(facts: DeadlineFacts, deadlines: readonly Deadline[]): string[] {
  if (facts.closed === true) return [];
  const warnings: string[] = [];
  const hasPosting = facts.firstPosted !== undefined || (facts.republished ?? []).length > 0;
  const press = PRESS_CATEGORIES.some((c) => facts.categories.includes(c));

  if (facts.unlawful && !hasPosting && (press || facts.categories.includes('vie-privee'))) {
    warnings.push(
      facts.discovered
        ? 'Date de première mise en ligne manquante : la prescription est comptée depuis la ' +
            'découverte et peut expirer plus tôt. Renseignez cette date au plus vite.'
        : 'Date de première mise en ligne manquante : la prescription ne peut pas être calculée. ' +
            'Renseignez cette date au plus vite.',
    );
  }
  if (
    facts.unlawful &&
    facts.categories.includes('denigrement') &&
    !facts.discovered &&
    !facts.firstPosted
  ) {
    warnings.push(
      'Indiquez la date de découverte ou de mise en ligne : la prescription du dénigrement ne ' +
        'peut pas être calculée sans elle.',
    );
  }
  if (facts.unlawful && facts.categories.length === 0) {
    warnings.push('Qualifiez le contenu (injure, diffamation…) pour calculer la prescription.');
  }

  const keys = new Set(deadlines.map((d) => d.key));
  // A done follow-up has no deadline any more, but its correction is not stale.
  for (const f of facts.followUps ?? []) keys.add(`followup:${f.id}`);
  for (const o of facts.overrides ?? []) {
    if (!keys.has(o.deadlineKey)) {
      warnings.push(
        `Une date corrigée (${fr(o.date)}) ne correspond plus à aucune échéance : elle est ` +
          'ignorée. Vérifiez la qualification du dossier.',
      );
    }
  }
  return warnings;
}
