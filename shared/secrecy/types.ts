/** What a flag says about the reply; the UI groups and colours flags by kind. */
export type FlagKind =
  | 'patient-confirmation'
  | 'health-term'
  | 'visit-date'
  | 'person-name'
  | 'contact-other'
  | 'answers-health-detail';

export const FLAG_KINDS: readonly FlagKind[] = [
  'patient-confirmation',
  'health-term',
  'visit-date',
  'person-name',
  'contact-other',
  'answers-health-detail',
];

/**
 * 'alerte': the words as written would breach secrecy. 'attention': they may, depending on what
 * they refer to; the user decides.
 */
export type SecrecySeverity = 'alerte' | 'attention';

export interface SecrecyContext {
  /** The cabinet's own phone numbers, in any usual format; these are the private channel. */
  cabinetPhones: string[];
  /** The cabinet's own e-mail addresses. */
  cabinetEmails: string[];
  /** The cabinet's postal address, as written on the letterhead. */
  cabinetAddress?: string;
  /** Names to catch wherever they appear: the review author's pseudonym or identity, staff. */
  knownNames?: string[];
  /** Names allowed in the reply, e.g. the doctor's own name in the signature. */
  ownNames?: string[];
}

export interface SecrecyFlag {
  kind: FlagKind;
  severity: SecrecySeverity;
  /** UTF-16 offsets into the text given to checkSecrecy: text.slice(start, end) === excerpt. */
  start: number;
  end: number;
  excerpt: string;
  /** French, for the user: why these words are a problem and what to do. */
  message: string;
  /** The rule the flag applies, as a short French citation. */
  rule: string;
}

/** A flag before overlap resolution; the excerpt is taken from the text at the end. */
export type RawFlag = Omit<SecrecyFlag, 'excerpt'>;
