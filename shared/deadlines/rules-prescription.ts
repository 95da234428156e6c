import { addMonths, compareIsoDates, latestDate } from './dates';
import {
  describeNonWorkingDay,
  discoveryFallbackStart,
  firstPostedStart,
  fr,
  weakest,
} from './draft';
import type { DraftDeadline, Start } from './draft';
import { INDICATIVE_NOTE, PRESCRIPTION_WARNING } from './types';
import type { DeadlineFacts, UnlawfulCategory } from './types';

/** Lead time for the lawyer to draft and serve the writ before a prescription ends. */
export const PRESCRIPTION_LEAD_DAYS = 15;

const NO_EXTENSION_NOTE =
  'Délai de prescription : pas de report au jour ouvré suivant, même un samedi, un dimanche ou ' +
  'un jour férié (TGI Paris, 8 avr. 1998 ; Cass. civ. 2e, 7 avr. 2016, n° 15-12.960).';

interface PrescriptionRule {
  key: string;
  categories: readonly UnlawfulCategory[];
  months: number;
  label: string;
  rule: string;
  article: string;
  start: (facts: DeadlineFacts, months: number) => Start | undefined;
  /** Press-law deadlines end at midnight of the same day number (Cass. crim. 12 Nov 2014). */
  quantieme: boolean;
}

/**
 * Press-law offences run from the latest publication: a republication or a new link is a new
 * publication that restarts the clock (art. 65 as read by the courts).
 */
function pressStart(facts: DeadlineFacts, months: number): Start | undefined {
  const first = firstPostedStart(facts);
  const republished = latestDate(facts.republished ?? []);
  if (republished && (!first || compareIsoDates(republished, first.date) > 0)) {
    const notes = [
      `Délai compté depuis la republication du ${fr(republished)}. Faites confirmer par votre ` +
        'avocat qu’il s’agit bien d’une nouvelle publication : sinon, la date de départ reste la ' +
        'première mise en ligne.',
    ];
    if (first) {
      notes.push(
        `Pour la première mise en ligne du ${fr(first.date)}, le délai expire le ` +
          `${fr(addMonths(first.date, months))} : si la republication n’est pas retenue, c’est ` +
          'cette date qui compte.',
      );
    }
    return { date: republished, label: 'Dernière republication', certainty: 'verify', notes };
  }
  return first ?? discoveryFallbackStart(facts);
}

/** Vie privée: each new publication opens its own period; we count from the first one. */
function firstPublicationStart(facts: DeadlineFacts): Start | undefined {
  const start = firstPostedStart(facts) ?? discoveryFallbackStart(facts);
  if (!start || (facts.republished ?? []).length === 0) return start;
  return {
    ...start,
    notes: [
      ...start.notes,
      'Chaque nouvelle publication ouvre son propre délai pour cette publication ; le délai ' +
        'affiché est celui de la première.',
    ],
  };
}

/**
 * Dénigrement runs from the day the victim knew or should have known (C. civ. art. 2224). We take
 * the discovery, and say that a judge may prefer the earlier posting date.
 */
function knowledgeStart(facts: DeadlineFacts, months: number): Start | undefined {
  const posted = facts.firstPosted;
  if (!facts.discovered) return firstPostedStart(facts);
  if (posted && compareIsoDates(posted.date, facts.discovered) < 0) {
    return {
      date: facts.discovered,
      label: 'Connaissance des faits',
      certainty: 'verify',
      notes: [
        'Le délai court du jour où vous avez connu, ou auriez dû connaître, les faits : un juge ' +
          `pourrait retenir la mise en ligne du ${fr(posted.date)}, et le délai expirerait alors ` +
          `le ${fr(addMonths(posted.date, months))}.`,
      ],
    };
  }
  return { date: facts.discovered, label: 'Connaissance des faits', certainty: 'sure', notes: [] };
}

const RULES: readonly PrescriptionRule[] = [
  {
    key: 'prescription:65',
    categories: ['injure', 'diffamation'],
    months: 3,
    label: 'Prescription : injure ou diffamation publique (3 mois)',
    rule: '3 mois à compter de la mise en ligne, de quantième à quantième',
    article: 'Loi du 29 juillet 1881, art. 65',
    start: pressStart,
    quantieme: true,
  },
  {
    key: 'prescription:65-3',
    categories: ['discrimination', 'incitation'],
    months: 12,
    label: 'Prescription : propos discriminatoires ou provocation à la haine (1 an)',
    rule: '1 an à compter de la mise en ligne',
    article: 'Loi du 29 juillet 1881, art. 65-3',
    start: pressStart,
    quantieme: true,
  },
  {
    key: 'prescription:denigrement',
    categories: ['denigrement'],
    months: 60,
    label: 'Prescription : dénigrement (5 ans)',
    rule: '5 ans à compter du jour où vous avez connu les faits',
    article: 'Code civil, art. 2224 et 1240',
    start: knowledgeStart,
    quantieme: false,
  },
  {
    key: 'prescription:vie-privee',
    categories: ['vie-privee'],
    months: 60,
    label: 'Prescription : atteinte à la vie privée (5 ans)',
    rule: '5 ans à compter de la publication',
    article: 'Code civil, art. 2224 et 9',
    start: firstPublicationStart,
    quantieme: false,
  },
];

/** One deadline per distinct rule that the case's categories trigger; none for lawful content. */
export function prescriptionDeadlines(facts: DeadlineFacts): DraftDeadline[] {
  if (!facts.unlawful) return [];
  const drafts: DraftDeadline[] = [];
  for (const rule of RULES) {
    if (!rule.categories.some((c) => facts.categories.includes(c))) continue;
    const start = rule.start(facts, rule.months);
    if (!start) continue;

    const end = addMonths(start.date, rule.months);
    const notes = [...start.notes];
    if (rule.quantieme) {
      notes.push(
        `Le délai expire le ${fr(end)} à minuit, de quantième à quantième (Cass. crim., ` +
          '12 nov. 2014, n° 13-84.444).',
      );
    }
    notes.push(NO_EXTENSION_NOTE);
    const nonWorking = describeNonWorkingDay(end);
    if (nonWorking) {
      notes.push(`Cette échéance tombe ${nonWorking} : elle n’est pas reportée, agissez avant.`);
    }
    notes.push(INDICATIVE_NOTE);

    drafts.push({
      key: rule.key,
      kind: 'prescription',
      label: rule.label,
      rule: rule.rule,
      article: rule.article,
      runsFrom: { date: start.date, label: start.label },
      legalEnd: end,
      notes,
      certainty: weakest(start.certainty),
      warning: PRESCRIPTION_WARNING,
      leadDays: PRESCRIPTION_LEAD_DAYS,
    });
  }
  return drafts;
}
