import {
  addDays,
  compareIsoDates,
  formatDateFr,
  isWorkingDay,
  publicHolidayName,
  weekday,
  workingDayOnOrBefore,
} from './dates';
import type { IsoDate } from './dates';
import type { Certainty, Deadline, DeadlineFacts, FirstPostedHow } from './types';

/** A deadline before overrides: the engine turns it into a `Deadline`. */
export type DraftDeadline = Omit<
  Deadline,
  'computed' | 'override' | 'effective' | 'recommendedBy' | 'caseId'
> & {
  /** Days before the end that the recommended date aims at (0: the end itself). */
  leadDays: number;
};

export interface Start {
  date: IsoDate;
  label: string;
  certainty: Certainty;
  notes: string[];
}

const CERTAINTY_RANK: Record<Certainty, number> = { sure: 0, verify: 1, estimated: 2 };

/** An estimated start outranks a rule to verify: the user must learn the date may be closer. */
export function weakest(...values: Certainty[]): Certainty {
  return values.reduce((a, b) => (CERTAINTY_RANK[b] > CERTAINTY_RANK[a] ? b : a), 'sure');
}

const HOW_NOTES: Record<FirstPostedHow, string | undefined> = {
  page: undefined,
  archive:
    'Date de première mise en ligne tirée d’une archive du web : le texte a pu être publié avant ' +
    'la capture, l’échéance réelle peut être plus proche.',
  estimated: 'Date de première mise en ligne estimée : l’échéance réelle peut être plus proche.',
};

const HOW_CERTAINTY: Record<FirstPostedHow, Certainty> = {
  page: 'sure',
  archive: 'verify',
  estimated: 'estimated',
};

const HOW_LABELS: Record<FirstPostedHow, string> = {
  page: 'Première mise en ligne',
  archive: 'Première mise en ligne (d’après une archive du web)',
  estimated: 'Première mise en ligne (date estimée)',
};

/** Counted from the first posting as recorded, with what the way it was established implies. */
export function firstPostedStart(facts: DeadlineFacts): Start | undefined {
  const posted = facts.firstPosted;
  if (!posted) return undefined;
  const note = HOW_NOTES[posted.how];
  return {
    date: posted.date,
    label: HOW_LABELS[posted.how],
    certainty: HOW_CERTAINTY[posted.how],
    notes: note ? [note] : [],
  };
}

/**
 * Without a posting date we count from the discovery: the content was online by then, so the
 * real deadline can only be earlier. Better an upper bound that says so than no clock at all.
 */
export function discoveryFallbackStart(facts: DeadlineFacts): Start | undefined {
  if (!facts.discovered) return undefined;
  return {
    date: facts.discovered,
    label: 'Découverte (date de mise en ligne inconnue)',
    certainty: 'estimated',
    notes: [
      'Date de première mise en ligne inconnue : délai compté depuis la découverte, l’échéance ' +
        'réelle est plus proche. Renseignez la date de mise en ligne au plus vite.',
    ],
  };
}

export function describeNonWorkingDay(date: IsoDate): string | undefined {
  if (isWorkingDay(date)) return undefined;
  const holiday = publicHolidayName(date);
  if (holiday) return `un jour férié (${holiday})`;
  return weekday(date) === 0 ? 'un dimanche' : 'un samedi';
}

/**
 * A date to act that leaves the lawyer time: `leadDays` before the end, moved back to a working
 * day, but never before the clock started nor after the end.
 */
export function recommendedDate(effective: IsoDate, runsFrom: IsoDate, leadDays: number): IsoDate {
  if (leadDays <= 0) return effective;
  const target = workingDayOnOrBefore(addDays(effective, -leadDays));
  if (compareIsoDates(target, runsFrom) < 0) {
    return compareIsoDates(runsFrom, effective) > 0 ? effective : runsFrom;
  }
  return target;
}

export function fr(date: IsoDate): string {
  return formatDateFr(date);
}
