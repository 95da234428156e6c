/**
 * Reading pièces back: every chunk is authenticated before its plaintext is handed out, and the
 * final-chunk flag plus the frame layout catch truncation and appended data.
 */
import { createHash, randomBytes } from 'node:crypto';
import { constants as fsConstants } from 'node:fs';
import { open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { AppError, type ApiErrorData } from '../../../shared/api/errors';
import {
  cancelledError,
  integrityError,
  readError,
  tooLargeError,
  writeError,
} from './blob-errors';
import {
  BlobFormatError,
  ChunkCipher,
  frameLayout,
  HEADER_LENGTH,
  isValidBlobId,
  KEY_LENGTH,
  parseHeader,
  TAG_LENGTH,
} from './blob-format';
import { fsyncDir, readFully, writeAll } from './blob-io';

export interface ReadBlobOptions {
  dir: string;
  relPath: string;
  blobId: string;
  key: Buffer;
  signal?: AbortSignal;
}

export interface VerifyBlobResult {
  ok: boolean;
  /** SHA-256 of the plaintext, or null when the blob could not be read to the end. */
  sha256: string | null;
  /** Why the check failed (INTEGRITY or NOT_FOUND), in French for the user. */
  error?: ApiErrorData;
}

export interface CopyBlobOptions extends ReadBlobOptions {
  destPath: string;
  expectedSha256: string;
  onProgress?: (bytes: number) => void;
}

const REL_PATH_PATTERN = /^[A-Za-z0-9_-]{2}\/[A-Za-z0-9_-]{2,128}\.egb$/;
const SHA256_PATTERN = /^[0-9a-f]{64}$/i;
const DEFAULT_BUFFER_LIMIT = 256 * 1024 * 1024;

/** Yields the plaintext chunk by chunk; each one only after its tag has been verified. */
export async function* readBlob(opts: ReadBlobOptions): AsyncGenerator<Buffer> {
  const path = checkReadArguments(opts);
  let fh: FileHandle;
  try {
    fh = await open(path, 'r');
  } catch (error) {
    throw readError(error);
  }

  try {
    const { size } = await fh.stat();
    const headerBytes = Buffer.alloc(HEADER_LENGTH);
    if ((await readFully(fh, headerBytes, HEADER_LENGTH, 0)) < HEADER_LENGTH) {
      throw new BlobFormatError('short header');
    }
    const header = parseHeader(headerBytes);
    const layout = frameLayout(size, header.chunkSize);
    const cipher = new ChunkCipher(opts.key, header, opts.blobId);
    const frameLength = header.chunkSize + TAG_LENGTH;
    const buffers = [Buffer.allocUnsafe(frameLength), Buffer.allocUnsafe(frameLength)];
    const last = layout.frameCount - 1;
    const lengthOf = (index: number): number =>
      index === last ? layout.lastFrameLength : frameLength;
    const readFrame = (index: number): Promise<number> =>
      readFully(
        fh,
        buffers[index % 2] as Buffer,
        lengthOf(index),
        HEADER_LENGTH + index * frameLength,
      );

    // The next frame is read while the current one is decrypted and consumed.
    let pending = readFrame(0);
    for (let index = 0; index <= last; index += 1) {
      if (opts.signal?.aborted) throw cancelledError();
      const length = lengthOf(index);
      if ((await pending) !== length) throw new BlobFormatError('file shrank while reading');
      if (index < last) {
        pending = readFrame(index + 1);
        pending.catch(() => undefined);
      }
      const frame = buffers[index % 2] as Buffer;
      const plain = cipher.open(
        frame.subarray(0, length - TAG_LENGTH),
        frame.subarray(length - TAG_LENGTH, length),
        index === last,
      );
      yield plain;
    }
  } catch (error) {
    throw readError(error);
  } finally {
    await fh.close().catch(() => undefined);
  }
}

/** Whole plaintext in memory; for small pièces (previews, text), refused above `maxBytes`. */
export async function readBlobToBuffer(
  opts: ReadBlobOptions & { maxBytes?: number },
): Promise<Buffer> {
  const limit = opts.maxBytes ?? DEFAULT_BUFFER_LIMIT;
  const parts: Buffer[] = [];
  let total = 0;
  for await (const plain of readBlob(opts)) {
    total += plain.length;
    if (total > limit) throw tooLargeError(null, limit);
    parts.push(plain);
  }
  return Buffer.concat(parts, total);
}

/** Decrypts the whole blob and compares the plaintext's SHA-256 with the one recorded at import. */
export async function verifyBlob(
  opts: ReadBlobOptions & { expectedSha256: string },
): Promise<VerifyBlobResult> {
  const expected = checkSha256(opts.expectedSha256);
  const hash = createHash('sha256');
  try {
    for await (const plain of readBlob(opts)) hash.update(plain);
  } catch (error) {
    if (error instanceof AppError && (error.code === 'INTEGRITY' || error.code === 'NOT_FOUND')) {
      return { ok: false, sha256: null, error: error.toData() };
    }
    throw error;
  }
  const sha256 = hash.digest('hex');
  return sha256 === expected
    ? { ok: true, sha256 }
    : { ok: false, sha256, error: integrityError().toData() };
}

/**
 * Decrypts a pièce into `destPath` (exports). The output is written beside the destination under
 * a temporary name and renamed only once its SHA-256 matches, so a failed copy leaves nothing.
 */
export async function copyBlobPlaintextTo(
  opts: CopyBlobOptions,
): Promise<{ size: number; sha256: string }> {
  const expected = checkSha256(opts.expectedSha256);
  if (opts.signal?.aborted) throw cancelledError();
  const destDir = dirname(opts.destPath);
  const tmpPath = join(
    destDir,
    `.${basename(opts.destPath)}.${randomBytes(6).toString('hex')}.part`,
  );
  let out: FileHandle | undefined;

  try {
    out = await open(tmpPath, fsConstants.O_WRONLY | fsConstants.O_CREAT | fsConstants.O_EXCL);
    const hash = createHash('sha256');
    let total = 0;
    let inflight: Promise<void> = Promise.resolve();
    for await (const plain of readBlob(opts)) {
      hash.update(plain);
      total += plain.length;
      await inflight;
      inflight = writeAll(out, [plain]);
      inflight.catch(() => undefined);
      opts.onProgress?.(total);
    }
    await inflight;
    const sha256 = hash.digest('hex');
    if (sha256 !== expected) throw integrityError();
    await out.sync();
    await out.close();
    out = undefined;
    await rename(tmpPath, opts.destPath);
    await fsyncDir(destDir);
    return { size: total, sha256 };
  } catch (error) {
    await out?.close().catch(() => undefined);
    await unlink(tmpPath).catch(() => undefined);
    throw writeError(error, 'export');
  }
}

function checkReadArguments(opts: ReadBlobOptions): string {
  if (!REL_PATH_PATTERN.test(opts.relPath)) {
    throw new AppError('INVALID_INPUT', 'Chemin de pièce invalide.', 'relPath');
  }
  if (!isValidBlobId(opts.blobId)) {
    throw new AppError('INVALID_INPUT', 'Identifiant de pièce invalide.', 'blobId');
  }
  if (!Buffer.isBuffer(opts.key) || opts.key.length !== KEY_LENGTH) {
    throw new AppError('INVALID_INPUT', 'Clé de pièce invalide (32 octets attendus).', 'key');
  }
  return join(opts.dir, ...opts.relPath.split('/'));
}

function checkSha256(value: string): string {
  if (!SHA256_PATTERN.test(value)) {
    throw new AppError('INVALID_INPUT', 'Empreinte SHA-256 attendue invalide.', 'expectedSha256');
  }
  return value.toLowerCase();
}
