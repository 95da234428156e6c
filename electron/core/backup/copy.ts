import { createHash } from 'node:crypto';
import { constants, promises as fs } from 'node:fs';
import path from 'node:path';

import { fsyncDir } from '../fs/atomic';

const CHUNK = 1024 * 1024;

export interface Copied {
  size: number;
  sha256: string;
}

/**
 * Creates `rel` under `root` one level at a time, never `root` itself: if the drive holding root
 * was unplugged, its mount point must not silently reappear as a folder on the internal disk.
 */
export async function mkdirUnder(root: string, rel: string): Promise<void> {
  let dir = root;
  for (const part of rel.split('/').filter((p) => p !== '' && p !== '.')) {
    dir = path.join(dir, part);
    try {
      await fs.mkdir(dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

/**
 * Copies one file, hashing the bytes as they pass, and syncs it to disk. The target's folder must
 * exist and the target must not (O_EXCL): a backup or a restore never overwrites a file it did
 * not create.
 */
export async function copyHashed(
  src: string,
  dst: string,
  onBytes?: (n: number) => void,
): Promise<Copied> {
  const input = await fs.open(src, 'r');
  try {
    const output = await fs.open(dst, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL);
    try {
      const hash = createHash('sha256');
      const buffer = Buffer.allocUnsafe(CHUNK);
      let size = 0;
      for (;;) {
        const { bytesRead } = await input.read(buffer, 0, CHUNK, null);
        if (bytesRead === 0) break;
        const slice = buffer.subarray(0, bytesRead);
        hash.update(slice);
        let written = 0;
        while (written < bytesRead) {
          const { bytesWritten } = await output.write(slice, written, bytesRead - written);
          if (bytesWritten <= 0) throw Object.assign(new Error('short write'), { code: 'EIO' });
          written += bytesWritten;
        }
        size += bytesRead;
        onBytes?.(bytesRead);
      }
      await output.sync();
      return { size, sha256: hash.digest('hex') };
    } finally {
      await output.close();
    }
  } finally {
    await input.close();
  }
}

/** Writes bytes to a new file and syncs it. */
export async function writeNew(dst: string, data: Uint8Array | string): Promise<Copied> {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);
  const output = await fs.open(dst, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL);
  try {
    await output.writeFile(bytes);
    await output.sync();
  } finally {
    await output.close();
  }
  return { size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
}

export async function hashFile(file: string): Promise<Copied> {
  const input = await fs.open(file, 'r');
  try {
    const hash = createHash('sha256');
    const buffer = Buffer.allocUnsafe(CHUNK);
    let size = 0;
    for (;;) {
      const { bytesRead } = await input.read(buffer, 0, CHUNK, null);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
      size += bytesRead;
    }
    return { size, sha256: hash.digest('hex') };
  } finally {
    await input.close();
  }
}

/** Syncs every folder of a finished tree, deepest first, so its entries survive a power cut. */
export async function syncTree(dir: string): Promise<void> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  for (const e of entries) if (e.isDirectory()) await syncTree(path.join(dir, e.name));
  await fsyncDir(dir);
}
