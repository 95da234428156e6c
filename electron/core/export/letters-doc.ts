/**
 * 'Courriers/': each letter of the case file rendered again from its stored fields, exactly as
 * the letters screen renders it, and the correspondence log as one table.
 */
import { AppError } from '../../../shared/api/errors';
import { formatDateFr, isIsoDate } from '../../../shared/deadlines/dates';
import { SENDING_MODES, type SendingMode } from '../../../shared/templates/schema';
import { renderLetterDocx, renderSheetDocx } from '../letters/docx';
import { letterDocx } from '../letters/export';
import { getLogger } from '../log';
import type { OpenVault } from '../vault/open-vault';
import type { CorrespondenceRecord, ExportData, LetterRecord } from './collect';
import { field, frDate, isoDay, note, para, renderDocument, table, title } from './docx-kit';

const log = () => getLogger().child({ subsystem: 'export' });

export const LETTER_STATUS_LABELS: Record<LetterRecord['status'], string> = {
  brouillon: 'brouillon',
  validee: 'validé',
  envoyee: 'envoyé',
  publiee: 'publié',
};

const CHANNEL_LABELS: Record<string, string> = {
  lrar: 'LRAR',
  lre: 'LRE',
  email: 'Courriel',
  formulaire: 'Formulaire en ligne',
  courrier: 'Courrier simple',
  telephone: 'Téléphone',
  'main-propre': 'Remise en main propre',
};

/** The day a letter bears: its own date, else when it was sent, else when it was written. */
export function letterDay(l: LetterRecord): string {
  return isoDay(l.letterDate ?? l.sentAt ?? l.createdAt);
}

function sendingMode(value: string | null): SendingMode {
  return (SENDING_MODES as readonly string[]).includes(value ?? '')
    ? (value as SendingMode)
    : 'aucun';
}

/** A draft may lack what a letter needs (place, recipient): it still goes in, as a plain sheet. */
async function asSheet(l: LetterRecord, subtitle: string): Promise<Buffer> {
  try {
    return await renderSheetDocx({
      title: l.title || l.objet || 'Courrier',
      bodyText: l.body,
      subtitle,
    });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return renderDocument(l.title || 'Courrier', 'Courrier', [
      ...title(l.title || 'Courrier', subtitle),
      para(l.body.trim() === '' ? '(courrier sans texte)' : l.body),
    ]);
  }
}

export async function renderLetter(l: LetterRecord, data: ExportData): Promise<Buffer> {
  const { practice } = data;
  const day = letterDay(l);
  const status = `Courrier ${LETTER_STATUS_LABELS[l.status] ?? l.status}`;
  if (l.kind !== 'letter') return asSheet(l, status);
  try {
    return await renderLetterDocx({
      sender: {
        practiceName: practice.name,
        doctorName: practice.doctorName,
        rpps: practice.rpps,
        address: practice.address,
        phone: practice.phone,
        email: practice.email,
      },
      recipient: {
        name: [l.recipient.name, l.recipient.organisation].filter((t) => t !== '').join('\n'),
        address: l.recipient.address,
      },
      place: l.place || practice.city,
      date: isIsoDate(day) ? formatDateFr(day) : day,
      sendingMode: sendingMode(l.sendingMode),
      lrarNumber: l.lrarNumber,
      objet: l.objet,
      references: l.references,
      bodyText: l.body,
      closing: l.closing,
      signatureName: practice.doctorName,
      enclosures: l.enclosures,
      title: l.title,
    });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return asSheet(l, status);
  }
}

/**
 * The letter as the letters screen downloads it (template values filled in); when that cannot be
 * done (a draft without a recipient), from its stored fields, so that no letter is left out.
 */
export async function letterBytes(
  vault: OpenVault,
  l: LetterRecord,
  data: ExportData,
): Promise<Buffer> {
  try {
    return Buffer.from((await letterDocx(vault, l.id, data.exportedAt)).base64, 'base64');
  } catch (error) {
    // The hand-over must not fail for one letter: it goes in as stored, and a bug gets logged.
    if (!(error instanceof AppError)) log().error({ err: error }, 'letter rendering failed');
    return renderLetter(l, data);
  }
}

function followUp(c: CorrespondenceRecord): string {
  return [
    c.lrarNumber ? `LRAR n° ${c.lrarNumber}` : '',
    c.arReceived ? `AR reçu le ${frDate(c.arReceived, false)}` : '',
    c.answerExpected ? `Réponse attendue le ${frDate(c.answerExpected, false)}` : '',
    c.pieceNumbers.length > 0 ? `Pièces n° ${c.pieceNumbers.join(', ')}` : '',
  ]
    .filter((t) => t !== '')
    .join('\n');
}

export function renderCorrespondenceLog(data: ExportData): Promise<Buffer> {
  const rows = data.correspondence.map((c) => [
    frDate(c.date, false),
    c.direction === 'recu' ? 'Reçu' : 'Envoyé',
    CHANNEL_LABELS[c.channel] ?? c.channel,
    [c.counterpart.name, c.counterpart.organisation].filter((t) => t !== '').join('\n'),
    [c.subject, c.summary].filter((t) => t.trim() !== '').join('\n'),
    followUp(c),
  ]);
  const letters = data.letters.map(
    (l) =>
      `${frDate(letterDay(l), false)} — ${l.title} (${LETTER_STATUS_LABELS[l.status] ?? l.status})`,
  );
  return renderDocument(`Journal des courriers — ${data.detail.title}`, 'Journal des courriers', [
    ...title('Journal des courriers', data.detail.title),
    rows.length === 0
      ? para('Aucun échange de courrier n’a été consigné.')
      : table(
          ['Date', 'Sens', 'Canal', 'Interlocuteur', 'Objet', 'Suivi'],
          rows,
          [12, 9, 12, 19, 28, 20],
        ),
    ...field('Courriers rédigés dans Égide', letters.length > 0 ? letters.join('\n') : ''),
    note('Les courriers rédigés dans Égide figurent dans ce dossier, un fichier par courrier.'),
  ]);
}
