import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

import type { CaptureRecord, Piece } from '../../../shared/api/cases-api';
import { AppError } from '../../../shared/api/errors';
import { readSettings } from '../app/settings';
import { accountLabels } from '../cases/repo';
import { rowToPiece, type PieceRow } from '../cases/rows';
import { reindexCase } from '../cases/search';
import { open, seal, subkey } from '../crypto/aead';
import {
  newBlobId,
  newBlobKey,
  readBlobToBuffer,
  verifyBlob,
  writeBlob,
} from '../evidence/blob-store';
import { classifyFile, SNIFF_BYTES } from '../evidence/file-policy';
import { fsError } from '../fs/atomic';
import type { OpenVault } from '../vault/open-vault';

export type ImportSource =
  { kind: 'bytes'; name: string; base64: string } | { kind: 'path'; path: string };

export function blobDir(vault: OpenVault): string {
  return path.join(vault.dataDir, 'blobs');
}

/** Each pièce has its own random key, stored wrapped under a key derived from the data key. */
function wrapKey(vault: OpenVault, pieceId: string, key: Buffer): string {
  return seal(
    vault.keyFor((dk) => subkey(dk, 'piece-keys')),
    key,
    `piece:${pieceId}`,
  ).box;
}

export function unwrapKey(vault: OpenVault, row: PieceRow): Buffer {
  const wrapping = vault.keyFor((dk) => subkey(dk, 'piece-keys'));
  try {
    const key = open(wrapping, { box: row.blob_key }, `piece:${row.id}`);
    if (!key) {
      throw new AppError(
        'INTEGRITY',
        `La clé de la pièce n° ${row.number} est altérée : la pièce ne peut pas être lue.`,
      );
    }
    return key;
  } finally {
    wrapping.fill(0);
  }
}

export function requirePiece(vault: OpenVault, pieceId: string): PieceRow {
  const row = vault.db.prepare('SELECT * FROM pieces WHERE id = ?').get(pieceId) as
    PieceRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'Cette pièce est introuvable.');
  return row;
}

async function readHead(
  source: ImportSource,
  maxBytes: number,
): Promise<{ head: Buffer; size: number; bytes?: Buffer; name: string }> {
  if (source.kind === 'bytes') {
    // base64 is 4/3 of the bytes: refuse before decoding anything too large.
    if (Math.floor((source.base64.length * 3) / 4) > maxBytes + 3) throw tooLarge(maxBytes);
    const bytes = Buffer.from(source.base64, 'base64');
    if (bytes.length > maxBytes) throw tooLarge(maxBytes);
    return { head: bytes.subarray(0, SNIFF_BYTES), size: bytes.length, bytes, name: source.name };
  }
  let handle: fs.FileHandle | undefined;
  try {
    const stat = await fs.stat(source.path);
    if (!stat.isFile())
      throw new AppError('FILE_REFUSED', 'Ce n’est pas un fichier : choisissez un fichier.');
    if (stat.size > maxBytes) throw tooLarge(maxBytes);
    handle = await fs.open(source.path, 'r');
    const head = Buffer.alloc(Math.min(SNIFF_BYTES, stat.size));
    await handle.read(head, 0, head.length, 0);
    return { head, size: stat.size, name: path.basename(source.path) };
  } catch (error) {
    throw fsError(error, 'Lecture du fichier');
  } finally {
    await handle?.close();
  }
}

function tooLarge(maxBytes: number): AppError {
  const mib = Math.round(maxBytes / (1024 * 1024));
  return new AppError(
    'FILE_TOO_LARGE',
    `Ce fichier dépasse la taille maximale d’une pièce (${mib} Mio). Réduisez-le (capture plus petite, PDF compressé) ou augmentez la limite dans Paramètres › Sécurité.`,
  );
}

export interface ImportInput {
  caseId: string;
  source: ImportSource;
  title: string;
  capture: Omit<CaptureRecord, 'capturedBy'>;
  signal?: AbortSignal;
  onProgress?: (bytes: number) => void;
}

/**
 * Imports one file as the next numbered pièce: type decided from the bytes, original bytes
 * encrypted as they are, SHA-256 recorded, then one transaction numbers and records it.
 */
export async function importPiece(vault: OpenVault, input: ImportInput, now: Date): Promise<Piece> {
  if (!vault.db.prepare('SELECT 1 FROM case_files WHERE id = ?').get(input.caseId)) {
    throw new AppError('NOT_FOUND', 'Ce dossier est introuvable.');
  }
  const maxBytes = readSettings(vault.db).maxPieceMiB * 1024 * 1024;
  const { head, size, bytes, name } = await readHead(input.source, maxBytes);
  const decision = await classifyFile(head, size, name);
  if (!decision.accepted) throw new AppError('FILE_REFUSED', `« ${name} » : ${decision.message}`);

  const id = randomUUID();
  const blobId = newBlobId();
  const key = newBlobKey();
  const dir = blobDir(vault);
  const written = await writeBlob({
    dir,
    blobId,
    key,
    source: bytes ?? (input.source as { path: string }).path,
    maxBytes,
    headBytes: 16,
    ...(input.signal ? { signal: input.signal } : {}),
    ...(input.onProgress ? { onProgress: input.onProgress } : {}),
  });

  const capture: CaptureRecord = { ...input.capture, capturedBy: vault.account.label };
  try {
    vault.change(
      {
        action: 'piece.import',
        entity: 'piece',
        entityId: id,
        caseId: input.caseId,
        details: { mime: decision.mime, size: written.size },
      },
      (db) => {
        const { n } = db
          .prepare('SELECT coalesce(max(number), 0) + 1 AS n FROM pieces WHERE case_id = ?')
          .get(input.caseId) as { n: number };
        db.prepare(
          `INSERT INTO pieces (id, case_id, number, title, mime, ext, type_label, size, sha256, blob_id,
             blob_path, blob_key, original_name, width, height, warnings, capture, added_at, added_by)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(
          id,
          input.caseId,
          n,
          input.title.trim() || defaultTitle(decision.label, name),
          decision.mime,
          decision.ext,
          decision.label,
          written.size,
          written.sha256,
          blobId,
          written.relPath,
          wrapKey(vault, id, key),
          name,
          decision.width ?? null,
          decision.height ?? null,
          JSON.stringify(decision.warnings),
          JSON.stringify(capture),
          now.toISOString(),
          vault.account.id,
        );
        db.prepare('UPDATE case_files SET updated_at = ? WHERE id = ?').run(
          now.toISOString(),
          input.caseId,
        );
        reindexCase(db, input.caseId);
      },
      now,
    );
  } catch (error) {
    // Not yet evidence: the blob was never recorded, so removing it loses nothing.
    await fs.rm(path.join(dir, written.relPath), { force: true });
    throw error;
  } finally {
    key.fill(0);
  }
  return rowToPiece(requirePiece(vault, id), accountLabels(vault.db));
}

function defaultTitle(label: string, name: string): string {
  return name && name !== 'capture' ? name.replace(/\.[^.]+$/, '') : label;
}

export function updateCapture(
  vault: OpenVault,
  pieceId: string,
  title: string,
  capture: Omit<CaptureRecord, 'capturedBy'>,
  now: Date,
): Piece {
  const row = requirePiece(vault, pieceId);
  const previous = JSON.parse(row.capture) as CaptureRecord;
  vault.change(
    { action: 'piece.capture', entity: 'piece', entityId: pieceId, caseId: row.case_id },
    (db) => {
      db.prepare('UPDATE pieces SET title = ?, capture = ? WHERE id = ?').run(
        title,
        JSON.stringify({ ...capture, capturedBy: previous.capturedBy }),
        pieceId,
      );
      reindexCase(db, row.case_id);
    },
    now,
  );
  return rowToPiece(requirePiece(vault, pieceId), accountLabels(vault.db));
}

export function withdrawPiece(vault: OpenVault, pieceId: string, reason: string, now: Date): Piece {
  const row = requirePiece(vault, pieceId);
  if (row.withdrawn_at) throw new AppError('CONFLICT', 'Cette pièce est déjà retirée du dossier.');
  vault.change(
    { action: 'piece.withdraw', entity: 'piece', entityId: pieceId, caseId: row.case_id },
    (db) =>
      db
        .prepare(
          'UPDATE pieces SET withdrawn_at = ?, withdrawn_reason = ?, withdrawn_by = ? WHERE id = ?',
        )
        .run(now.toISOString(), reason, vault.account.id, pieceId),
    now,
  );
  return rowToPiece(requirePiece(vault, pieceId), accountLabels(vault.db));
}

export const MAX_PREVIEW_BYTES = 64 * 1024 * 1024;

export async function pieceContent(
  vault: OpenVault,
  pieceId: string,
): Promise<{ base64: string; mime: string; sha256: string }> {
  const row = requirePiece(vault, pieceId);
  if (row.size > MAX_PREVIEW_BYTES) {
    throw new AppError(
      'FILE_TOO_LARGE',
      'Cette pièce est trop volumineuse pour l’aperçu. Exportez le dossier pour l’ouvrir.',
    );
  }
  const key = unwrapKey(vault, row);
  const bytes = await readBlobToBuffer({
    dir: blobDir(vault),
    relPath: row.blob_path,
    blobId: row.blob_id,
    key,
    maxBytes: MAX_PREVIEW_BYTES,
  });
  return { base64: bytes.toString('base64'), mime: row.mime, sha256: row.sha256 };
}

export async function verifyPiece(
  vault: OpenVault,
  pieceId: string,
): Promise<{ ok: boolean; sha256: string | null; message: string }> {
  const row = requirePiece(vault, pieceId);
  const result = await verifyBlob({
    dir: blobDir(vault),
    relPath: row.blob_path,
    blobId: row.blob_id,
    key: unwrapKey(vault, row),
    expectedSha256: row.sha256,
  });
  return {
    ok: result.ok,
    sha256: result.sha256,
    message: result.ok
      ? `Pièce n° ${row.number} intacte : son empreinte SHA-256 est celle enregistrée à l’import.`
      : (result.error?.message ??
        `Pièce n° ${row.number} altérée : son empreinte ne correspond plus.`),
  };
}
