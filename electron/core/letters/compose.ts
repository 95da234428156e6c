import type { CaseDetail, Piece } from '../../../shared/api/cases-api';
import type {
  LetterRecipientInfo,
  LetterTexts,
  MissingValue,
} from '../../../shared/api/letters-api';
import { isIsoDate } from '../../../shared/deadlines/dates';
import { CATEGORY_INFO } from '../../../shared/domain/cases';
import type { Practice } from '../../../shared/domain/accounts';
import {
  buildPlaceholderValues,
  fillTemplate,
  formatPieceLine,
  PLACEHOLDERS,
} from '../../../shared/templates/fill';
import { isPlaceholderKey } from '../../../shared/templates/schema';
import { readPractice } from '../app/handlers/vault';
import { getCase } from '../cases/repo';
import type { OpenVault } from '../vault/open-vault';

/**
 * Placeholder values from the vault: the cabinet, the case file, the letter's recipient and
 * enclosures. The renderer receives the case-level values and adds the letter-level ones as the
 * user types, with the same shared functions, so the preview and the DOCX say the same thing.
 */

export interface ComposeSource {
  practice: Practice;
  caseDetail: CaseDetail;
  /** The first request sent in this case (for a reminder), other than the letter itself. */
  initialRequestDate: string | null;
}

export interface LetterFields {
  recipient: LetterRecipientInfo;
  place: string;
  letterDate: string | null;
  lrarNumber: string;
  enclosureLines: string[];
}

export function composeSource(
  vault: OpenVault,
  caseId: string,
  excludeLetterId: string | null = null,
): ComposeSource {
  const first = vault.db
    .prepare(
      `SELECT min(date) AS d FROM correspondence WHERE case_id = ? AND direction = 'envoye'
       AND (letter_id IS NULL OR letter_id <> ?)`,
    )
    .get(caseId, excludeLetterId ?? '') as { d: string | null };
  return {
    practice: readPractice(vault),
    caseDetail: getCase(vault, caseId),
    initialRequestDate: first.d,
  };
}

/** "la loi du 29 juillet 1881, art. 29 al. 2 et 33": the basis reads inside a sentence. */
function inSentence(basis: string): string {
  if (basis.startsWith('Loi ')) return `la l${basis.slice(1)}`;
  if (basis.startsWith('Code ')) return `le ${basis}`;
  return basis;
}

function joinFr(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} et ${items[items.length - 1]}`;
}

const day = (value: string | null | undefined): string | undefined =>
  value != null && isIsoDate(value) ? value : undefined;

const blank = (value: string): string | undefined => (value.trim() === '' ? undefined : value);

/** The date printed for a pièce: when it was captured, else when it joined the file. */
export function enclosureLine(piece: Pick<Piece, 'number' | 'title' | 'capture' | 'addedAt'>) {
  return formatPieceLine({
    number: piece.number,
    title: piece.title,
    date: piece.capture.capturedAt ?? piece.addedAt,
  });
}

export function allValues(
  src: ComposeSource,
  letter?: LetterFields,
): Record<string, string | undefined> {
  const c = src.caseDetail;
  const q = c.qualifications[0];
  const categories = q && !q.lawful ? q.categories : [];
  const latestText = c.texts[c.texts.length - 1]?.text ?? '';
  const author = blank(c.fields.authorPseudonym) ?? blank(c.fields.authorIdentity);

  const values = buildPlaceholderValues({
    cabinet: {
      name: src.practice.name,
      address: src.practice.address,
      phone: src.practice.phone,
      email: src.practice.email,
    },
    doctor: { name: src.practice.doctorName, rpps: src.practice.rpps },
    caseFile: {
      title: c.title,
      url: c.fields.url,
      platform: c.fields.platform,
      verbatimText: latestText,
      firstPublishedAt: day(c.fields.firstPosted) ?? '',
      discoveredAt: day(c.fields.discovered) ?? '',
      ...(author ? { author } : {}),
      ...(categories.length > 0
        ? {
            qualification: joinFr(categories.map((k) => CATEGORY_INFO[k].label.toLowerCase())),
            articles: [...new Set(categories.map((k) => inSentence(CATEGORY_INFO[k].basis)))].join(
              ' ; ',
            ),
          }
        : {}),
    },
    ...(letter
      ? {
          recipient: { name: letter.recipient.name, address: letter.recipient.address },
          letter: {
            place: letter.place,
            lrarNumber: letter.lrarNumber,
            ...(day(letter.letterDate) ? { date: letter.letterDate! } : {}),
            ...(src.initialRequestDate ? { initialRequestDate: src.initialRequestDate } : {}),
          },
        }
      : src.initialRequestDate
        ? { letter: { initialRequestDate: src.initialRequestDate } }
        : {}),
  });
  if (letter) {
    values['pieces.liste'] =
      letter.enclosureLines.length > 0 ? letter.enclosureLines.join('\n') : undefined;
  }
  return values;
}

/** The values known without a letter: what the renderer starts from. */
export function caseValues(src: ComposeSource): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(allValues(src))) {
    if (v !== undefined && v.trim() !== '') out[k] = v;
  }
  return out;
}

export interface FilledLetter {
  preview: LetterTexts;
  missing: MissingValue[];
  unknown: string[];
}

export function fillLetter(
  texts: LetterTexts,
  values: Record<string, string | undefined>,
): FilledLetter {
  const missing = new Set<string>();
  const unknown = new Set<string>();
  const fill = (text: string) => {
    const r = fillTemplate(text, values);
    r.missing.forEach((k) => missing.add(k));
    r.unknown.forEach((k) => unknown.add(k));
    return r.text;
  };
  const preview: LetterTexts = {
    objet: fill(texts.objet),
    references: fill(texts.references),
    body: fill(texts.body),
    closing: fill(texts.closing),
  };
  return {
    preview,
    missing: [...missing].map((key) => ({
      key,
      label: isPlaceholderKey(key) ? PLACEHOLDERS[key].label : key,
    })),
    unknown: [...unknown],
  };
}
