import {
  AlignmentType,
  Document,
  Footer,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
  convertMillimetersToTwip,
} from 'docx';
import type { IParagraphOptions, ISectionOptions } from 'docx';

import { AppError } from '../../../shared/api/errors';
import type { SendingMode } from '../../../shared/templates/schema';

/**
 * Letters and sheets as DOCX, laid out as a French business letter. The font is Arial: every
 * Windows PC has it, and LibreOffice substitutes the metric-compatible Liberation Sans
 * (fonts-liberation), so line and page breaks match between Word and the PDF preview.
 */
export const LETTER_FONT = 'Arial';

export interface LetterSender {
  practiceName: string;
  doctorName: string;
  rpps?: string;
  /** Postal address; lines separated by '\n'. */
  address?: string;
  phone?: string;
  email?: string;
}

export interface LetterRecipient {
  name: string;
  /** Postal address; lines separated by '\n'. */
  address?: string;
}

export interface LetterDocModel {
  sender: LetterSender;
  recipient: LetterRecipient;
  /** Town for "À <lieu>, le <date>". */
  place: string;
  /** Already formatted in French, e.g. "12 mars 2026". */
  date: string;
  sendingMode: SendingMode;
  lrarNumber?: string;
  objet: string;
  references?: string;
  /** Paragraphs separated by blank lines; a single newline is a line break. */
  bodyText: string;
  closing: string;
  signatureName: string;
  /** Lines of the enclosure list, e.g. "Pièce n° 1 — Capture de l’avis — 12 mars 2026". */
  enclosures: string[];
  /** Document property; defaults to the objet. */
  title?: string;
}

export interface SheetDocModel {
  title: string;
  /** Same conventions as a letter body. */
  bodyText: string;
  /** Printed under the title, e.g. the practice's name. */
  subtitle?: string;
}

/** A4 in twips, as Word writes it (convertMillimetersToTwip rounds down by one). */
const A4_WIDTH = 11906;
const A4_HEIGHT = 16838;
const MARGIN = convertMillimetersToTwip(25);
/** Recipient, date and signature start here: right half of the text width, window envelopes. */
const RIGHT_BLOCK = convertMillimetersToTwip(90);
const BODY_SIZE = 22; // half-points: 11 pt
const SMALL_SIZE = 18;

/**
 * Keeps only the characters XML 1.0 allows: a pasted review may carry control characters or a lone
 * surrogate, and Word refuses a file that contains them.
 */
export function cleanText(text: string): string {
  let out = '';
  for (const ch of text.replace(/\r\n?/g, '\n')) {
    const cp = ch.codePointAt(0) ?? 0;
    const allowed =
      cp === 0x9 ||
      cp === 0xa ||
      (cp >= 0x20 && cp <= 0xd7ff) ||
      (cp >= 0xe000 && cp <= 0xfffd) ||
      cp >= 0x10000;
    if (allowed) out += ch;
  }
  return out;
}

/** The line under the date saying how the letter travels, or none. */
export function sendingModeLine(mode: SendingMode, lrarNumber?: string): string | undefined {
  const number = lrarNumber?.trim() ? ` n° ${lrarNumber.trim()}` : '';
  switch (mode) {
    case 'lrar':
      return `Lettre recommandée avec accusé de réception${number}`;
    case 'lre':
      return `Lettre recommandée électronique${number}`;
    case 'email':
      return 'Par courriel';
    case 'courrier':
      return 'Par courrier simple';
    case 'formulaire':
      return 'Transmis par le formulaire en ligne du destinataire';
    case 'aucun':
      return undefined;
  }
}

/** Runs for one paragraph's text: each newline becomes a line break inside the paragraph. */
function lineRuns(text: string, style: { bold?: boolean; italics?: boolean; size?: number } = {}) {
  return text
    .split('\n')
    .map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : 0, ...style }));
}

/**
 * Justified text with manual line breaks stretches the words of each broken line (Word and
 * LibreOffice alike), which ruins addresses and lists: such paragraphs stay left-aligned.
 */
function bodyAlignment(text: string) {
  return text.includes('\n') ? AlignmentType.LEFT : AlignmentType.BOTH;
}

/** Splits on blank lines; keeps single newlines for lineRuns. */
export function splitParagraphs(text: string): string[] {
  return cleanText(text)
    .split(/\n[ \t]*\n/)
    .map((p) => p.replace(/^\n+|\s+$/g, ''))
    .filter((p) => p.trim() !== '');
}

type ParaOptions = Omit<IParagraphOptions, 'children'>;

function para(text: string, options: ParaOptions = {}, bold = false, label = '') {
  const head = label === '' ? [] : [new TextRun({ text: label, bold })];
  return new Paragraph({ ...options, children: [...head, ...lineRuns(cleanText(text), { bold })] });
}

function required(value: string | undefined, field: string, label: string): string {
  if (value === undefined || value.trim() === '') {
    const message = `Le document ne peut pas être créé : ${label} manque. Complétez-le puis réessayez.`;
    throw new AppError('INVALID_INPUT', message, field);
  }
  return value.trim();
}

function letterhead(sender: LetterSender): Paragraph[] {
  const lines = [
    sender.doctorName,
    sender.rpps?.trim() ? `RPPS : ${sender.rpps.trim()}` : undefined,
    sender.address?.trim(),
    sender.phone?.trim() ? `Tél. : ${sender.phone.trim()}` : undefined,
    sender.email?.trim() ? `Courriel : ${sender.email.trim()}` : undefined,
  ].filter((l): l is string => l !== undefined && l !== '');

  return [
    new Paragraph({
      children: [new TextRun({ text: cleanText(sender.practiceName), bold: true, size: 26 })],
    }),
    ...lines.map(
      (line) => new Paragraph({ children: lineRuns(cleanText(line), { size: SMALL_SIZE + 2 }) }),
    ),
  ];
}

function footer(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            size: SMALL_SIZE,
            children: ['Page ', PageNumber.CURRENT, ' sur ', PageNumber.TOTAL_PAGES],
          }),
        ],
      }),
    ],
  });
}

function section(children: Paragraph[]): ISectionOptions {
  return {
    properties: {
      page: {
        size: { width: A4_WIDTH, height: A4_HEIGHT },
        margin: {
          top: MARGIN,
          bottom: MARGIN,
          left: MARGIN,
          right: MARGIN,
          header: convertMillimetersToTwip(12),
          footer: convertMillimetersToTwip(12),
        },
      },
    },
    footers: { default: footer() },
    children,
  };
}

function documentOf(title: string, children: Paragraph[]): Document {
  return new Document({
    title: cleanText(title),
    creator: 'Égide',
    lastModifiedBy: 'Égide',
    styles: {
      default: {
        document: {
          run: { font: LETTER_FONT, size: BODY_SIZE, language: { value: 'fr-FR' } },
          paragraph: { spacing: { after: 0, line: 264 } },
        },
      },
    },
    sections: [section(children)],
  });
}

export async function renderLetterDocx(letter: LetterDocModel): Promise<Buffer> {
  const objet = required(letter.objet, 'objet', 'l’objet');
  const recipientName = required(letter.recipient.name, 'recipient.name', 'le destinataire');
  const place = required(letter.place, 'place', 'le lieu');
  const date = required(letter.date, 'date', 'la date');
  const signature = required(letter.signatureName, 'signatureName', 'le nom du signataire');
  required(letter.sender.practiceName, 'sender.practiceName', 'le nom du cabinet');
  required(letter.sender.doctorName, 'sender.doctorName', 'le nom du médecin');
  const body = splitParagraphs(letter.bodyText);
  if (body.length === 0) required(undefined, 'bodyText', 'le texte du courrier');

  const right = { indent: { left: RIGHT_BLOCK } };
  const recipientText = [recipientName, letter.recipient.address?.trim()]
    .filter((l): l is string => l !== undefined && l !== '')
    .join('\n');
  const modeLine = sendingModeLine(letter.sendingMode, letter.lrarNumber);

  const children: Paragraph[] = [
    ...letterhead(letter.sender),
    para(recipientText, { ...right, spacing: { before: 600 } }),
    para(`À ${place}, le ${date}`, { ...right, spacing: { before: 480 } }),
  ];

  if (modeLine !== undefined) children.push(para(modeLine, { spacing: { before: 360 } }, true));

  children.push(para(objet, { spacing: { before: modeLine ? 200 : 360 } }, true, 'Objet : '));
  const references = letter.references?.trim();
  if (references)
    children.push(para(references, { spacing: { before: 80 } }, false, 'Références : '));

  body.forEach((text, i) => {
    children.push(
      headedParagraph(text, {
        alignment: bodyAlignment(text),
        spacing: { before: i === 0 ? 400 : 0, after: 160 },
      }),
    );
  });

  const closing = letter.closing.trim();
  if (closing) children.push(para(closing, { alignment: bodyAlignment(closing), keepNext: true }));

  children.push(
    para(signature, { ...right, spacing: { before: 400 }, keepNext: true, keepLines: true }),
    new Paragraph({
      ...right,
      spacing: { after: 960 },
      children: [
        new TextRun({ text: 'Signature', italics: true, color: '666666', size: SMALL_SIZE }),
      ],
    }),
  );

  const enclosures = letter.enclosures.map((e) => cleanText(e).trim()).filter((e) => e !== '');
  if (enclosures.length > 0) {
    children.push(para('Pièces jointes :', { keepNext: true, spacing: { after: 80 } }, true));
    enclosures.forEach((line, i) => {
      const last = i === enclosures.length - 1;
      children.push(para(line, { indent: { left: 360 }, keepNext: !last }));
    });
  }

  return Packer.toBuffer(documentOf(letter.title?.trim() || objet, children));
}

/**
 * A multi-line paragraph whose short first line ends without punctuation reads as a heading
 * ("Pièces à rassembler", "1. Destinataire"): that line is set in bold.
 */
function headedParagraph(text: string, options: ParaOptions): Paragraph {
  const [first = '', ...rest] = text.split('\n');
  const heading = rest.length > 0 && first.length <= 80 && !/[.:;,!?»)]$/.test(first);
  if (!heading) return para(text, options);

  return new Paragraph({
    ...options,
    children: [
      new TextRun({ text: first, bold: true }),
      ...rest.map((line) => new TextRun({ text: line, break: 1 })),
    ],
  });
}

/** Sheets and texts to paste into a form: a title and the body, same page setup as letters. */
export async function renderSheetDocx(sheet: SheetDocModel): Promise<Buffer> {
  const title = required(sheet.title, 'title', 'le titre');
  const body = splitParagraphs(sheet.bodyText);
  if (body.length === 0) required(undefined, 'bodyText', 'le texte');

  const children: Paragraph[] = [
    new Paragraph({
      spacing: { after: sheet.subtitle?.trim() ? 80 : 360 },
      children: [new TextRun({ text: cleanText(title), bold: true, size: 32 })],
    }),
  ];
  if (sheet.subtitle?.trim()) {
    children.push(para(sheet.subtitle.trim(), { spacing: { after: 360 } }));
  }
  children.push(...body.map((text) => headedParagraph(text, { spacing: { after: 200 } })));

  return Packer.toBuffer(documentOf(title, children));
}
