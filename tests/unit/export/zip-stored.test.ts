import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { crc32 } from 'node:zlib';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { StoredZipWriter, ZipSizeError } from '../../../electron/core/export/zip-stored';
import { tempDir } from '../../helpers/tmp';
import { missingTools } from './helpers';

interface Entry {
  name: string;
  flags: number;
  method: number;
  crc: number;
  data: Buffer;
}

/** An independent reader of what the writer promises: EOCD, central directory, local headers. */
function readZip(zip: Buffer): Entry[] {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(eocd).toBeGreaterThan(-1);
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const entries: Entry[] = [];
  for (let i = 0; i < count; i += 1) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    const size = zip.readUInt32LE(at + 24);
    const offset = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    expect(zip.readUInt32LE(offset)).toBe(0x04034b50);
    const localName = zip.readUInt16LE(offset + 26);
    const localExtra = zip.readUInt16LE(offset + 28);
    const start = offset + 30 + localName + localExtra;
    expect(zip.readUInt32LE(offset + 14)).toBe(zip.readUInt32LE(at + 16));
    entries.push({
      name,
      flags: zip.readUInt16LE(at + 8),
      method: zip.readUInt16LE(at + 10),
      crc: zip.readUInt32LE(at + 16),
      data: zip.subarray(start, start + size),
    });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

async function* chunks(data: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < data.length; i += size) yield data.subarray(i, i + size);
}

describe('StoredZipWriter', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    tmp = tempDir('egide-zip-');
  });
  afterEach(() => tmp.cleanup());

  it('writes stored UTF-8 entries whose CRC-32 and bytes read back', async () => {
    const file = path.join(tmp.dir, 'a.zip');
    const zip = await StoredZipWriter.create(file);
    const big = randomBytes(3 * 1024 * 1024 + 17);
    const small = Buffer.from('Propos « cités » — été\n', 'utf8');
    const mtime = new Date(2026, 2, 12, 14, 5, 30);
    await zip.add('Dossier/Pièces/Pièce 01 - Capture.png', big.length, chunks(big, 65_536), mtime);
    await zip.add('Dossier/00 - Synthèse.docx', small.length, small, mtime);
    await zip.add('Dossier/vide.txt', 0, Buffer.alloc(0), mtime);
    // A large buffer after small ones: the small-write buffer must reach the disk first.
    const whole = randomBytes(2 * 1024 * 1024 + 3);
    await zip.add('Dossier/grand.bin', whole.length, whole, mtime);
    await zip.add('Dossier/fin.txt', small.length, small, mtime);
    await zip.finish();

    const entries = readZip(readFileSync(file));
    expect(entries.map((e) => e.name)).toEqual([
      'Dossier/Pièces/Pièce 01 - Capture.png',
      'Dossier/00 - Synthèse.docx',
      'Dossier/vide.txt',
      'Dossier/grand.bin',
      'Dossier/fin.txt',
    ]);
    for (const [entry, data] of entries.map(
      (e, i) => [e, [big, small, Buffer.alloc(0), whole, small][i]!] as const,
    )) {
      expect(entry.method).toBe(0);
      expect(entry.flags & 0x0800).toBe(0x0800);
      expect(entry.crc).toBe(crc32(data));
      expect(entry.data.equals(data)).toBe(true);
    }
    if (missingTools(['7z']).length === 0) {
      const test = spawnSync('7z', ['t', file], { encoding: 'utf8' });
      expect(test.status).toBe(0);
      expect(test.stdout).toContain('Everything is Ok');
    }
    if (missingTools(['unzip']).length === 0) {
      const list = spawnSync('unzip', ['-Z1', file], { encoding: 'utf8' });
      expect(list.stdout).toContain('Dossier/Pièces/Pièce 01 - Capture.png');
      expect(spawnSync('unzip', ['-tq', file]).status).toBe(0);
    }
  });

  it('refuses an entry longer or shorter than declared', async () => {
    const zip = await StoredZipWriter.create(path.join(tmp.dir, 'b.zip'));
    await expect(zip.add('a', 10, chunks(randomBytes(11), 4), new Date())).rejects.toBeInstanceOf(
      ZipSizeError,
    );
    await expect(zip.add('b', 10, chunks(randomBytes(9), 4), new Date())).rejects.toBeInstanceOf(
      ZipSizeError,
    );
    await expect(zip.add('c', 10, randomBytes(3), new Date())).rejects.toBeInstanceOf(ZipSizeError);
    await zip.close();
  });

  it('never overwrites an existing file', async () => {
    const file = path.join(tmp.dir, 'c.zip');
    await (await StoredZipWriter.create(file)).close();
    await expect(StoredZipWriter.create(file)).rejects.toMatchObject({ code: 'EEXIST' });
  });

  it('switches to ZIP64 end records beyond 65,535 entries', async () => {
    const file = path.join(tmp.dir, 'many.zip');
    const zip = await StoredZipWriter.create(file);
    const one = Buffer.from('x');
    for (let i = 0; i < 65_540; i += 1) await zip.add(`f/${i}.txt`, 1, one, new Date());
    await zip.finish();
    const bytes = readFileSync(file);
    expect(bytes.includes(Buffer.from([0x50, 0x4b, 0x06, 0x06]))).toBe(true);
    expect(bytes.readUInt16LE(bytes.length - 22 + 10)).toBe(0xffff);
    if (missingTools(['7z']).length === 0) {
      expect(spawnSync('7z', ['t', file], { encoding: 'utf8' }).stdout).toContain('Files: 65540');
    }
  }, 60_000);
});
