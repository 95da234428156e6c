import { AppError } from '../api/errors';
import { compareIsoDates, diffDays } from './dates';
import type { IsoDate } from './dates';
import type { Deadline, DeadlineKind, Urgency } from './types';

/** Whole days from `today` to the effective date: 0 on the day itself, negative once past. */
export function daysLeft(deadline: Pick<Deadline, 'effective'>, today: IsoDate): number {
  return diffDays(today, deadline.effective);
}

export const CRITICAL_MAX_DAYS = 7;
export const NEAR_MAX_DAYS = 30;

export function urgency(days: number): Urgency {
  if (!Number.isInteger(days)) {
    throw new AppError(
      'INVALID_INPUT',
      'Nombre de jours restants invalide : recalculez l’échéance.',
    );
  }
  if (days < 0) return 'depassee';
  if (days <= CRITICAL_MAX_DAYS) return 'critique';
  if (days <= NEAR_MAX_DAYS) return 'proche';
  return 'normale';
}

// On the same day a prescription matters more than a reminder the user set.
const KIND_ORDER: Record<DeadlineKind, number> = {
  prescription: 0,
  'droit-de-reponse': 1,
  'gdpr-answer': 2,
  'follow-up': 3,
};

type Sortable = Pick<Deadline, 'effective' | 'kind' | 'key'>;

function byUrgency(a: Sortable, b: Sortable): number {
  return (
    compareIsoDates(a.effective, b.effective) ||
    KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
    (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
  );
}

/**
 * Most urgent first: past deadlines, then the nearest. Urgency only depends on the days left, so
 * ordering by effective date is the same for every `today`. Returns a new array.
 */
export function sortByUrgency<T extends Sortable>(deadlines: readonly T[]): T[] {
  return [...deadlines].sort(byUrgency);
}

/** The main deadline the UI shows (optionally among one kind), or undefined when there is none. */
export function earliest<T extends Sortable>(
  deadlines: readonly T[],
  kind?: DeadlineKind,
): T | undefined {
  const pool = kind === undefined ? deadlines : deadlines.filter((d) => d.kind === kind);
  return sortByUrgency(pool)[0];
}
