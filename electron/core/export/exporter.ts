/**
 * One action, one dossier for the lawyer: documents, pièces, letters, SHA256SUMS and manifest,
 * written to a temporary name in the destination and given its final name only when complete.
 * Memory stays bounded: pièces stream one chunk at a time; only the documents are held whole.
 */
import { createHash, randomBytes } from 'node:crypto';
import { constants as fsConstants } from 'node:fs';
import { open, rm, stat, statfs } from 'node:fs/promises';
import path from 'node:path';

import { AppError } from '../../../shared/api/errors';
import type { ExportFormat, ExportResult } from '../../../shared/api/export-api';
import { writeError } from '../evidence/blob-errors';
import { getLogger } from '../log';
import type { OpenVault } from '../vault/open-vault';
import { collectExportData } from './collect';
import { letterBytes } from './letters-doc';
import { buildManifest, buildSums, MANIFEST_NAME, SUMS_NAME, type WrittenFile } from './manifest';
import {
  alteredPiece,
  cancelled,
  pieceFailure,
  pieceSource,
  type PieceSource,
} from './piece-stream';
import { planFiles, rootNameOf, type PlannedFile } from './plan';
import { openSink, type ExportSink } from './sinks';
import { ZipSizeError } from './zip-stored';

export interface ExportRequest {
  caseId: string;
  format: ExportFormat;
  destination: string;
  /** Required for 'zip-aes'. */
  password?: string;
  now: Date;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number, message?: string) => void;
}

const log = () => getLogger().child({ subsystem: 'export' });
/** Room kept free beyond the export's own size, for the file system's overhead. */
const SPACE_MARGIN = 16 * 1024 * 1024;

/** The destination must be an existing, writable folder outside the vault's own folder. */
export async function checkDestination(destination: string, vaultDir: string): Promise<string> {
  if (!path.isAbsolute(destination)) {
    throw new AppError(
      'INVALID_INPUT',
      'Indiquez le chemin complet du dossier de destination (par exemple C:\\Users\\Nom\\Documents ' +
        'ou /home/nom/Documents).',
      'destination',
    );
  }
  const dir = path.resolve(destination);
  const inside = path.relative(path.resolve(vaultDir), dir);
  if (inside === '' || (!inside.startsWith('..') && !path.isAbsolute(inside))) {
    throw new AppError(
      'INVALID_INPUT',
      'Choisissez un dossier hors du dossier de données d’Égide : l’export n’y est pas chiffré.',
      'destination',
    );
  }
  try {
    if (!(await stat(dir)).isDirectory()) {
      throw new AppError('INVALID_INPUT', 'Ce chemin n’est pas un dossier.', 'destination');
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw writeError(error, 'export');
    throw new AppError(
      'NOT_FOUND',
      'Ce dossier de destination n’existe pas (ou plus). Choisissez un dossier existant.',
      'destination',
    );
  }
  // Named like the other temporaries, so that a crash right here leaves nothing cleanup misses.
  const probe = path.join(dir, `.egide-probe.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const flags = fsConstants.O_WRONLY | fsConstants.O_CREAT | fsConstants.O_EXCL;
    await (await open(probe, flags, 0o600)).close();
    await rm(probe, { force: true });
  } catch (error) {
    throw writeError(error, 'export');
  }
  return dir;
}

async function checkSpace(dir: string, bytes: number): Promise<void> {
  let free: number;
  try {
    const fs = await statfs(dir);
    free = fs.bavail * fs.bsize;
  } catch {
    return; // Unknown on some network shares: the write itself will tell.
  }
  if (free < bytes + SPACE_MARGIN) {
    const mb = (n: number) => `${Math.ceil(n / 1e6).toLocaleString('fr-FR')} Mo`;
    throw new AppError(
      'DISK_FULL',
      `Place insuffisante : l’export demande environ ${mb(bytes)}, il reste ${mb(free)} sur ce ` +
        'disque. Libérez de la place ou choisissez un autre emplacement (clé USB, disque externe).',
    );
  }
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

async function writeFile(
  sink: ExportSink,
  file: PlannedFile,
  signal: AbortSignal | undefined,
  onBytes: (n: number) => void,
): Promise<WrittenFile> {
  if (signal?.aborted) throw cancelled();
  const written: WrittenFile = { path: file.path, size: file.size, sha256: '', role: file.role };
  if (file.piece) written.piece = file.piece;
  if (file.bytes) {
    await sink.add(file.path, file.size, file.bytes, onBytes);
    written.sha256 = sha256(file.bytes);
    return written;
  }
  const source = file.source as PieceSource;
  try {
    await sink.add(file.path, file.size, source.open(signal), onBytes);
  } catch (error) {
    if (error instanceof ZipSizeError) throw alteredPiece(source.piece);
    throw pieceFailure(source.piece, error);
  }
  // The stream threw unless the bytes matched the hash recorded at import.
  written.sha256 = source.piece.sha256.toLowerCase();
  return written;
}

function failure(error: unknown, signal: AbortSignal | undefined): AppError {
  if (error instanceof AppError) {
    if (error.code === 'CANCELLED') return cancelled();
    return error;
  }
  if (signal?.aborted) return cancelled();
  return writeError(error, 'export');
}

export async function exportCase(vault: OpenVault, request: ExportRequest): Promise<ExportResult> {
  const { format, signal, now } = request;
  if (format === 'zip-aes' && !request.password) throw new Error('zip-aes needs a password');
  const destination = await checkDestination(request.destination, vault.dataDir);
  const progress = request.onProgress ?? (() => undefined);
  // A cancel or a lock may come while the destination was checked: the vault may be closed now.
  if (signal?.aborted) throw cancelled();

  progress(0, 0, 'Préparation des documents…');
  const data = collectExportData(vault, request.caseId, now);
  const sources: PieceSource[] = [];
  let sink: ExportSink | null = null;
  try {
    for (const p of data.pieces) sources.push(pieceSource(vault, p));
    const planned = await planFiles(data, sources, (l) => letterBytes(vault, l, data));
    const total = planned.reduce((n, f) => n + f.size, 0);
    await checkSpace(destination, total);
    if (signal?.aborted) throw cancelled();

    sink = await openSink({
      format,
      destination,
      rootName: rootNameOf(data),
      mtime: now,
      ...(request.password ? { password: request.password } : {}),
      ...(signal ? { signal } : {}),
    });
    let done = 0;
    const written: WrittenFile[] = [];
    for (const file of planned) {
      const label = file.piece
        ? `Copie de la pièce n° ${file.piece.number}…`
        : 'Écriture des documents…';
      progress(done, total, label);
      written.push(
        await writeFile(sink, file, signal, (n) => {
          done += n;
          progress(done, total);
        }),
      );
    }

    progress(done, total, 'Écriture des empreintes…');
    const manifest = buildManifest(data, format, written);
    await sink.add(MANIFEST_NAME, manifest.length, manifest);
    const sums = buildSums([...written, { path: MANIFEST_NAME, sha256: sha256(manifest) }]);
    await sink.add(SUMS_NAME, sums.length, sums);

    if (signal?.aborted) throw cancelled();
    progress(done, total, 'Finalisation…');
    const finalPath = await sink.commit();
    const result: ExportResult = {
      path: finalPath,
      format,
      fileCount: written.length + 2,
      pieceCount: sources.length,
      bytes: total + manifest.length + sums.length,
    };
    record(vault, request, result);
    progress(total, total, 'Export terminé.');
    return result;
  } catch (error) {
    await sink?.discard().catch((e: unknown) => log().warn({ err: e }, 'export cleanup failed'));
    throw failure(error, signal);
  } finally {
    for (const s of sources) s.release();
  }
}

/** The journal says that the case file left the vault, in which format, with how many files. */
function record(vault: OpenVault, request: ExportRequest, result: ExportResult): void {
  try {
    vault.change(
      {
        action: 'case.export',
        entity: 'case',
        entityId: request.caseId,
        caseId: request.caseId,
        details: { format: result.format, files: result.fileCount, pieces: result.pieceCount },
      },
      () => null,
      request.now,
    );
  } catch (error) {
    // The dossier exists by now; a locked vault must not make the user think it does not.
    log().error({ err: error }, 'export done but not journaled');
  }
}
