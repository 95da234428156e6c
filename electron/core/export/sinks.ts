/**
 * Where an export's files go: a folder, a ZIP, or a password-protected ZIP. Every sink writes to
 * a hidden temporary name inside the destination and moves it to its final name only in
 * `commit`, so a failure or a cancel leaves nothing behind but what `discard` removes.
 */
import { randomBytes } from 'node:crypto';
import { constants as fsConstants } from 'node:fs';
import { lstat, mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

import type { ExportFormat } from '../../../shared/api/export-api';
import { fsyncDir } from '../fs/atomic';
import { utf8Length, truncateBytes } from './safe-names';
import { AesZipWriter } from './zip-aes';
import { StoredZipWriter } from './zip-stored';

export type SinkData = Uint8Array | AsyncIterable<Uint8Array>;

export interface ExportSink {
  /** `relPath` uses '/' and safe names; `size` is the exact byte count of `data`. */
  add(relPath: string, size: number, data: SinkData, onBytes?: (n: number) => void): Promise<void>;
  /** Finishes the output and gives it its final name; returns its absolute path. */
  commit(): Promise<string>;
  /** Removes whatever was written; safe after a failure and when called twice. */
  discard(): Promise<void>;
}

export interface SinkOptions {
  format: ExportFormat;
  destination: string;
  /** Safe name of the dossier: the folder, or the ZIP's name and its top folder. */
  rootName: string;
  mtime: Date;
  password?: string;
  signal?: AbortSignal;
}

export function tempName(rootName: string, suffix: string): string {
  return `.${truncateBytes(rootName, 60)}.${randomBytes(6).toString('hex')}.${suffix}`;
}

export async function openSink(options: SinkOptions): Promise<ExportSink> {
  if (options.format === 'folder') return FolderSink.create(options);
  return ZipSink.create(options);
}

async function exists(file: string): Promise<boolean> {
  try {
    await lstat(file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/**
 * 'Dossier X', then 'Dossier X (2)'... : an earlier export is never overwritten.
 * Limitation: another program creating the same name between the check and the rename could
 * still be replaced when it is an empty folder; Égide itself never does so.
 */
async function freeTarget(destination: string, rootName: string, ext: string): Promise<string> {
  for (let n = 1; ; n += 1) {
    const suffix = n === 1 ? '' : ` (${n})`;
    const stem = truncateBytes(rootName, 120 - utf8Length(suffix) - utf8Length(ext));
    const candidate = path.join(destination, `${stem.trimEnd()}${suffix}${ext}`);
    if (!(await exists(candidate))) return candidate;
  }
}

/**
 * Writes one file and returns once its bytes are handed to the system; the fsync and close run
 * in the background (`closing`), so the disk works while the next file is decrypted.
 */
async function writeStream(
  file: string,
  data: SinkData,
  onBytes?: (n: number) => void,
): Promise<{ closing: Promise<void> }> {
  const flags = fsConstants.O_WRONLY | fsConstants.O_CREAT | fsConstants.O_EXCL;
  const fh = await open(file, flags, 0o600);
  const writeAll = async (bytes: Uint8Array, at: number) => {
    let done = 0;
    while (done < bytes.length) {
      const { bytesWritten } = await fh.write(bytes, done, bytes.length - done, at + done);
      done += bytesWritten;
    }
  };
  try {
    if (data instanceof Uint8Array) {
      await writeAll(data, 0);
      onBytes?.(data.length);
    } else {
      // One write in flight while the next chunk is decrypted and hashed.
      let position = 0;
      let inflight: Promise<void> = Promise.resolve();
      for await (const chunk of data) {
        await inflight;
        inflight = writeAll(chunk, position);
        inflight.catch(() => undefined);
        position += chunk.length;
        onBytes?.(chunk.length);
      }
      await inflight;
    }
  } catch (error) {
    await fh.close().catch(() => undefined);
    throw error;
  }
  const closing = fh.sync().finally(() => fh.close());
  closing.catch(() => undefined);
  return { closing };
}

/** Files whose fsync is still running; a few at most, so open files stay bounded. */
const MAX_CLOSING = 4;

class FolderSink implements ExportSink {
  private readonly dirs = new Set<string>();
  private closing: Array<Promise<void>> = [];
  private done = false;

  private constructor(
    private readonly options: SinkOptions,
    private readonly temp: string,
  ) {}

  static async create(options: SinkOptions): Promise<FolderSink> {
    const temp = path.join(options.destination, tempName(options.rootName, 'part'));
    await mkdir(temp, { mode: 0o700 });
    return new FolderSink(options, temp);
  }

  async add(relPath: string, _size: number, data: SinkData, onBytes?: (n: number) => void) {
    const file = path.join(this.temp, ...relPath.split('/'));
    const dir = path.dirname(file);
    if (!this.dirs.has(dir)) {
      await mkdir(dir, { recursive: true, mode: 0o700 });
      this.dirs.add(dir);
    }
    this.closing.push((await writeStream(file, data, onBytes)).closing);
    if (this.closing.length > MAX_CLOSING) await this.closing.shift();
  }

  async commit(): Promise<string> {
    await Promise.all(this.closing.splice(0));
    // Deepest folders first, so each entry is durable before the folder naming it.
    const dirs = [...this.dirs, this.temp].sort((a, b) => b.length - a.length);
    for (const dir of dirs) await fsyncDir(dir);
    const target = await freeTarget(this.options.destination, this.options.rootName, '');
    await rename(this.temp, target);
    this.done = true;
    await fsyncDir(this.options.destination);
    return target;
  }

  async discard(): Promise<void> {
    if (this.done) return;
    await Promise.allSettled(this.closing.splice(0));
    await rm(this.temp, { recursive: true, force: true });
  }
}

class ZipSink implements ExportSink {
  private done = false;

  private constructor(
    private readonly options: SinkOptions,
    private readonly temp: string,
    private readonly writer: StoredZipWriter | AesZipWriter,
  ) {}

  static async create(options: SinkOptions): Promise<ZipSink> {
    const temp = path.join(options.destination, tempName(options.rootName, 'zip.part'));
    const writer =
      options.format === 'zip-aes'
        ? await AesZipWriter.create(temp, options.password ?? '', options.signal)
        : await StoredZipWriter.create(temp);
    return new ZipSink(options, temp, writer);
  }

  async add(relPath: string, size: number, data: SinkData, onBytes?: (n: number) => void) {
    const name = `${this.options.rootName}/${relPath}`;
    await this.writer.add(name, size, data, this.options.mtime, onBytes);
  }

  async commit(): Promise<string> {
    await this.writer.finish();
    const target = await freeTarget(this.options.destination, this.options.rootName, '.zip');
    await rename(this.temp, target);
    this.done = true;
    await fsyncDir(this.options.destination);
    return target;
  }

  async discard(): Promise<void> {
    if (this.done) return;
    await this.writer.close().catch(() => undefined);
    await rm(this.temp, { force: true });
  }
}
