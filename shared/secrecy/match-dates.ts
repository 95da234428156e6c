import { toOriginal, type FoldedText } from './fold';
import { SECRECY_CITATION, dateMessage } from './messages';
import type { RawFlag } from './types';

/**
 * Dates and times that can place a visit, matched on the folded text. Calendar dates are alerts;
 * relative dates ("hier") and clock times are only warnings, since a reply may also speak of
 * opening hours or of when the review was read.
 *
 * Limitation: a weekday alone ("l'attente de mardi") is not flagged, because most weekdays in a
 * reply are opening days ("du lundi au vendredi"); only "mardi dernier", "ce mardi" and
 * "mardi 3 septembre" are.
 */

const MONTH =
  '(?:janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre)';
const MONTH_SHORT = `(?:${MONTH}|janv\\.?|fevr?\\.?|sept\\.?|oct\\.?|nov\\.?|dec\\.?)`;
const DAY = '(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)';
const COUNT = '(?:\\d{1,3}|un|une|deux|trois|quatre|cinq|six|quelques)';

const CALENDAR = new RegExp(
  `\\b(?:${DAY}\\s+)?(?:1er|premier|[0-3]?\\d)\\s+${MONTH_SHORT}(?:\\s+(?:19|20)\\d{2})?` +
    '(?![\\p{L}\\p{N}])',
  'gu',
);
// dd/mm, dd/mm/yy(yy), dd.mm.yyyy, dd-mm-yyyy; never a piece of a longer run of digits (phones).
const NUMERIC = new RegExp(
  '(?<![\\d./-])(?:([0-3]?\\d)/([01]?\\d)(?:/(?:\\d{4}|\\d{2}))?|([0-3]?\\d)[.-]([01]?\\d)[.-]' +
    '(?:\\d{4}|\\d{2}))(?![./-]?\\d)',
  'g',
);
const RELATIVE = new RegExp(
  '\\b(?:avant[\\s-]hier|hier(?:\\s+(?:matin|soir|apres[\\s-]midi))?|ce\\s+matin|' +
    'cet\\s+apres[\\s-]midi|ce\\s+soir|la\\s+semaine\\s+(?:derniere|passee)|le\\s+mois\\s+' +
    "(?:dernier|passe)|l'an\\s+(?:dernier|passe)|l'annee\\s+(?:derniere|passee)|" +
    `ce\\s+week[\\s-]?end|le\\s+week[\\s-]?end\\s+(?:dernier|passe)|${DAY}\\s+(?:dernier|passe)|` +
    `(?:ce|cette)\\s+${DAY}|il\\s+y\\s+a\\s+${COUNT}\\s+(?:jours?|semaines?|mois|ans?)|` +
    `${MONTH}\\s+dernier|l'autre\\s+jour)\\b`,
  'g',
);
const HOUR = '(?:[01]?\\d|2[0-3])';
const TIME = new RegExp(
  `\\b${HOUR}(?:\\s?h\\s?(?:[0-5]\\d)?|\\s?heures?(?:\\s?[0-5]\\d)?|:[0-5]\\d)(?![\\p{L}\\p{N}])`,
  'gu',
);
// "de 9h à 12h", "9h-12h", "entre 14h et 18h": opening hours, not a visit.
const RANGE_GAP = /^\s*(?:-|a|et|jusqu'a|au)\s*$/;
// "en 2 heures", "après 1h d'attente": durations, not a moment; "dès 8h", "avant 18h",
// "à partir de 9h": opening hours again.
const DURATION_BEFORE = new RegExp(
  '\\b(?:en|sous|dans|dans\\s+les|pendant|durant|plus\\s+de|moins\\s+de|pres\\s+de|presque|' +
    'environ|depuis|toutes\\s+les|au\\s+bout\\s+de|au\\s+moins|attendu|patiente|retard\\s+de|' +
    "attente\\s+de|delai\\s+de|duree\\s+de|apres|a\\s+partir\\s+de|jusqu'a|des|avant|entre)\\s*$",
);
const DURATION_AFTER = new RegExp(
  "^\\s*(?:d'attente|de\\s+retard|d'avance|de\\s+route|de\\s+trajet|de\\s+consultation|" +
    'par\\s+jour|par\\s+semaine|sur\\s+24|plus\\s+tard|maximum|max\\b|environ|\\/)',
);

// A closing period or the date of the review itself: still shown, but only as a warning.
const NOT_A_VISIT = new RegExp(
  "(?:jusqu'au|a\\s+partir\\s+du|a\\s+compter\\s+du|des\\s+le|conges?\\s+du|fermeture\\s+du|" +
    'ferme\\s+du|(?:avis|commentaire|message|note|publication)\\s+du|' +
    '(?:publie|poste|ecrit)\\s+le)\\s+$',
);

function valid(day: string | undefined, month: string | undefined): boolean {
  const d = Number(day);
  const m = Number(month);
  return d >= 1 && d <= 31 && m >= 1 && m <= 12;
}

/**
 * A date without a year: "12/03" always, "3/4" only after "le", "du", "au" or "depuis", since
 * a short fraction is more often a rating ("1/5") than a date.
 */
function plausibleShortDate(match: string, before: string): boolean {
  if (!match.includes('/') || match.split('/').length > 2) return true;
  return /^\d{2}\/\d{2}$/.test(match) || /\b(?:le|du|au|depuis)\s+$/.test(before);
}

function flag(
  original: string,
  folded: FoldedText,
  from: number,
  to: number,
  precise: boolean,
): RawFlag {
  const [start, end] = toOriginal(folded, from, to);
  return {
    kind: 'visit-date',
    severity: precise ? 'alerte' : 'attention',
    start,
    end,
    message: dateMessage(original.slice(start, end), precise),
    rule: SECRECY_CITATION,
  };
}

function matchTimes(original: string, folded: FoldedText): RawFlag[] {
  const text = folded.text;
  const times = [...text.matchAll(TIME)].map((m) => ({ from: m.index, to: m.index + m[0].length }));
  const inRange = new Set<number>();
  for (let i = 0; i + 1 < times.length; i++) {
    if (RANGE_GAP.test(text.slice(times[i]!.to, times[i + 1]!.from))) {
      inRange.add(i);
      inRange.add(i + 1);
    }
  }

  const flags: RawFlag[] = [];
  times.forEach((t, i) => {
    if (inRange.has(i)) return;
    const before = text.slice(Math.max(0, t.from - 24), t.from);
    const after = text.slice(t.to, t.to + 24);
    if (DURATION_BEFORE.test(before) || DURATION_AFTER.test(after)) return;
    flags.push(flag(original, folded, t.from, t.to, false));
  });
  return flags;
}

export function matchDates(original: string, folded: FoldedText): RawFlag[] {
  const text = folded.text;
  const flags: RawFlag[] = [];

  for (const m of text.matchAll(CALENDAR)) {
    const before = text.slice(Math.max(0, m.index - 32), m.index);
    flags.push(flag(original, folded, m.index, m.index + m[0].length, !NOT_A_VISIT.test(before)));
  }
  for (const m of text.matchAll(NUMERIC)) {
    if (!valid(m[1] ?? m[3], m[2] ?? m[4])) continue;
    if (
      m[1] !== undefined &&
      !plausibleShortDate(m[0], text.slice(Math.max(0, m.index - 8), m.index))
    ) {
      continue;
    }
    flags.push(flag(original, folded, m.index, m.index + m[0].length, true));
  }
  for (const m of text.matchAll(RELATIVE)) {
    flags.push(flag(original, folded, m.index, m.index + m[0].length, false));
  }
  flags.push(...matchTimes(original, folded));
  return flags;
}
