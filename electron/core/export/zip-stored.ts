/**
 * A small streaming ZIP writer for uncompressed ("stored") entries: pièces are already compressed
 * (PNG, JPEG, PDF), so deflating them would cost time for nothing. Each entry's size is known in
 * advance; the CRC-32 (zlib's, native) is computed while the bytes stream and written back into
 * the local header afterwards, so no data descriptor is needed and every reader accepts the file.
 * Names are UTF-8 (flag bit 11); ZIP64 records are added only where a size or offset needs them.
 */
import { constants as fsConstants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { crc32 } from 'node:zlib';

const LOCAL_SIG = 0x04034b50;
const CENTRAL_SIG = 0x02014b50;
const END_SIG = 0x06054b50;
const ZIP64_END_SIG = 0x06064b50;
const ZIP64_LOCATOR_SIG = 0x07064b50;
const UTF8_FLAG = 0x0800;
const MAX32 = 0xffffffff;
const MAX16 = 0xffff;
/** Unix (3) in the high byte, so that unzip restores the permissions below; spec version 4.5. */
const MADE_BY = (3 << 8) | 45;
const FILE_MODE = 0o100644;
const FLUSH_EVERY = 32 * 1024 * 1024;
/** Writes handed to the system at once: the disk never waits for the next chunk's checksum. */
const WRITES_IN_FLIGHT = 2;
const SMALL_ENTRY = 1024 * 1024;

interface CentralRecord {
  name: Buffer;
  crc: number;
  size: number;
  offset: number;
  time: number;
  date: number;
}

/** MS-DOS date and time, in the machine's local time as ZIP readers expect. */
function dosDateTime(d: Date): { time: number; date: number } {
  const year = Math.min(Math.max(d.getFullYear(), 1980), 2107);
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
    date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

export class ZipSizeError extends Error {
  constructor(readonly entry: string) {
    super('entry size differs from the declared size');
    this.name = 'ZipSizeError';
  }
}

export class StoredZipWriter {
  private position = 0;
  private readonly records: CentralRecord[] = [];
  private closed = false;
  /** A background fdatasync, so the disk writes while the next bytes are decrypted. */
  private flushing: Promise<void> = Promise.resolve();
  private flushingBusy = false;
  private unflushed = 0;
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  private pendingAt = 0;

  private constructor(private readonly fh: FileHandle) {}

  /** Creates the file; fails if it exists (the caller picks a fresh temporary name). */
  static async create(path: string): Promise<StoredZipWriter> {
    const flags = fsConstants.O_WRONLY | fsConstants.O_CREAT | fsConstants.O_EXCL;
    return new StoredZipWriter(await open(path, flags, 0o600));
  }

  get bytesWritten(): number {
    return this.position;
  }

  /**
   * Streams one entry. `size` must be the exact byte count: the header is written first, and a
   * different count throws ZipSizeError (the archive is then to be discarded).
   */
  async add(
    name: string,
    size: number,
    data: Uint8Array | AsyncIterable<Uint8Array>,
    mtime: Date,
    onBytes?: (n: number) => void,
  ): Promise<void> {
    const nameBytes = Buffer.from(name, 'utf8');
    if (nameBytes.length > MAX16) throw new Error('entry name too long');
    const { time, date } = dosDateTime(mtime);
    const offset = this.position;
    const zip64 = size >= MAX32;
    const header = Buffer.alloc(30 + nameBytes.length + (zip64 ? 20 : 0));
    header.writeUInt32LE(LOCAL_SIG, 0);
    header.writeUInt16LE(zip64 ? 45 : 20, 4);
    header.writeUInt16LE(UTF8_FLAG, 6);
    header.writeUInt16LE(0, 8);
    header.writeUInt16LE(time, 10);
    header.writeUInt16LE(date, 12);
    header.writeUInt32LE(0, 14);
    header.writeUInt32LE(zip64 ? MAX32 : size, 18);
    header.writeUInt32LE(zip64 ? MAX32 : size, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    header.writeUInt16LE(zip64 ? 20 : 0, 28);
    nameBytes.copy(header, 30);
    if (zip64) {
      const extra = 30 + nameBytes.length;
      header.writeUInt16LE(0x0001, extra);
      header.writeUInt16LE(16, extra + 2);
      header.writeBigUInt64LE(BigInt(size), extra + 4);
      header.writeBigUInt64LE(BigInt(size), extra + 12);
    }

    let crc = 0;
    let count = 0;
    if (data instanceof Uint8Array) {
      crc = crc32(data);
      count = data.length;
      if (count !== size) throw new ZipSizeError(name);
      header.writeUInt32LE(crc, 14);
      // Small entries gather in one buffer and reach the disk together.
      if (data.length <= SMALL_ENTRY) await this.buffered([header, data]);
      else {
        await this.flushBuffer();
        await this.write([header, data]);
      }
      onBytes?.(count);
    } else {
      await this.buffered([header]);
      await this.flushBuffer();
      // A few writes in flight while the next chunks are decrypted and checksummed.
      const inflight: Array<Promise<void>> = [];
      for await (const chunk of data) {
        crc = crc32(chunk, crc);
        count += chunk.length;
        if (count > size) throw new ZipSizeError(name);
        if (inflight.length >= WRITES_IN_FLIGHT) await inflight.shift();
        const write = this.write([chunk]);
        write.catch(() => undefined);
        inflight.push(write);
        onBytes?.(chunk.length);
      }
      await Promise.all(inflight);
      if (count !== size) throw new ZipSizeError(name);
      const crcBytes = Buffer.alloc(4);
      crcBytes.writeUInt32LE(crc, 0);
      await this.writeAt(crcBytes, offset + 14);
    }
    this.records.push({ name: nameBytes, crc, size, offset, time, date });
  }

  /** Writes the central directory, flushes the file to disk and closes it. */
  async finish(): Promise<number> {
    const start = this.position;
    const parts = this.records.map(centralHeader);
    const size = parts.reduce((n, p) => n + p.length, 0);
    for (const part of parts) await this.buffered([part]);

    const count = this.records.length;
    const needs64 = count >= MAX16 || start >= MAX32 || size >= MAX32;
    const tail: Buffer[] = [];
    if (needs64) {
      const record = Buffer.alloc(56);
      record.writeUInt32LE(ZIP64_END_SIG, 0);
      record.writeBigUInt64LE(44n, 4);
      record.writeUInt16LE(MADE_BY, 12);
      record.writeUInt16LE(45, 14);
      record.writeBigUInt64LE(BigInt(count), 24);
      record.writeBigUInt64LE(BigInt(count), 32);
      record.writeBigUInt64LE(BigInt(size), 40);
      record.writeBigUInt64LE(BigInt(start), 48);
      const locator = Buffer.alloc(20);
      locator.writeUInt32LE(ZIP64_LOCATOR_SIG, 0);
      locator.writeBigUInt64LE(BigInt(start + size), 8);
      locator.writeUInt32LE(1, 16);
      tail.push(record, locator);
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(END_SIG, 0);
    end.writeUInt16LE(Math.min(count, MAX16), 8);
    end.writeUInt16LE(Math.min(count, MAX16), 10);
    end.writeUInt32LE(Math.min(size, MAX32), 12);
    end.writeUInt32LE(Math.min(start, MAX32), 16);
    tail.push(end);
    await this.buffered(tail);
    await this.flushBuffer();

    await this.flushing;
    await this.fh.sync();
    await this.close();
    return this.position;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.flushing;
    await this.fh.close();
  }

  /** Appends to the small-write buffer, written out once it holds SMALL_ENTRY bytes. */
  private async buffered(parts: Uint8Array[]): Promise<void> {
    if (this.pending.length === 0) this.pendingAt = this.position;
    for (const part of parts) {
      this.pending.push(part);
      this.pendingBytes += part.length;
      this.position += part.length;
    }
    if (this.pendingBytes >= SMALL_ENTRY) await this.flushBuffer();
  }

  private async flushBuffer(): Promise<void> {
    if (this.pending.length === 0) return;
    const bytes = Buffer.concat(this.pending, this.pendingBytes);
    const at = this.pendingAt;
    this.pending = [];
    this.pendingBytes = 0;
    this.position = at;
    await this.write([bytes]);
  }

  private async write(parts: Uint8Array[]): Promise<void> {
    let position = this.position;
    const size = parts.reduce((n, p) => n + p.length, 0);
    this.position += size;
    this.unflushed += size;
    if (this.unflushed >= FLUSH_EVERY && !this.flushingBusy) this.flushInBackground();
    for (const part of parts) {
      await this.writeAt(part, position);
      position += part.length;
    }
  }

  /**
   * Starts writing back what is already in the page cache: the final fsync, which an export
   * must wait for before it says the dossier is there, then has little left to do.
   */
  private flushInBackground(): void {
    this.unflushed = 0;
    this.flushingBusy = true;
    this.flushing = this.fh
      .datasync()
      .catch(() => undefined)
      .finally(() => {
        this.flushingBusy = false;
      });
  }

  private async writeAt(bytes: Uint8Array, position: number): Promise<void> {
    let done = 0;
    while (done < bytes.length) {
      const { bytesWritten } = await this.fh.write(
        bytes,
        done,
        bytes.length - done,
        position + done,
      );
      if (bytesWritten <= 0) throw Object.assign(new Error('short write'), { code: 'EIO' });
      done += bytesWritten;
    }
  }
}

function centralHeader(r: CentralRecord): Buffer {
  const bigSize = r.size >= MAX32;
  const bigOffset = r.offset >= MAX32;
  const extraLength = (bigSize ? 16 : 0) + (bigOffset ? 8 : 0);
  const header = Buffer.alloc(46 + r.name.length + (extraLength > 0 ? 4 + extraLength : 0));
  header.writeUInt32LE(CENTRAL_SIG, 0);
  header.writeUInt16LE(MADE_BY, 4);
  header.writeUInt16LE(extraLength > 0 ? 45 : 20, 6);
  header.writeUInt16LE(UTF8_FLAG, 8);
  header.writeUInt16LE(0, 10);
  header.writeUInt16LE(r.time, 12);
  header.writeUInt16LE(r.date, 14);
  header.writeUInt32LE(r.crc, 16);
  header.writeUInt32LE(bigSize ? MAX32 : r.size, 20);
  header.writeUInt32LE(bigSize ? MAX32 : r.size, 24);
  header.writeUInt16LE(r.name.length, 28);
  header.writeUInt16LE(extraLength > 0 ? 4 + extraLength : 0, 30);
  header.writeUInt32LE((FILE_MODE << 16) >>> 0, 38);
  header.writeUInt32LE(bigOffset ? MAX32 : r.offset, 42);
  r.name.copy(header, 46);
  if (extraLength > 0) {
    let at = 46 + r.name.length;
    header.writeUInt16LE(0x0001, at);
    header.writeUInt16LE(extraLength, at + 2);
    at += 4;
    if (bigSize) {
      header.writeBigUInt64LE(BigInt(r.size), at);
      header.writeBigUInt64LE(BigInt(r.size), at + 8);
      at += 16;
    }
    if (bigOffset) header.writeBigUInt64LE(BigInt(r.offset), at);
  }
  return header;
}
