import type { IsoDate } from './dates';

export const UNLAWFUL_CATEGORIES = [
  'injure',
  'diffamation',
  'incitation',
  'denigrement',
  'vie-privee',
  'discrimination',
] as const;

/**
 * 'discrimination' = racist, sexist or otherwise discriminatory words (loi 1881, art. 65-3
 * grounds); 'incitation' = provocation to hatred, discrimination or violence (also art. 65-3).
 */
export type UnlawfulCategory = (typeof UNLAWFUL_CATEGORIES)[number];

export type FirstPostedHow = 'page' | 'archive' | 'estimated';

export interface GdprRequestFacts {
  id: string;
  sent: IsoDate;
  /** Date on the accusé de réception; when unknown the period is counted from `sent`. */
  receivedByController?: IsoDate;
  /** The controller said, with reasons, that it takes two more months (RGPD art. 12.3). */
  extended?: boolean;
  label?: string;
}

export interface FollowUpFacts {
  id: string;
  date: IsoDate;
  label: string;
  done?: boolean;
}

export interface DeadlineOverride {
  deadlineKey: string;
  date: IsoDate;
  reason: string;
  by?: string;
  at?: string;
}

export interface DeadlineFacts {
  caseId: string;
  kind: 'review' | 'listing' | 'google' | 'other';
  unlawful: boolean;
  categories: UnlawfulCategory[];
  firstPosted?: { date: IsoDate; how: FirstPostedHow };
  discovered?: IsoDate;
  /** Each republication restarts the press-law prescription (art. 65 and 65-3). */
  republished?: IsoDate[];
  gdprRequests?: GdprRequestFacts[];
  followUps?: FollowUpFacts[];
  overrides?: DeadlineOverride[];
  closed?: boolean;
}

export const DEADLINE_KINDS = [
  'prescription',
  'gdpr-answer',
  'droit-de-reponse',
  'follow-up',
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/**
 * 'sure': computed from dates the case file proves; 'estimated': counted from an estimated date,
 * the real deadline may be closer; 'verify': the rule or its start needs a lawyer's reading.
 */
export type Certainty = 'sure' | 'estimated' | 'verify';

export interface Deadline {
  /** Stable across recomputations: overrides refer to it. */
  key: string;
  caseId: string;
  kind: DeadlineKind;
  label: string;
  rule: string;
  /** Empty for follow-ups the user set. */
  article: string;
  runsFrom: { date: IsoDate; label: string };
  /** The strict reading of the rule, never moved later by a weekend or holiday. */
  legalEnd: IsoDate;
  /** When to act so the lawyer has time; never before runsFrom, never after effective. */
  recommendedBy: IsoDate;
  /** The engine's date before any override (equals legalEnd). */
  computed: IsoDate;
  override?: { date: IsoDate; reason: string; by?: string; at?: string };
  /** The date counted down: the override when there is one, else computed. */
  effective: IsoDate;
  /** French, for the user. */
  notes: string[];
  certainty: Certainty;
  /** Set on prescriptions: PRESCRIPTION_WARNING, to be shown prominently. */
  warning?: string;
}

export type Urgency = 'depassee' | 'critique' | 'proche' | 'normale';

/** Paliers 1 and 2 do not stop the clock: the app must say so wherever a prescription shows. */
export const PRESCRIPTION_WARNING =
  'Le signalement à la plateforme (palier 1) et la mise en demeure (palier 2) n’arrêtent pas la ' +
  'prescription. Seule une action engagée par votre avocat (assignation, plainte avec ' +
  'constitution de partie civile) l’interrompt.';

export const INDICATIVE_NOTE = 'Indicatif : à vérifier avec votre avocat.';
