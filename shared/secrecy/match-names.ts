import { foldPlain, toOriginal, type FoldedText } from './fold';
import { tokenize } from './match-lexicon';
import { SECRECY_CITATION, nameMessage } from './messages';
import type { RawFlag, SecrecyContext } from './types';

/**
 * Person names: a capitalised word after a civility ("Madame Dupont", "M. Martin", "Mme X",
 * "Dr Lefèvre"), and any name the cabinet listed as one to catch.
 *
 * Limitation: a bare first name or surname without a civility ("Merci Julie") is caught only
 * when it is in `knownNames`; guessing names from capital letters alone flags every sentence.
 */

// Folded civilities; "m" and "me" need the original's capital and, for "m", its dot.
const CIVILITY = new RegExp(
  '(?<![\\p{L}\\p{N}])(madame|monsieur|mademoiselle|mesdames|messieurs|mmes|mme|mlles|mlle|' +
    'mrs|mr|m|docteure|docteur|dr|professeure|professeur|pr|maitre|me)(\\.?)(?![\\p{L}\\p{N}])',
  'gu',
);
// Only spaces on the same line: "Madame,\nNous" or "Madame/Monsieur" carry no name. Five words
// at most, so that a run of capitalised words is not rescanned after every civility.
const NAME_AFTER = new RegExp(
  "[ \\t\\u00a0]+(\\p{Lu}[\\p{L}'’-]*(?:[ \\t\\u00a0]+(?:(?:de|du|des|d'|d’|le|la|van|von|di|da)" +
    "[ \\t\\u00a0]*)?\\p{Lu}[\\p{L}'’-]*){0,4})",
  'uy',
);
// Capitalised words that follow a civility without being a name ("Madame Monsieur", "Madame
// Nous vous remercions" when a comma was forgotten).
const NOT_NAMES = new Set(
  (
    'madame monsieur mademoiselle mesdames messieurs mme mmes mlle m mr dr docteur docteure pr ' +
    'professeur professeure maitre me nous vous je j il elle ils elles on le la les l un une des ' +
    'du de merci bonjour bonsoir cordialement bien votre vos notre nos si suite apres avant dans ' +
    'en pour par sur avec sans concernant sachez veuillez malheureusement effectivement toute ' +
    'tout toutes tous ce cet cette ces c comme quant nos afin et ou mais donc or car ni a au aux ' +
    'chere cher tres oui non certes helas soyez sincerement respectueusement'
  ).split(' '),
);

const PARTICLES = new Set(['le', 'la', 'de', 'du', 'des']);

interface NameHit {
  start: number;
  end: number;
  nameStart: number;
}

function civilityHits(original: string, folded: FoldedText): NameHit[] {
  const hits: NameHit[] = [];
  for (const m of folded.text.matchAll(CIVILITY)) {
    const [start, civEnd] = toOriginal(folded, m.index, m.index + m[0].length);
    const word = m[1]!;
    const written = original.slice(start, civEnd);
    // "m" alone is a name only as "M." and "me" only as "Me" (maître): otherwise a pronoun.
    if (word === 'm' && written !== 'M.') continue;
    if (word === 'me' && !written.startsWith('Me')) continue;

    NAME_AFTER.lastIndex = civEnd;
    const after = NAME_AFTER.exec(original);
    if (after === null) continue;
    const nameStart = civEnd + after[0].indexOf(after[1]!);
    const end = nameEnd(after[1]!, nameStart);
    if (end > nameStart) hits.push({ start, end, nameStart });
  }
  return hits;
}

/**
 * End of the name in the words after a civility: stop at the first word that is not a name and
 * drop particles left hanging ("Madame Dupont de" stays "Madame Dupont").
 */
function nameEnd(words: string, offset: number): number {
  const list = [...words.matchAll(/[^ \t\u00a0]+/g)];
  let end = offset;
  for (let i = 0; i < list.length; i++) {
    const m = list[i]!;
    const word = m[0].replace(/['’-]+$/, '');
    const capitalised = /^\p{Lu}/u.test(word);
    const next = list[i + 1]?.[0] ?? '';
    // "Le Goff", "La Fontaine", "De Gaulle": a capitalised article starts a name when a
    // capitalised word that is not itself excluded follows.
    const particle =
      PARTICLES.has(foldPlain(word)) && /^\p{Lu}/u.test(next) && !NOT_NAMES.has(foldPlain(next));
    if (capitalised && NOT_NAMES.has(foldPlain(word)) && !particle) break;
    if (capitalised) end = offset + m.index + word.length;
  }
  return end;
}

function nameTokens(value: string): string[] {
  return tokenize(foldPlain(value)).map((t) => t.text);
}

/** True when every word of `name` belongs to one of the allowed names (the signer's own). */
function isOwn(name: string, own: readonly (readonly string[])[]): boolean {
  const words = nameTokens(name);
  return words.length > 0 && own.some((o) => words.every((w) => o.includes(w)));
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function knownNameHits(folded: FoldedText, names: readonly string[]): [number, number][] {
  const hits: [number, number][] = [];
  for (const name of names) {
    const words = nameTokens(name);
    // One letter would match initials and articles everywhere.
    if (words.join('').length < 2) continue;
    const source = words.map(escapeRegExp).join("[\\s'-]+");
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${source}(?![\\p{L}\\p{N}])`, 'gu');
    for (const m of folded.text.matchAll(re)) {
      hits.push(toOriginal(folded, m.index, m.index + m[0].length));
    }
  }
  return hits;
}

export function matchNames(original: string, folded: FoldedText, ctx: SecrecyContext): RawFlag[] {
  const own = (ctx.ownNames ?? []).map(nameTokens).filter((o) => o.length > 0);
  const flags: RawFlag[] = [];
  const push = (start: number, end: number, listed: boolean) => {
    flags.push({
      kind: 'person-name',
      severity: 'alerte',
      start,
      end,
      message: nameMessage(original.slice(start, end), listed),
      rule: SECRECY_CITATION,
    });
  };

  for (const hit of civilityHits(original, folded)) {
    if (!isOwn(original.slice(hit.nameStart, hit.end), own)) push(hit.start, hit.end, false);
  }
  const known = (ctx.knownNames ?? []).filter((n) => !isOwn(n, own));
  for (const [start, end] of knownNameHits(folded, known)) push(start, end, true);
  return flags;
}
