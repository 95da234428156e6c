import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  cleanupTmp,
  copyBlobPlaintextTo,
  DEFAULT_HEAD_BYTES,
  encryptedSize,
  newBlobId,
  newBlobKey,
  readBlob,
  readBlobToBuffer,
  verifyBlob,
  writeBlob,
} from '../../../electron/core/evidence/blob-store';
import { appErrorOf, collect, MIB, partFiles, pattern, sha256, tempDir } from './blob-helpers';

let work: { path: string; remove: () => void };
let dir: string;

beforeEach(() => {
  work = tempDir('blobs');
  dir = join(work.path, 'blobs');
});
afterEach(() => work.remove());

async function store(data: Uint8Array | string | AsyncIterable<Uint8Array>, maxBytes = 64 * MIB) {
  const blobId = newBlobId();
  const key = newBlobKey();
  const result = await writeBlob({ dir, blobId, key, source: data, maxBytes });
  return { blobId, key, ...result };
}

async function* inPieces(data: Buffer, size: number): AsyncGenerator<Uint8Array> {
  for (let offset = 0; offset < data.length; offset += size) {
    yield data.subarray(offset, offset + size);
  }
}

describe('writeBlob / readBlob round trip', () => {
  const sizes = [0, 1, MIB - 1, MIB, MIB + 1, 5.5 * MIB];

  it.each(sizes)('keeps %i bytes intact, with the SHA-256 of the plaintext', async (size) => {
    const data = pattern(size, size + 7);
    const blob = await store(data);

    expect(blob.size).toBe(size);
    expect(blob.sha256).toBe(sha256(data));
    expect(blob.head.equals(data.subarray(0, DEFAULT_HEAD_BYTES))).toBe(true);
    expect(blob.relPath).toBe(`${blob.blobId.slice(0, 2)}/${blob.blobId}.egb`);
    const onDisk = readFileSync(join(dir, blob.relPath));
    expect(onDisk.length).toBe(encryptedSize(size));
    expect(onDisk.subarray(0, 4).toString('latin1')).toBe('EGDB');
    if (size >= 64) expect(onDisk.includes(data.subarray(0, 64))).toBe(false);

    const chunks = await collect(readBlob({ dir, ...blob }));
    expect(chunks.length).toBe(Math.max(1, Math.ceil(size / MIB)));
    expect(Buffer.concat(chunks).equals(data)).toBe(true);
    expect(await verifyBlob({ dir, ...blob, expectedSha256: blob.sha256 })).toEqual({
      ok: true,
      sha256: sha256(data),
    });
    expect(partFiles(dir)).toEqual([]);
  });

  it('reads a file path and an async stream of odd-sized pieces the same way', async () => {
    const data = pattern(2 * MIB + 12_345, 3);
    const source = join(work.path, 'source.bin');
    writeFileSync(source, data);
    const progress: number[] = [];

    const fromPath = await writeBlob({
      dir,
      blobId: newBlobId(),
      key: newBlobKey(),
      source,
      maxBytes: 10 * MIB,
      onProgress: (bytes) => progress.push(bytes),
    });
    const fromStream = await store(inPieces(data, 77_777));

    expect(fromPath.sha256).toBe(sha256(data));
    expect(fromStream.sha256).toBe(sha256(data));
    expect(progress.at(-1)).toBe(data.length);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect((await readBlobToBuffer({ dir, ...fromStream })).equals(data)).toBe(true);
  });

  it('returns a longer head when asked', async () => {
    const data = pattern(300_000);
    const blob = await writeBlob({
      dir,
      blobId: newBlobId(),
      key: newBlobKey(),
      source: data,
      maxBytes: MIB,
      headBytes: 256 * 1024,
    });
    expect(blob.head.equals(data.subarray(0, 256 * 1024))).toBe(true);
  });

  it('refuses to replace an existing blob unless told to', async () => {
    const first = await store(pattern(100));
    const again = () =>
      writeBlob({ dir, blobId: first.blobId, key: newBlobKey(), source: pattern(5), maxBytes: 99 });
    expect((await appErrorOf(again)).code).toBe('CONFLICT');
    expect((await readBlobToBuffer({ dir, ...first })).equals(pattern(100))).toBe(true);
    expect(partFiles(dir)).toEqual([]);
  });

  it('rejects ids and paths that could leave the blob folder', async () => {
    const key = newBlobKey();
    const bad = () => writeBlob({ dir, blobId: '../../x', key, source: pattern(1), maxBytes: 9 });
    expect((await appErrorOf(bad)).code).toBe('INVALID_INPUT');
    const read = () => readBlobToBuffer({ dir, relPath: '../x.egb', blobId: 'abcd', key });
    expect((await appErrorOf(read)).code).toBe('INVALID_INPUT');
  });
});

describe('copyBlobPlaintextTo', () => {
  it('writes the plaintext to the destination and checks its hash', async () => {
    const data = pattern(MIB + 99);
    const blob = await store(data);
    const destPath = join(work.path, 'export.png');
    const result = await copyBlobPlaintextTo({
      dir,
      ...blob,
      destPath,
      expectedSha256: blob.sha256,
    });
    expect(result).toEqual({ size: data.length, sha256: sha256(data) });
    expect(readFileSync(destPath).equals(data)).toBe(true);
  });

  it('deletes the partial output when the hash does not match', async () => {
    const blob = await store(pattern(MIB + 99));
    const destPath = join(work.path, 'out', 'export.png');
    mkdirSync(join(work.path, 'out'));
    const error = await appErrorOf(() =>
      copyBlobPlaintextTo({ dir, ...blob, destPath, expectedSha256: sha256(Buffer.from('x')) }),
    );
    expect(error.code).toBe('INTEGRITY');
    expect(existsSync(destPath)).toBe(false);
    expect(statSync(join(work.path, 'out')).isDirectory()).toBe(true);
    expect(readdirNames(join(work.path, 'out'))).toEqual([]);
  });
});

describe('writeBlob refusals leave nothing behind', () => {
  it('refuses an oversized buffer, stream or file', async () => {
    const tooBig = await appErrorOf(() => store(pattern(MIB + 1), MIB));
    expect(tooBig.code).toBe('FILE_TOO_LARGE');
    expect(tooBig.message).toMatch(/limite de 1,0 Mo/);

    const midStream = await appErrorOf(() => store(inPieces(pattern(3 * MIB), 65_536), 2 * MIB));
    expect(midStream.code).toBe('FILE_TOO_LARGE');
    expect(partFiles(dir)).toEqual([]);

    // A path source is refused from its size, before anything is written.
    const source = join(work.path, 'big.bin');
    writeFileSync(source, pattern(2 * MIB));
    const fromPath = await appErrorOf(() =>
      writeBlob({
        dir: join(work.path, 'fresh'),
        blobId: newBlobId(),
        key: newBlobKey(),
        source,
        maxBytes: MIB,
      }),
    );
    expect(fromPath.code).toBe('FILE_TOO_LARGE');
    expect(fromPath.message).toContain('2,0 Mo');
    expect(existsSync(join(work.path, 'fresh'))).toBe(false);
  });

  it('stops on cancel and removes the .part file', async () => {
    const controller = new AbortController();
    const error = await appErrorOf(() =>
      writeBlob({
        dir,
        blobId: newBlobId(),
        key: newBlobKey(),
        source: pattern(5 * MIB),
        maxBytes: 10 * MIB,
        signal: controller.signal,
        onProgress: (bytes) => {
          if (bytes >= 2 * MIB) controller.abort();
        },
      }),
    );
    expect(error.code).toBe('CANCELLED');
    expect(error.message).toMatch(/annulé/);
    expect(existsSync(join(dir, 'tmp'))).toBe(true);
    expect(partFiles(dir)).toEqual([]);
    expect(readdirNames(dir).filter((name) => name !== 'tmp')).toEqual([]);

    const aborted = AbortSignal.abort();
    const early = () =>
      writeBlob({
        dir,
        blobId: newBlobId(),
        key: newBlobKey(),
        source: pattern(9),
        maxBytes: 99,
        signal: aborted,
      });
    expect((await appErrorOf(early)).code).toBe('CANCELLED');
  });

  it('stops on cancel while reading a file, closing it cleanly', async () => {
    const source = join(work.path, 'large.bin');
    writeFileSync(source, pattern(6 * MIB));
    const controller = new AbortController();
    const error = await appErrorOf(() =>
      writeBlob({
        dir,
        blobId: newBlobId(),
        key: newBlobKey(),
        source,
        maxBytes: 10 * MIB,
        signal: controller.signal,
        onProgress: (bytes) => {
          if (bytes >= 3 * MIB) controller.abort();
        },
      }),
    );
    expect(error.code).toBe('CANCELLED');
    expect(partFiles(dir)).toEqual([]);
  });

  it('reports a vault folder that cannot be written', async () => {
    const file = join(work.path, 'not-a-folder');
    writeFileSync(file, 'x');
    const error = await appErrorOf(() =>
      writeBlob({
        dir: join(file, 'blobs'),
        blobId: newBlobId(),
        key: newBlobKey(),
        source: pattern(9),
        maxBytes: 99,
      }),
    );
    expect(['NOT_WRITABLE', 'IO_ERROR']).toContain(error.code);
    expect(error.message).toMatch(/écriture|disque/);
  });

  const runsAsRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  it.skipIf(runsAsRoot)(
    'reports a read-only vault folder (skipped as root: chmod does not restrict root)',
    async () => {
      mkdirSync(dir);
      chmodSync(dir, 0o500);
      try {
        const error = await appErrorOf(() => store(pattern(9)));
        expect(error.code).toBe('NOT_WRITABLE');
      } finally {
        chmodSync(dir, 0o700);
      }
    },
  );

  it('reports a source file that is missing or unreadable', async () => {
    const missing = await appErrorOf(() => store(join(work.path, 'absent.png')));
    expect(missing.code).toBe('NOT_FOUND');
    async function* failing(): AsyncGenerator<Uint8Array> {
      yield pattern(10);
      throw Object.assign(new Error('device gone'), { code: 'EIO' });
    }
    const broken = await appErrorOf(() => store(failing()));
    expect(broken.code).toBe('IO_ERROR');
    expect(broken.message).toContain('importer');
    expect(partFiles(dir)).toEqual([]);
  });
});

describe('cleanupTmp', () => {
  it('removes leftover .part files and nothing else', async () => {
    const kept = await store(pattern(10));
    mkdirSync(join(dir, 'tmp'), { recursive: true });
    writeFileSync(join(dir, 'tmp', 'a1.part'), 'x');
    writeFileSync(join(dir, 'tmp', 'b2.part'), 'y');
    writeFileSync(join(dir, 'tmp', 'note.txt'), 'z');

    expect(await cleanupTmp(dir)).toBe(2);
    expect(readdirNames(join(dir, 'tmp'))).toEqual(['note.txt']);
    expect((await readBlobToBuffer({ dir, ...kept })).equals(pattern(10))).toBe(true);
    expect(await cleanupTmp(join(work.path, 'nothing-here'))).toBe(0);
  });
});

function readdirNames(path: string): string[] {
  return existsSync(path) ? readdirSync(path).sort() : [];
}
