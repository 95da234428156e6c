/** Small file-system helpers shared by the blob writer and reader. */
import { open, type FileHandle } from 'node:fs/promises';
import { systemCode } from './blob-errors';

/** writev until every byte is written: a short write is legal and must not lose data. */
export async function writeAll(fh: FileHandle, parts: Buffer[]): Promise<void> {
  let pending = parts.filter((part) => part.length > 0);
  while (pending.length > 0) {
    const { bytesWritten } = await fh.writev(pending);
    if (bytesWritten <= 0) throw Object.assign(new Error('write returned 0'), { code: 'EIO' });
    let skip = bytesWritten;
    const rest: Buffer[] = [];
    for (const part of pending) {
      if (skip >= part.length) {
        skip -= part.length;
        continue;
      }
      rest.push(skip > 0 ? part.subarray(skip) : part);
      skip = 0;
    }
    pending = rest;
  }
}

/** Reads exactly `length` bytes at `position`, or fewer only at end of file. */
export async function readFully(
  fh: FileHandle,
  buffer: Buffer,
  length: number,
  position: number,
): Promise<number> {
  let done = 0;
  while (done < length) {
    const { bytesRead } = await fh.read(buffer, done, length - done, position + done);
    if (bytesRead === 0) break;
    done += bytesRead;
  }
  return done;
}

/**
 * Makes a rename durable. Limitation: Windows cannot open a folder as a file, so there the
 * rename's durability rests on NTFS journaling and this is a no-op.
 */
export async function fsyncDir(path: string): Promise<void> {
  let fh: FileHandle | undefined;
  try {
    fh = await open(path, 'r');
    await fh.sync();
  } catch (error) {
    const code = systemCode(error);
    const unsupported = code === 'EISDIR' || code === 'EPERM' || code === 'EINVAL';
    if (!(process.platform === 'win32' && unsupported) && code !== 'EINVAL') throw error;
  } finally {
    await fh?.close().catch(() => undefined);
  }
}
