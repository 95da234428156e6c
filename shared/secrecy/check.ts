import { AppError } from '../api/errors';
import { foldText } from './fold';
import { matchContacts, normalizePhone, offersPrivateChannel } from './match-contacts';
import { matchDates } from './match-dates';
import { matchLexicon } from './match-lexicon';
import { matchNames } from './match-names';
import { matchPhrases } from './match-phrases';
import { resolveOverlaps } from './resolve';
import { FLAG_KINDS, type FlagKind, type SecrecyContext, type SecrecyFlag } from './types';

export { SECRECY_RULE } from './messages';
export { FLAG_KINDS, normalizePhone, offersPrivateChannel };
export type { FlagKind, SecrecyContext, SecrecyFlag, SecrecySeverity } from './types';

/**
 * Medical-secrecy check of a public reply to a review, run as the user types. It advises and
 * never blocks: every flag says why the words are a problem and cites the rule; the user decides.
 * Pure and synchronous; linear in the text length (one folding pass, a word scan over a hashed
 * lexicon, and a fixed set of regular expressions written without nested unbounded repetition).
 *
 * Limitation: the check reads words, not meaning. It cannot tell that "ce que vous décrivez" in
 * answer to a review about a diagnosis discusses that diagnosis; the user stays responsible.
 */
export function checkSecrecy(text: string, ctx: SecrecyContext): SecrecyFlag[] {
  if (typeof text !== 'string') {
    throw new AppError(
      'INVALID_INPUT',
      'Le texte de la réponse est illisible : recopiez-le dans la zone de saisie puis réessayez.',
      'text',
    );
  }
  const context = safeContext(ctx);
  if (text.trim().length === 0) return [];

  const folded = foldText(text);
  const raw = [
    ...matchPhrases(text, folded),
    ...matchLexicon(text, folded),
    ...matchDates(text, folded),
    ...matchNames(text, folded, context),
    ...matchContacts(text, folded, context),
  ];
  return resolveOverlaps(raw).map((f) => ({ ...f, excerpt: text.slice(f.start, f.end) }));
}

/** Counts of flags by kind, every kind present (zero when absent). */
export function summarize(flags: readonly SecrecyFlag[]): Record<FlagKind, number> {
  const counts = Object.fromEntries(FLAG_KINDS.map((k) => [k, 0])) as Record<FlagKind, number>;
  for (const flag of flags) counts[flag.kind] += 1;
  return counts;
}

/**
 * The context comes from settings the user typed: tolerate missing lists and blank entries
 * rather than fail while the user is typing a reply.
 */
function safeContext(ctx: SecrecyContext | undefined): SecrecyContext {
  const list = (value: unknown): string[] =>
    Array.isArray(value)
      ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '')
      : [];
  const address = ctx?.cabinetAddress;
  return {
    cabinetPhones: list(ctx?.cabinetPhones),
    cabinetEmails: list(ctx?.cabinetEmails),
    ...(typeof address === 'string' && address.trim() !== '' ? { cabinetAddress: address } : {}),
    knownNames: list(ctx?.knownNames),
    ownNames: list(ctx?.ownNames),
  };
}
