/**
 * The dossier's layout: which files, under which safe names, in which order. Documents are
 * rendered here (they are small); pièces stay sources that stream when written.
 */
import type { ExportData } from './collect';
import { renderBordereau, renderChronology, pieceDate } from './bordereau';
import { isoDay } from './docx-kit';
import { letterDay, LETTER_STATUS_LABELS, renderCorrespondenceLog } from './letters-doc';
import type { LetterRecord } from './collect';
import type { FileRole, PieceInfo } from './manifest';
import type { PieceSource } from './piece-stream';
import { composeName, NameSet } from './safe-names';
import { renderSynthesis } from './synthesis';

export const PIECES_DIR = 'Pièces';
export const LETTERS_DIR = 'Courriers';

export interface PlannedFile {
  path: string;
  size: number;
  role: FileRole;
  /** Rendered documents carry their bytes; pièces carry their source. */
  bytes?: Buffer;
  source?: PieceSource;
  piece?: PieceInfo;
}

/** 'Dossier - <title> - <date>': the folder, or the ZIP and its top folder. */
export function rootNameOf(data: ExportData): string {
  return composeName({ head: 'Dossier - ', body: data.detail.title, tail: ` - ${data.today}` }, 80);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export async function planFiles(
  data: ExportData,
  sources: PieceSource[],
  renderLetter: (letter: LetterRecord) => Promise<Buffer>,
): Promise<PlannedFile[]> {
  const doc = (path: string, role: FileRole, bytes: Buffer): PlannedFile => ({
    path,
    role,
    bytes,
    size: bytes.length,
  });
  const files: PlannedFile[] = [
    doc('00 - Synthèse.docx', 'synthese', await renderSynthesis(data)),
    doc('01 - Bordereau des pièces.docx', 'bordereau', await renderBordereau(data)),
    doc('02 - Chronologie.docx', 'chronologie', await renderChronology(data)),
  ];

  const maxNumber = Math.max(0, ...sources.map((s) => s.piece.number));
  const width = Math.max(2, String(maxNumber).length);
  const pieceNames = new NameSet();
  for (const source of sources) {
    const p = source.piece;
    const name = pieceNames.claim(
      composeName({
        head: `Pièce ${pad(p.number, width)} - `,
        body: p.title,
        tail: ` - ${isoDay(pieceDate(p))}`,
        ext: p.ext,
      }),
    );
    files.push({
      path: `${PIECES_DIR}/${name}`,
      role: 'piece',
      size: p.size,
      source,
      piece: {
        number: p.number,
        title: p.title,
        mime: p.mime,
        typeLabel: p.typeLabel,
        originalName: p.originalName,
        addedAt: p.addedAt,
        addedBy: p.addedBy,
        sha256AtImport: p.sha256,
        capture: p.capture,
      },
    });
  }

  const letterNames = new NameSet();
  const letterWidth = Math.max(2, String(data.letters.length).length);
  for (const [index, letter] of data.letters.entries()) {
    const draft = letter.status === 'brouillon' ? ` (${LETTER_STATUS_LABELS.brouillon})` : '';
    const name = letterNames.claim(
      composeName({
        head: `Courrier ${pad(index + 1, letterWidth)} - `,
        body: letter.title || letter.objet,
        tail: ` - ${letterDay(letter)}${draft}`,
        ext: 'docx',
      }),
    );
    files.push(doc(`${LETTERS_DIR}/${name}`, 'courrier', await renderLetter(letter)));
  }
  if (data.letters.length > 0 || data.correspondence.length > 0) {
    const log = await renderCorrespondenceLog(data);
    files.push(
      doc(
        `${LETTERS_DIR}/${letterNames.claim('Journal des courriers.docx')}`,
        'journal-courriers',
        log,
      ),
    );
  }
  return files;
}
