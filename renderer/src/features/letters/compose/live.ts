import type { Piece } from '../../../../../shared/api/cases-api';
import type {
  Counterpart,
  LetterDetail,
  LetterTexts,
  MissingValue,
} from '../../../../../shared/api/letters-api';
import type { SendingMode } from '../../../../../shared/templates/schema';
import {
  fillTemplate,
  formatDateFr,
  formatPieceLine,
  PLACEHOLDERS,
} from '../../../../../shared/templates/fill';
import { isPlaceholderKey } from '../../../../../shared/templates/schema';

/** The letter as edited on screen, and its preview filled with the same code as the core's. */
export interface LetterForm extends LetterTexts {
  title: string;
  recipient: Counterpart;
  sendingMode: SendingMode | null;
  lrarNumber: string;
  place: string;
  letterDate: string;
  enclosures: string[];
}

export function formOf(letter: LetterDetail): LetterForm {
  return {
    ...letter.texts,
    title: letter.title,
    recipient: letter.recipient,
    sendingMode: letter.sendingMode,
    lrarNumber: letter.lrarNumber,
    place: letter.place,
    letterDate: letter.letterDate ?? '',
    enclosures: letter.enclosures.map((e) => e.pieceId),
  };
}

function safeDate(iso: string): string | undefined {
  try {
    return iso ? formatDateFr(iso) : undefined;
  } catch {
    return undefined;
  }
}

export function enclosureLines(form: LetterForm, letter: LetterDetail, pieces: Piece[]): string[] {
  return pieces
    .filter((p) => form.enclosures.includes(p.id))
    .sort((a, b) => a.number - b.number)
    .map(
      (p) =>
        letter.enclosures.find((e) => e.pieceId === p.id)?.line ??
        formatPieceLine({
          number: p.number,
          title: p.title,
          date: p.capture.capturedAt ?? p.addedAt,
        }),
    );
}

export interface LivePreview extends LetterTexts {
  enclosures: string[];
  missing: MissingValue[];
  unknown: string[];
}

export function livePreview(form: LetterForm, letter: LetterDetail, pieces: Piece[]): LivePreview {
  const lines = enclosureLines(form, letter, pieces);
  const blank = (s: string) => (s.trim() === '' ? undefined : s);
  const values: Record<string, string | undefined> = {
    ...letter.values,
    'destinataire.nom': blank(form.recipient.name),
    'destinataire.adresse': blank(form.recipient.address),
    'courrier.date': safeDate(form.letterDate),
    'courrier.lieu': blank(form.place),
    'courrier.numeroLrar': blank(form.lrarNumber),
    'pieces.liste': lines.length > 0 ? lines.join('\n') : undefined,
  };
  const missing = new Set<string>();
  const unknown = new Set<string>();
  const fill = (text: string) => {
    const r = fillTemplate(text, values);
    r.missing.forEach((k) => missing.add(k));
    r.unknown.forEach((k) => unknown.add(k));
    return r.text;
  };
  return {
    objet: fill(form.objet),
    references: fill(form.references),
    body: fill(form.body),
    closing: fill(form.closing),
    enclosures: lines,
    missing: [...missing].map((key) => ({
      key,
      label: isPlaceholderKey(key) ? PLACEHOLDERS[key].label : key,
    })),
    unknown: [...unknown],
  };
}

/**
 * Writes a value in place of a placeholder, in every text of the letter.
 * Limitation: the letters table keeps no per-letter values, so a value typed here becomes part
 * of the text; changing it later means editing the text.
 */
export function insertValue(form: LetterForm, key: string, value: string): LetterForm {
  const escaped = key.replace(/\./g, '\\.');
  const re = new RegExp(`\\{\\{\\s*${escaped}\\s*\\}\\}`, 'g');
  const put = (text: string) => text.replace(re, () => value);
  return {
    ...form,
    objet: put(form.objet),
    references: put(form.references),
    body: put(form.body),
    closing: put(form.closing),
  };
}
