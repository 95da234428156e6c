/**
 * Password-protected ZIP in the WinZip AES-256 format (AE-2: no CRC that would leak a hint of the
 * content), written by @zip.js/zip.js, which 7-Zip, WinZip and macOS' Archive Utility (from
 * Sonoma) open. Entries are stored, not deflated: pièces are already compressed.
 *
 * Limitation: zip.js encrypts in WebAssembly or JavaScript, about 35 MB/s here, against several
 * hundred for the plain ZIP; the progress bar tells the user how long it takes.
 */
import { constants as fsConstants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';

import type * as ZipJs from '@zip.js/zip.js';
import type { ZipWriter } from '@zip.js/zip.js';

let library: Promise<typeof ZipJs> | null = null;

/** Loaded on first use: most exports are not protected, and zip.js is large. */
function zipjs(): Promise<typeof ZipJs> {
  library ??= import('@zip.js/zip.js').then((lib) => {
    // Electron's main process has no Web Workers: zip.js runs its codecs in this thread.
    lib.configure({ useWebWorkers: false });
    return lib;
  });
  return library;
}

function toStream(data: Uint8Array | AsyncIterable<Uint8Array>): ReadableStream<Uint8Array> {
  if (data instanceof Uint8Array) {
    return new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(data);
        controller.close();
      },
    });
  }
  const iterator = data[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

export class AesZipWriter {
  private closed = false;

  private constructor(
    private readonly fh: FileHandle,
    private readonly zip: ZipWriter<unknown>,
    private readonly signal: AbortSignal | undefined,
  ) {}

  static async create(path: string, password: string, signal?: AbortSignal): Promise<AesZipWriter> {
    const { ZipWriter } = await zipjs();
    const flags = fsConstants.O_WRONLY | fsConstants.O_CREAT | fsConstants.O_EXCL;
    const fh = await open(path, flags, 0o600);
    let position = 0;
    const writable = new WritableStream<Uint8Array>({
      async write(chunk) {
        let done = 0;
        while (done < chunk.length) {
          const { bytesWritten } = await fh.write(chunk, done, chunk.length - done, position);
          done += bytesWritten;
          position += bytesWritten;
        }
      },
    });
    const zip = new ZipWriter(writable, {
      password,
      encryptionStrength: 3,
      zipCrypto: false,
      level: 0,
      useWebWorkers: false,
      ...(signal ? { signal } : {}),
    });
    return new AesZipWriter(fh, zip, signal);
  }

  async add(
    name: string,
    size: number,
    data: Uint8Array | AsyncIterable<Uint8Array>,
    mtime: Date,
    onBytes?: (n: number) => void,
  ): Promise<void> {
    const counted = onBytes ? countBytes(data, onBytes) : data;
    await this.zip.add(name, toStream(counted), {
      lastModDate: mtime,
      uncompressedSize: size,
      ...(this.signal ? { signal: this.signal } : {}),
    });
  }

  async finish(): Promise<void> {
    await this.zip.close();
    await this.fh.sync();
    await this.close();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.fh.close();
  }
}

async function* countBytes(
  data: Uint8Array | AsyncIterable<Uint8Array>,
  onBytes: (n: number) => void,
): AsyncGenerator<Uint8Array> {
  if (data instanceof Uint8Array) {
    yield data;
    onBytes(data.length);
    return;
  }
  for await (const chunk of data) {
    yield chunk;
    onBytes(chunk.length);
  }
}
