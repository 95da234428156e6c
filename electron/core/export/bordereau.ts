/**
 * '01 - Bordereau des pièces.docx' and '02 - Chronologie.docx'. The bordereau lists the pièces
 * handed over as the lawyer numbers exhibits (CPC art. 56, 768 and 912): 'Pièce n° X', a short
 * title, the date of the document, and the start of its SHA-256. Numbers are the case file's own
 * and never change, so a withdrawn pièce leaves a gap rather than shifting the others.
 */
import type { ChronologyEvent, Piece } from '../../../shared/api/cases-api';
import type { ExportData } from './collect';
import { frDate, note, para, renderDocument, table, title, type Block } from './docx-kit';

export const SHORT_HASH_LENGTH = 16;

/** The date a pièce documents: when it was captured, else when it entered the case file. */
export function pieceDate(p: Piece): string {
  return p.capture.capturedAt || p.addedAt;
}

export function pieceLabel(p: Piece): string {
  return `Pièce n° ${p.number}`;
}

export function renderBordereau(data: ExportData): Promise<Buffer> {
  const rows = data.pieces.map((p) => [
    pieceLabel(p),
    p.title,
    frDate(pieceDate(p), false),
    `${p.sha256.slice(0, SHORT_HASH_LENGTH)}…`,
  ]);
  const children: Block[] = [
    ...title('Bordereau de communication de pièces', data.detail.title),
    para(`Cabinet : ${data.practice.name} — ${data.practice.doctorName}`),
    para(`Établi le ${frDate(data.exportedAt.toISOString(), false)}.`),
  ];
  if (rows.length === 0) {
    children.push(para('Aucune pièce n’est communiquée.'));
  } else {
    children.push(
      table(['N°', 'Intitulé', 'Date', 'SHA-256 (début)'], rows, [14, 44, 19, 23], [3]),
    );
  }
  children.push(
    note(
      'Numérotation stable : chaque pièce garde le numéro reçu dans le dossier. Les empreintes ' +
        'SHA-256 complètes figurent dans les fichiers SHA256SUMS et manifest.json.',
    ),
  );
  if (data.withdrawnNumbers.length > 0) {
    const list = data.withdrawnNumbers.join(', ');
    const plural = data.withdrawnNumbers.length > 1;
    children.push(
      note(
        `${plural ? 'Les numéros' : 'Le numéro'} ${list} ${plural ? 'correspondent' : 'correspond'} ` +
          `à ${plural ? 'des pièces retirées' : 'une pièce retirée'} du dossier : ` +
          `${plural ? 'elles ne sont pas communiquées' : 'elle n’est pas communiquée'}.`,
      ),
    );
  }
  return renderDocument(`Bordereau — ${data.detail.title}`, 'Bordereau des pièces', children);
}

const KIND_LABELS: Record<ChronologyEvent['kind'], string> = {
  publication: 'Publication',
  decouverte: 'Découverte',
  capture: 'Capture',
  qualification: 'Qualification',
  etape: 'Étape',
  piece: 'Pièce',
  texte: 'Texte',
  statut: 'Dossier',
  courrier: 'Courrier',
};

export function renderChronology(data: ExportData): Promise<Buffer> {
  const rows = data.events.map((e) => [frDate(e.date), KIND_LABELS[e.kind], e.label]);
  const children: Block[] = [
    ...title('Chronologie du dossier', data.detail.title),
    rows.length === 0
      ? para('Aucun événement daté.')
      : table(['Date', 'Nature', 'Événement'], rows, [28, 15, 57]),
    note(
      'Heures données à l’heure de Paris. Les dates de publication et de découverte sont celles ' +
        'saisies par le cabinet.',
    ),
  ];
  return renderDocument(`Chronologie — ${data.detail.title}`, 'Chronologie du dossier', children);
}
