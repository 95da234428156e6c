/** The bytes being imported, from a path, a stream or memory, as pieces of at most 1 MiB. */
import { open, type FileHandle } from 'node:fs/promises';
import { AppError } from '../../../shared/api/errors';
import { sourceError, SourceReadError, tooLargeError } from './blob-errors';
import { DEFAULT_CHUNK_SIZE } from './blob-format';

export type BlobSource = string | AsyncIterable<Uint8Array> | Uint8Array;

export interface OpenedSource {
  pieces: AsyncIterable<Uint8Array>;
  /** Known size (path sources), for the error message. */
  size: number | null;
  close: () => Promise<void>;
}

export async function openSource(source: BlobSource, maxBytes: number): Promise<OpenedSource> {
  if (source instanceof Uint8Array) {
    if (source.length > maxBytes) throw tooLargeError(source.length, maxBytes);
    return { pieces: slices(source), size: source.length, close: async () => undefined };
  }
  if (typeof source !== 'string') {
    return { pieces: guarded(source), size: null, close: async () => undefined };
  }

  let fh: FileHandle;
  try {
    fh = await open(source, 'r');
  } catch (error) {
    throw sourceError(error);
  }
  try {
    // fstat on the opened handle: the size checked is the size of the file actually read.
    const info = await fh.stat();
    if (info.isDirectory()) throw sourceError(Object.assign(new Error('dir'), { code: 'EISDIR' }));
    if (!info.isFile()) {
      throw new AppError(
        'FILE_REFUSED',
        'Cet élément n’est pas un fichier ordinaire et ne peut pas être importé comme pièce.',
      );
    }
    if (info.size > maxBytes) throw tooLargeError(info.size, maxBytes);
    return { pieces: fileReader(fh), size: info.size, close: () => fh.close() };
  } catch (error) {
    await fh.close().catch(() => undefined);
    throw error instanceof AppError ? error : sourceError(error);
  }
}

async function* slices(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  for (let offset = 0; offset < bytes.length; offset += DEFAULT_CHUNK_SIZE) {
    yield bytes.subarray(offset, offset + DEFAULT_CHUNK_SIZE);
  }
}

async function* guarded(source: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  try {
    for await (const piece of source) yield piece;
  } catch (error) {
    throw new SourceReadError(error);
  }
}

/**
 * Reads the source in 1 MiB pieces into two alternating buffers, the next read running while
 * the consumer hashes and encrypts the current piece. A yielded piece stays valid until the
 * consumer asks for the one after it.
 */
async function* fileReader(fh: FileHandle): AsyncGenerator<Uint8Array> {
  const buffers = [Buffer.allocUnsafe(DEFAULT_CHUNK_SIZE), Buffer.allocUnsafe(DEFAULT_CHUNK_SIZE)];
  const readInto = (buffer: Buffer): Promise<number> =>
    fh.read(buffer, 0, buffer.length, null).then(
      (result) => result.bytesRead,
      (error: unknown) => {
        throw new SourceReadError(error);
      },
    );
  let current = 0;
  let pending = readInto(buffers[0] as Buffer);
  for (;;) {
    const bytesRead = await pending;
    if (bytesRead === 0) return;
    const buffer = buffers[current] as Buffer;
    current ^= 1;
    pending = readInto(buffers[current] as Buffer);
    pending.catch(() => undefined);
    yield buffer.subarray(0, bytesRead);
  }
}
