/**
 * Building blocks for the dossier's documents (synthesis, bordereau, chronology, correspondence
 * log): same font and page as the letters (see letters/docx.ts), headings, labelled lines, tables
 * and the verbatim block, which reproduces the disputed words exactly, line by line.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  convertMillimetersToTwip,
} from 'docx';
import type { IParagraphOptions } from 'docx';

import { isIsoDate, formatDateFr, isoDateInTimeZone } from '../../../shared/deadlines/dates';
import { LETTER_FONT, cleanText } from '../letters/docx';

const MARGIN = convertMillimetersToTwip(20);
const BODY_SIZE = 21;
const SMALL_SIZE = 17;
const GREY = '666666';

type Block = Paragraph | Table;
type ParaOptions = Omit<IParagraphOptions, 'children'>;

interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  size?: number;
  font?: string;
}

function runs(text: string, style: RunStyle = {}) {
  return cleanText(text)
    .split('\n')
    .map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : 0, ...style }));
}

export function title(text: string, subtitle?: string): Paragraph[] {
  const out = [
    new Paragraph({
      spacing: { after: subtitle ? 60 : 240 },
      children: runs(text, { bold: true, size: 34 }),
    }),
  ];
  if (subtitle) out.push(new Paragraph({ spacing: { after: 240 }, children: runs(subtitle) }));
  return out;
}

export function heading(text: string): Paragraph {
  return new Paragraph({
    heading: HeadingLevel.HEADING_2,
    spacing: { before: 320, after: 120 },
    keepNext: true,
    children: runs(text, { bold: true, size: 26 }),
  });
}

export function subheading(text: string): Paragraph {
  return new Paragraph({
    spacing: { before: 200, after: 80 },
    keepNext: true,
    children: runs(text, { bold: true }),
  });
}

export function para(text: string, options: ParaOptions = {}): Paragraph {
  return new Paragraph({ spacing: { after: 100 }, ...options, children: runs(text) });
}

export function note(text: string): Paragraph {
  return new Paragraph({
    spacing: { after: 100 },
    children: runs(text, { italics: true, size: SMALL_SIZE }),
  });
}

/** 'Label : value', the label in bold; nothing when the value is empty. */
export function field(label: string, value: string | null | undefined): Paragraph[] {
  if (value === null || value === undefined || value.trim() === '') return [];
  return [
    new Paragraph({
      spacing: { after: 60 },
      children: [new TextRun({ text: `${label} : `, bold: true }), ...runs(value)],
    }),
  ];
}

export function bullet(text: string): Paragraph {
  return new Paragraph({
    spacing: { after: 60 },
    indent: { left: 360, hanging: 240 },
    children: runs(`•\u00a0${text}`),
  });
}

/**
 * The disputed words in a framed, shaded block: every character as captured (only those XML
 * cannot hold are dropped), each newline a line break, spaces preserved.
 */
export function verbatim(text: string): Paragraph {
  const border = { style: BorderStyle.SINGLE, size: 6, color: '999999', space: 6 };
  return new Paragraph({
    spacing: { before: 80, after: 160 },
    indent: { left: 240, right: 240 },
    border: { top: border, bottom: border, left: border, right: border },
    shading: { type: ShadingType.CLEAR, fill: 'F3F3F3', color: 'auto' },
    children: text === '' ? [new TextRun({ text: '(texte vide)', italics: true })] : runs(text),
  });
}

/**
 * A full-width table; `widths` are percentages, one per column. `mono` columns (hashes) are set
 * in a small fixed-width font so that they neither wrap nor blur 0 and O.
 */
export function table(
  headers: string[],
  rows: string[][],
  widths: number[],
  mono: number[] = [],
): Table {
  const cell = (text: string, index: number, header: boolean) => {
    const style = header
      ? { bold: true }
      : mono.includes(index)
        ? { font: 'Courier New', size: SMALL_SIZE }
        : {};
    return new TableCell({
      width: { size: widths[index] ?? 10, type: WidthType.PERCENTAGE },
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      ...(header ? { shading: { type: ShadingType.CLEAR, fill: 'E8E8E8', color: 'auto' } } : {}),
      children: [new Paragraph({ children: runs(text, style) })],
    });
  };
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: headers.map((h, i) => cell(h, i, true)) }),
      ...rows.map(
        (r) => new TableRow({ cantSplit: true, children: r.map((t, i) => cell(t, i, false)) }),
      ),
    ],
  });
}

const TIME_FR = new Intl.DateTimeFormat('fr-FR', {
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/Paris',
});
// Built once: a formatter costs far more to create than to use, and a chronology has many dates.
const DAY_PARIS = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar day in Paris of an instant, '2026-03-12' (en-CA formats dates that way). */
function parisDay(instant: Date): string {
  const day = DAY_PARIS.format(instant);
  return isIsoDate(day) ? day : isoDateInTimeZone(instant);
}

/** '12 mars 2026' for a day; an instant gets its Paris time: '12 mars 2026 à 14:05'. */
export function frDate(value: string | null | undefined, withTime = true): string {
  if (!value) return '—';
  if (isIsoDate(value)) return formatDateFr(value);
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) return value;
  const day = formatDateFr(parisDay(instant));
  return withTime ? `${day} à ${TIME_FR.format(instant)}` : day;
}

/** The calendar day (Paris) of a date or an instant, for file names: '2026-03-12'. */
export function isoDay(value: string): string {
  if (isIsoDate(value)) return value;
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? 'date inconnue' : parisDay(instant);
}

function footer(label: string): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            size: SMALL_SIZE,
            color: GREY,
            children: [
              `${cleanText(label)} — page `,
              PageNumber.CURRENT,
              ' sur ',
              PageNumber.TOTAL_PAGES,
            ],
          }),
        ],
      }),
    ],
  });
}

/** A4 portrait, Arial, French; the footer names the document and numbers its pages. */
export function renderDocument(docTitle: string, footerLabel: string, children: Block[]) {
  const doc = new Document({
    title: cleanText(docTitle),
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
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
          },
        },
        footers: { default: footer(footerLabel) },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}

export type { Block };
