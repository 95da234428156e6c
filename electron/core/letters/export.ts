import { AppError } from '../../../shared/api/errors';
import type { LetterDocx } from '../../../shared/api/letters-api';
import { formatDateFr } from '../../../shared/templates/fill';
import type { OpenVault } from '../vault/open-vault';
import { composeSource } from './compose';
import { renderLetterDocx, renderSheetDocx } from './docx';
import { filledLetter } from './letter-view';
import { parseRecipient, requireLetter, today } from './rows';

/** Characters Windows refuses in a file name. */
const UNSAFE_NAME = /[\\/:*?"<>|]/g;

export function docxFileName(objet: string, fallback: string): string {
  const base = [...(objet.trim() || fallback.trim() || 'courrier')]
    .map((ch) => ((ch.codePointAt(0) ?? 0) < 0x20 ? ' ' : ch))
    .join('')
    .replace(UNSAFE_NAME, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 120)
    .replace(/[. ]+$/, '');
  return `Lettre - ${base}.docx`;
}

/**
 * The letter as a DOCX, filled with the current data. Values still missing are printed as
 * visible « [à compléter : …] » markers, never as braces, and are returned so the screen can say
 * so; the doctor cannot validate such a letter.
 */
export async function letterDocx(
  vault: OpenVault,
  letterId: string,
  now: Date,
): Promise<LetterDocx> {
  const row = requireLetter(vault.db, letterId);
  const src = composeSource(vault, row.case_id, row.id);
  const filled = filledLetter(row, src);
  const { practice } = src;
  let buffer: Buffer;

  // A template that lists the pièces in its body ({{pieces.liste}}) is not followed by a second list.
  const lines = filled.enclosures.map((e) => e.line);
  const listedInBody = lines.length > 0 && lines.every((l) => filled.preview.body.includes(l));

  if (row.kind === 'letter') {
    const recipient = parseRecipient(row.recipient);
    if (!recipient.name.trim()) {
      throw new AppError(
        'INVALID_INPUT',
        'Choisissez ou saisissez le destinataire avant de télécharger le courrier.',
        'recipient.name',
      );
    }
    buffer = await renderLetterDocx({
      sender: {
        practiceName: practice.name,
        doctorName: practice.doctorName,
        rpps: practice.rpps,
        address: practice.address,
        phone: practice.phone,
        email: practice.email,
      },
      recipient: { name: recipient.name, address: recipient.address },
      place: row.place || practice.city,
      date: formatDateFr(row.letter_date ?? today(now), 'letterDate'),
      sendingMode: row.sending_mode ?? 'aucun',
      lrarNumber: row.lrar_number,
      objet: filled.preview.objet,
      references: filled.preview.references,
      bodyText: filled.preview.body,
      closing: filled.preview.closing,
      signatureName: practice.doctorName,
      enclosures: listedInBody ? [] : lines,
      title: row.title,
    });
  } else {
    buffer = await renderSheetDocx({
      title: row.title,
      subtitle: practice.name,
      bodyText: filled.preview.body,
    });
  }

  return {
    base64: buffer.toString('base64'),
    fileName: docxFileName(filled.preview.objet, row.title),
    missing: filled.missing,
  };
}
