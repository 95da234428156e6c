/**
 * A pièce's original bytes, decrypted chunk by chunk and checked on the way out: its SHA-256 and
 * size must equal those recorded at import, or the export stops and names the pièce.
 */
import { createHash } from 'node:crypto';

import type { Piece } from '../../../shared/api/cases-api';
import { AppError } from '../../../shared/api/errors';
import type { PieceRow } from '../cases/rows';
import { readBlob } from '../evidence/blob-read';
import { blobDir, requirePiece, unwrapKey } from '../pieces/pieces';
import type { OpenVault } from '../vault/open-vault';

function named(p: Pick<Piece, 'number' | 'title'>): string {
  return `Pièce n° ${p.number} (« ${p.title} »)`;
}

export function alteredPiece(p: Pick<Piece, 'number' | 'title'>): AppError {
  return new AppError(
    'INTEGRITY',
    `Export arrêté : ${named(p)} ne correspond plus à l’empreinte SHA-256 enregistrée à son ` +
      'import (fichier altéré ou tronqué dans le coffre). Aucun fichier n’a été créé. Restaurez ' +
      'le coffre depuis une sauvegarde, ou retirez cette pièce et importez à nouveau l’original.',
  );
}

function missingPiece(p: Pick<Piece, 'number' | 'title'>): AppError {
  return new AppError(
    'NOT_FOUND',
    `Export arrêté : le fichier chiffré de la ${named(p).replace('Pièce', 'pièce')} est ` +
      'introuvable dans le coffre. Aucun fichier n’a été créé. Restaurez le coffre depuis une ' +
      'sauvegarde, ou retirez cette pièce et importez à nouveau l’original.',
  );
}

export const EXPORT_CANCELLED = 'Export annulé : aucun fichier n’a été créé.';

export function cancelled(): AppError {
  return new AppError('CANCELLED', EXPORT_CANCELLED);
}

/** What reading a pièce may fail with, said about that pièce. */
export function pieceFailure(p: Pick<Piece, 'number' | 'title'>, error: unknown): unknown {
  if (!(error instanceof AppError)) return error;
  if (error.code === 'INTEGRITY') return alteredPiece(p);
  if (error.code === 'NOT_FOUND') return missingPiece(p);
  if (error.code === 'CANCELLED') return cancelled();
  return error;
}

/** The pièce's own key; an altered wrapping names the pièce like any other alteration. */
function pieceKey(vault: OpenVault, row: PieceRow): Buffer {
  try {
    return unwrapKey(vault, row);
  } catch {
    throw alteredPiece(row);
  }
}

export interface PieceSource {
  piece: Piece;
  /** The decrypted, verified bytes; a second iteration reads the blob again. */
  open(signal?: AbortSignal): AsyncIterable<Buffer>;
  /** Drops the key from memory. */
  release(): void;
}

export function pieceSource(vault: OpenVault, piece: Piece): PieceSource {
  const row = requirePiece(vault, piece.id);
  const key = pieceKey(vault, row);
  const dir = blobDir(vault);
  return {
    piece,
    release: () => key.fill(0),
    open: (signal) =>
      verified(piece, () =>
        readBlob({
          dir,
          relPath: row.blob_path,
          blobId: row.blob_id,
          key,
          ...(signal ? { signal } : {}),
        }),
      ),
  };
}

async function* verified(piece: Piece, read: () => AsyncGenerator<Buffer>): AsyncGenerator<Buffer> {
  const hash = createHash('sha256');
  let size = 0;
  try {
    for await (const chunk of read()) {
      hash.update(chunk);
      size += chunk.length;
      if (size > piece.size) throw alteredPiece(piece);
      yield chunk;
    }
  } catch (error) {
    throw pieceFailure(piece, error);
  }
  if (size !== piece.size || hash.digest('hex') !== piece.sha256.toLowerCase()) {
    throw alteredPiece(piece);
  }
}
