/**
 * iCalendar (RFC 5545) export of deadlines, for the cabinet's calendar (Outlook, Google, Apple).
 *
 * Privacy: a calendar leaves the vault unencrypted and is often synced to a cloud. Callers pass
 * only safe labels (the engine's French labels, a case reference): never the review's words, the
 * author's name or anything about a patient. `icsItemFromDeadline` builds such items.
 */
import { AppError } from '../api/errors';
import { addDays, dateParts, formatDateFr, isIsoDate } from './dates';
import type { IsoDate } from './dates';
import type { Deadline } from './types';
import { INDICATIVE_NOTE } from './types';

export interface IcsItem {
  /** Stable across exports so that a re-import updates the event instead of duplicating it. */
  uid: string;
  date: IsoDate;
  /** Safe label only: no review text, no patient or author name. */
  summary: string;
  description: string;
}

const CRLF = '\r\n';
const MAX_LINE_OCTETS = 75;
const UID_PATTERN = /^[A-Za-z0-9@._:+-]{1,255}$/;
// RFC 5545 TEXT forbids control characters other than HTAB.
// eslint-disable-next-line no-control-regex -- matching control characters is the point here
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  return codePoint < 0x10000 ? 3 : 4;
}

/**
 * Folds a content line at 75 octets (RFC 5545 §3.1). Iterating by code point keeps every UTF-8
 * sequence, and every surrogate pair, whole; the leading space of a continuation line counts.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8Length(char.codePointAt(0) ?? 0);
    if (octets + size > MAX_LINE_OCTETS) {
      parts.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(CRLF);
}

/** TEXT escaping (RFC 5545 §3.3.11); NFC first so an accent is one character, not two. */
export function escapeText(value: string): string {
  return value
    .normalize('NFC')
    .replace(CONTROL_CHARS, '')
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

function compactDate(date: IsoDate): string {
  const { year, month, day } = dateParts(date);
  return `${String(year).padStart(4, '0')}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
}

function utcStamp(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${now.getUTCFullYear()}${pad(now.getUTCMonth() + 1)}${pad(now.getUTCDate())}T` +
    `${pad(now.getUTCHours())}${pad(now.getUTCMinutes())}${pad(now.getUTCSeconds())}Z`
  );
}

function checkItems(items: readonly IcsItem[]): void {
  if (items.length === 0) {
    throw new AppError('INVALID_INPUT', 'Aucune échéance à exporter : le calendrier serait vide.');
  }
  const uids = new Set<string>();
  items.forEach((item, i) => {
    if (!UID_PATTERN.test(item.uid)) {
      throw new AppError(
        'INVALID_INPUT',
        'Identifiant d’événement invalide : lettres, chiffres et « @._:+- » seulement.',
        `items.${i}.uid`,
      );
    }
    if (uids.has(item.uid)) {
      throw new AppError(
        'INVALID_INPUT',
        'Deux événements portent le même identifiant.',
        `items.${i}.uid`,
      );
    }
    uids.add(item.uid);
    if (!isIsoDate(item.date)) {
      throw new AppError(
        'INVALID_INPUT',
        'Date d’échéance invalide (format AAAA-MM-JJ).',
        `items.${i}.date`,
      );
    }
    if (item.summary.trim() === '') {
      throw new AppError('INVALID_INPUT', 'Intitulé d’événement manquant.', `items.${i}.summary`);
    }
  });
}

/**
 * One all-day VEVENT per item (DTEND is the next day, exclusive) with a display alarm 7 days
 * before. `now` stamps DTSTAMP; pass it in so the output is reproducible.
 */
export function deadlinesToIcs(items: readonly IcsItem[], now: Date): string {
  if (Number.isNaN(now.getTime())) {
    throw new AppError('INVALID_INPUT', 'Horodatage d’export invalide.');
  }
  checkItems(items);
  const stamp = utcStamp(now);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Égide//FR',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText('Égide : échéances')}`,
  ];
  for (const item of items) {
    const summary = escapeText(item.summary);
    lines.push(
      'BEGIN:VEVENT',
      `UID:${item.uid}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${compactDate(item.date)}`,
      `DTEND;VALUE=DATE:${compactDate(addDays(item.date, 1))}`,
      `SUMMARY:${summary}`,
    );
    if (item.description.trim() !== '') lines.push(`DESCRIPTION:${escapeText(item.description)}`);
    lines.push(
      'TRANSP:TRANSPARENT',
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      `DESCRIPTION:${escapeText(`Dans 7 jours : ${item.summary}`)}`,
      'TRIGGER:-P7D',
      'END:VALARM',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}

/**
 * A calendar item from an engine deadline. Uses only the engine's own wording and `caseRef` (a
 * case number or neutral title chosen by the caller); the override reason is left out because it
 * is free text.
 */
export function icsItemFromDeadline(deadline: Deadline, caseRef: string): IcsItem {
  const description = [`Échéance : ${formatDateFr(deadline.effective, { weekday: true })}`];
  if (deadline.recommendedBy !== deadline.effective) {
    description.push(`À faire de préférence avant le ${formatDateFr(deadline.recommendedBy)}`);
  }
  description.push(`Règle : ${deadline.rule}${deadline.article ? ` (${deadline.article})` : ''}`);
  if (deadline.override) {
    description.push(
      `Date corrigée manuellement ; date calculée : ${formatDateFr(deadline.computed)}`,
    );
  }
  if (deadline.warning) description.push(deadline.warning);
  if (deadline.kind !== 'follow-up') description.push(INDICATIVE_NOTE);
  return {
    uid: `${deadline.caseId}.${deadline.key}@egide`.replace(/[^A-Za-z0-9@._:+-]/g, '-'),
    date: deadline.effective,
    summary: `${deadline.label} : dossier ${caseRef}`,
    description: description.join('\n'),
  };
}
