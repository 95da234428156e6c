import { AppError } from '../api/errors';
import { PLACEHOLDERS, isPlaceholderKey } from './schema';
import type { PlaceholderKey } from './schema';

/**
 * Placeholder filling. Pure: used by the renderer for the live preview and by the main process
 * before rendering a DOCX, so both show exactly the same text.
 */

export { PLACEHOLDERS } from './schema';

/** `{{ key }}` with dotted identifiers; spaces inside the braces are tolerated. */
const PLACEHOLDER_RE = /\{\{\s*([A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z][A-Za-z0-9]*)*)\s*\}\}/g;

export interface FillResult {
  text: string;
  /** Known placeholders with no value, in order of first appearance. */
  missing: string[];
  /** Placeholders that are not in PLACEHOLDERS, in order of first appearance. */
  unknown: string[];
}

/** The distinct placeholder keys of a text, in order of first appearance. */
export function findPlaceholders(text: string): string[] {
  const keys = new Set<string>();
  for (const match of text.matchAll(PLACEHOLDER_RE)) keys.add(match[1] as string);
  return [...keys];
}

export function missingMarker(key: string): string {
  const label = isPlaceholderKey(key) ? PLACEHOLDERS[key].label : key;
  return `[à compléter : ${label}]`;
}

export function unknownMarker(key: string): string {
  return `[champ inconnu : ${key}]`;
}

/**
 * Replaces each placeholder in one pass, so a value is inserted literally: a review quoting
 * `{{cabinet.nom}}` stays as typed. A known placeholder with no value (or only blanks) becomes a
 * visible French marker rather than braces, so an unfinished letter cannot pass for a finished one.
 */
export function fillTemplate(text: string, values: Record<string, string | undefined>): FillResult {
  const missing = new Set<string>();
  const unknown = new Set<string>();

  const filled = text.replace(PLACEHOLDER_RE, (_whole, key: string) => {
    if (!isPlaceholderKey(key)) {
      unknown.add(key);
      return unknownMarker(key);
    }

    const value = Object.hasOwn(values, key) ? values[key] : undefined;
    if (value === undefined || value.trim() === '') {
      missing.add(key);
      return missingMarker(key);
    }
    return value;
  });

  return { text: filled, missing: [...missing], unknown: [...unknown] };
}

// ---------------------------------------------------------------------------------------------
// Values from the app's data

export interface PracticeValues {
  name: string;
  /** Postal address; lines separated by '\n'. */
  address?: string;
  phone?: string;
  email?: string;
}

export interface DoctorValues {
  /** As it should be printed, e.g. "Dr Hélène Martin". */
  name: string;
  rpps?: string;
}

/** Dates are calendar dates 'YYYY-MM-DD' or ISO timestamps (read in Europe/Paris time). */
export interface CaseFileValues {
  title?: string;
  url?: string;
  platform?: string;
  /** The disputed words, verbatim. */
  verbatimText?: string;
  firstPublishedAt?: string;
  discoveredAt?: string;
  /** Name or pseudonym of the author. */
  author?: string;
  /** e.g. "injure publique envers un particulier". */
  qualification?: string;
  /** Articles as one string, or a list joined with '; '. */
  articles?: string | string[];
}

export interface RecipientValues {
  name?: string;
  /** Postal address; lines separated by '\n'. */
  address?: string;
}

export interface LetterValues {
  /** Date of the letter, 'YYYY-MM-DD' or ISO timestamp. */
  date?: string;
  /** Town written in "À <lieu>, le <date>". */
  place?: string;
  lrarNumber?: string;
  /** Days granted to the recipient. */
  delayDays?: number;
  /** Date of the first request that a reminder refers to. */
  initialRequestDate?: string;
}

export interface PieceValues {
  number: number;
  title: string;
  /** Date of the document, 'YYYY-MM-DD' or ISO timestamp. */
  date?: string;
}

export interface PlaceholderInput {
  cabinet: PracticeValues;
  doctor: DoctorValues;
  caseFile?: CaseFileValues;
  recipient?: RecipientValues;
  letter?: LetterValues;
  pieces?: PieceValues[];
}

const MONTHS_FR = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
] as const;

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function calendarParts(input: string): { year: number; month: number; day: number } | undefined {
  const plain = CALENDAR_DATE.exec(input);
  if (plain) {
    const [year, month, day] = [Number(plain[1]), Number(plain[2]), Number(plain[3])];
    const check = new Date(Date.UTC(year, month - 1, day));
    const valid =
      check.getUTCFullYear() === year &&
      check.getUTCMonth() === month - 1 &&
      check.getUTCDate() === day;
    return valid ? { year, month, day } : undefined;
  }

  // A timestamp: the date a French reader sees is the one in Paris, not in UTC.
  if (!/^\d{4}-\d{2}-\d{2}T/.test(input)) return undefined;
  const instant = new Date(input);
  if (Number.isNaN(instant.getTime())) return undefined;
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Paris',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  }).formatToParts(instant);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: part('year'), month: part('month'), day: part('day') };
}

/** "23 novembre 2011", "1er mars 2026". Throws INVALID_INPUT on anything else than a real date. */
export function formatDateFr(input: string, field = 'date'): string {
  const parts = calendarParts(input.trim());
  if (parts === undefined) {
    throw new AppError(
      'INVALID_INPUT',
      `La date « ${input} » n’est pas valide : indiquez-la au format AAAA-MM-JJ (ex. 2026-03-12).`,
      field,
    );
  }
  const day = parts.day === 1 ? '1er' : String(parts.day);
  return `${day} ${MONTHS_FR[parts.month - 1]} ${parts.year}`;
}

/** "Pièce n° 1 — Capture de l’avis — 12 mars 2026", the bordereau's line format. */
export function formatPieceLine(piece: PieceValues): string {
  const head = `Pièce n° ${piece.number} — ${piece.title.trim()}`;
  return piece.date === undefined || piece.date.trim() === ''
    ? head
    : `${head} — ${formatDateFr(piece.date, 'pieces.date')}`;
}

function optionalDate(value: string | undefined, field: string): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : formatDateFr(value, field);
}

function articlesText(articles: string | string[] | undefined): string | undefined {
  if (articles === undefined) return undefined;
  if (typeof articles === 'string') return articles;
  const kept = articles.map((a) => a.trim()).filter((a) => a !== '');
  return kept.length === 0 ? undefined : kept.join('; ');
}

/**
 * The placeholder map for a letter. Absent data stays undefined so that fillTemplate shows a
 * marker and lists it, rather than printing an empty gap in a legal letter.
 */
export function buildPlaceholderValues(
  input: PlaceholderInput,
): Record<string, string | undefined> {
  const { cabinet, doctor, caseFile, recipient, letter, pieces } = input;

  const delay = letter?.delayDays;
  if (delay !== undefined && (!Number.isInteger(delay) || delay < 1)) {
    throw new AppError(
      'INVALID_INPUT',
      'Le délai accordé doit être un nombre entier de jours, au moins 1.',
      'letter.delayDays',
    );
  }

  const values: Record<PlaceholderKey, string | undefined> = {
    'cabinet.nom': cabinet.name,
    'cabinet.adresse': cabinet.address,
    'cabinet.telephone': cabinet.phone,
    'cabinet.email': cabinet.email,
    'medecin.nom': doctor.name,
    'medecin.rpps': doctor.rpps,
    'dossier.titre': caseFile?.title,
    'dossier.url': caseFile?.url,
    'dossier.plateforme': caseFile?.platform,
    'dossier.texte': caseFile?.verbatimText,
    'dossier.datePublication': optionalDate(
      caseFile?.firstPublishedAt,
      'caseFile.firstPublishedAt',
    ),
    'dossier.dateDecouverte': optionalDate(caseFile?.discoveredAt, 'caseFile.discoveredAt'),
    'dossier.auteur': caseFile?.author,
    'dossier.qualification': caseFile?.qualification,
    'dossier.articles': articlesText(caseFile?.articles),
    'destinataire.nom': recipient?.name,
    'destinataire.adresse': recipient?.address,
    'courrier.date': optionalDate(letter?.date, 'letter.date'),
    'courrier.lieu': letter?.place,
    'courrier.numeroLrar': letter?.lrarNumber,
    'courrier.delaiJours': delay === undefined ? undefined : String(delay),
    'courrier.dateDemandeInitiale': optionalDate(
      letter?.initialRequestDate,
      'letter.initialRequestDate',
    ),
    'pieces.liste':
      pieces === undefined || pieces.length === 0
        ? undefined
        : [...pieces]
            .sort((a, b) => a.number - b.number)
            .map(formatPieceLine)
            .join('\n'),
  };
  return values;
}
