import { foldPlain, toOriginal, type FoldedText } from './fold';
import { PRIVATE_CHANNEL_CITATION, contactMessage, type ContactSort } from './messages';
import type { RawFlag, SecrecyContext } from './types';

/**
 * Phone numbers, e-mail addresses and street addresses that are not the cabinet's. The reply
 * should send the author to the cabinet's own contact details and nowhere else.
 */

// French numbers: 0X XX XX XX XX with spaces, dots, hyphens or nothing, or +33 / 0033, with an
// optional "(0)". Line breaks between groups are accepted: pasted text wraps.
const PHONE =
  /(?<![\d+])(?:(?:\+|00)33[\s.-]*(?:\(0\)[\s.-]*)?|0)[1-9](?:[\s.-]{0,3}\d{2}){4}(?!\d)/g;
const EMAIL_LOCAL = /[\p{L}\p{N}._%+-]/u;
const EMAIL_DOMAIN = /[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/uy;

/**
 * E-mail addresses, found from each "@" outwards: a plain regular expression would restart at
 * every letter of the text and cost quadratic time on long words.
 */
function findEmails(text: string): [number, number][] {
  const found: [number, number][] = [];
  let at = text.indexOf('@');
  while (at >= 0) {
    let start = at;
    while (start > 0 && EMAIL_LOCAL.test(text[start - 1]!)) start--;
    while (start < at && text[start] === '.') start++;
    EMAIL_DOMAIN.lastIndex = at + 1;
    const domain = start < at ? EMAIL_DOMAIN.exec(text) : null;
    if (domain !== null) found.push([start, at + 1 + domain[0].length]);
    at = text.indexOf('@', domain === null ? at + 1 : at + 1 + domain[0].length);
  }
  return found;
}

// Street words, found in the folded text; "av" stands for "av.".
const STREET_TYPE = new RegExp(
  '\\b(rue|avenue|av|boulevard|bd|bld|place|allee|impasse|quai|square|chemin|route|cours|' +
    'passage|voie|sentier|residence|lotissement|hameau|cite)\\b',
  'g',
);
// Without a number, only these, and only before a capitalised name: "place de la République",
// not "mettre en place" nor "au cours de".
const UNNUMBERED = new Set([
  'rue',
  'avenue',
  'boulevard',
  'place',
  'allee',
  'impasse',
  'quai',
  'square',
]);
const AFTER_EN = /(?:^|[^\p{L}\p{N}])en\s+$/u;
const NUMBER_BEFORE = /(?<![\p{L}\p{N}])\d{1,4}(?:[ \t]?(?:bis|ter))?,?[ \t]+$/u;
const PARTICLE = "(?:de|du|des|la|le|les|l'|l’|d'|d’|aux|au|sur|sous|en|et|saint|sainte)";
const NAME_WORD = "\\p{Lu}[\\p{L}'’-]*";
const STREET_NAME = `(?:[ \\t]+(?:${PARTICLE}[ \\t]*)*${NAME_WORD})*`;
const POSTCODE = `(?:,?[ \\t]*\\d{5}(?:[ \\t]+${NAME_WORD}(?:[ \\t-]+${NAME_WORD})*)?)?`;
// What follows the street word: "12 rue| de la Paix, 75002 Paris", "place| de la République".
const AFTER_NUMBERED = new RegExp(`\\.?${STREET_NAME}${POSTCODE}`, 'uy');
const AFTER_UNNUMBERED = new RegExp(
  `(?:[ \\t]+${PARTICLE})*[ \\t]+${NAME_WORD}${STREET_NAME}${POSTCODE}`,
  'uy',
);

// Limitation: a street name written in lower case ("12 rue des lilas") is highlighted only as
// "12 rue"; the flag is still raised, the highlight is shorter.
function findAddresses(text: string, folded: FoldedText): [number, number][] {
  const found: [number, number][] = [];
  for (const m of folded.text.matchAll(STREET_TYPE)) {
    const [typeStart, typeEnd] = toOriginal(folded, m.index, m.index + m[0].length);
    const number = NUMBER_BEFORE.exec(text.slice(Math.max(0, typeStart - 20), typeStart));
    let after: RegExp;
    if (number !== null) {
      after = AFTER_NUMBERED;
    } else if (
      UNNUMBERED.has(m[1]!) &&
      !AFTER_EN.test(folded.text.slice(Math.max(0, m.index - 8), m.index))
    ) {
      after = AFTER_UNNUMBERED;
    } else {
      continue;
    }
    after.lastIndex = typeEnd;
    const rest = after.exec(text);
    if (rest === null) continue;
    const start = number === null ? typeStart : typeStart - number[0].length;
    const previous = found.at(-1);
    if (previous !== undefined && start < previous[1]) continue;
    found.push([start, typeEnd + rest[0].length]);
  }
  return found;
}

/**
 * Digits of a French phone number in national form, whatever the input format. Unknown formats
 * keep their digits, so two spellings of the same foreign number still compare equal.
 */
export function normalizePhone(value: string): string {
  let digits = value.replace(/\D/g, '');
  const international = /^\s*(?:\+|00)33/.test(value);
  if (international) digits = digits.slice(value.trim().startsWith('+') ? 2 : 4);
  if (international && digits.startsWith('0')) digits = digits.slice(1);
  return international || digits.length === 9 ? `0${digits}` : digits;
}

const ABBREVIATIONS: Readonly<Record<string, string>> = {
  av: 'avenue',
  bd: 'boulevard',
  bld: 'boulevard',
  st: 'saint',
  ste: 'sainte',
};

/** Letters and digits only, abbreviations spelled out, so layouts and commas do not matter. */
function compactAddress(value: string): string {
  return foldPlain(value)
    .split(/[^\p{L}\p{N}]+/u)
    .map((w) => ABBREVIATIONS[w] ?? w)
    .join('');
}

function push(
  flags: RawFlag[],
  text: string,
  start: number,
  end: number,
  sort: ContactSort,
  configured: boolean,
): void {
  flags.push({
    kind: 'contact-other',
    severity: 'attention',
    start,
    end,
    message: contactMessage(text.slice(start, end), sort, configured),
    rule: PRIVATE_CHANNEL_CITATION,
  });
}

export function matchContacts(text: string, folded: FoldedText, ctx: SecrecyContext): RawFlag[] {
  const flags: RawFlag[] = [];

  const phones = new Set(ctx.cabinetPhones.map(normalizePhone).filter((p) => p.length > 0));
  for (const m of text.matchAll(PHONE)) {
    if (phones.has(normalizePhone(m[0]))) continue;
    push(flags, text, m.index, m.index + m[0].length, 'phone', phones.size > 0);
  }

  const emails = new Set(ctx.cabinetEmails.map((e) => e.trim().toLowerCase()));
  for (const [start, end] of findEmails(text)) {
    if (emails.has(text.slice(start, end).toLowerCase())) continue;
    push(flags, text, start, end, 'email', emails.size > 0);
  }

  const cabinet = compactAddress(ctx.cabinetAddress ?? '');
  for (const [start, end] of findAddresses(text, folded)) {
    const found = compactAddress(text.slice(start, end));
    if (cabinet.length > 0 && (cabinet.includes(found) || found.includes(cabinet))) continue;
    push(flags, text, start, end, 'address', cabinet.length > 0);
  }
  return flags;
}

/**
 * True when the reply gives the cabinet's phone or e-mail, i.e. moves the exchange to a private
 * channel as the CNOM advises. The UI may remind the user when it is false.
 */
export function offersPrivateChannel(text: string, ctx: SecrecyContext): boolean {
  const phones = new Set(ctx.cabinetPhones.map(normalizePhone).filter((p) => p.length > 0));
  for (const m of text.matchAll(PHONE)) if (phones.has(normalizePhone(m[0]))) return true;
  const emails = new Set(ctx.cabinetEmails.map((e) => e.trim().toLowerCase()));
  return findEmails(text).some(([start, end]) => emails.has(text.slice(start, end).toLowerCase()));
}
