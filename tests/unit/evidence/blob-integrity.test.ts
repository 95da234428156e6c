import { createDecipheriv, hkdfSync } from 'node:crypto';
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HEADER_LENGTH, TAG_LENGTH } from '../../../electron/core/evidence/blob-format';
import {
  newBlobId,
  newBlobKey,
  readBlob,
  readBlobToBuffer,
  verifyBlob,
  writeBlob,
  type ReadBlobOptions,
} from '../../../electron/core/evidence/blob-store';
import { appErrorOf, MIB, pattern, tempDir } from './blob-helpers';

const FRAME = MIB + TAG_LENGTH;
const DATA = pattern(2.5 * MIB, 11); // three frames: full, full, half (final)

let work: { path: string; remove: () => void };
let dir: string;
let blob: ReadBlobOptions & { sha256: string };
let path: string;
let original: Buffer;

beforeEach(async () => {
  work = tempDir('integrity');
  dir = join(work.path, 'blobs');
  const blobId = newBlobId();
  const key = newBlobKey();
  const written = await writeBlob({ dir, blobId, key, source: DATA, maxBytes: 10 * MIB });
  blob = { dir, relPath: written.relPath, blobId, key, sha256: written.sha256 };
  path = join(dir, written.relPath);
  original = readFileSync(path);
});
afterEach(() => work.remove());

async function expectIntegrityError(options: ReadBlobOptions = blob): Promise<void> {
  const error = await appErrorOf(() => readBlobToBuffer(options));
  expect(error.code).toBe('INTEGRITY');
  expect(error.message).toMatch(/altérée ou tronquée/);
}

function rewrite(bytes: Buffer): void {
  writeFileSync(path, bytes);
}

describe('readBlob refuses any alteration with INTEGRITY', () => {
  it('reads the untouched blob', async () => {
    expect((await readBlobToBuffer(blob)).equals(DATA)).toBe(true);
  });

  it('an altered byte in a chunk, and yields nothing from that chunk on', async () => {
    const altered = Buffer.from(original);
    altered[HEADER_LENGTH + FRAME + 1234] ^= 0x01;
    rewrite(altered);

    const yielded: Buffer[] = [];
    const error = await appErrorOf(async () => {
      for await (const chunk of readBlob(blob)) yielded.push(chunk);
    });
    expect(error.code).toBe('INTEGRITY');
    expect(yielded).toHaveLength(1);
    expect(yielded[0]?.equals(DATA.subarray(0, MIB))).toBe(true);
  });

  it('an altered tag', async () => {
    const altered = Buffer.from(original);
    altered[altered.length - 1] ^= 0x80;
    rewrite(altered);
    await expectIntegrityError();
  });

  it('a file cut in the middle of a chunk', async () => {
    rewrite(original.subarray(0, HEADER_LENGTH + FRAME + 1000));
    await expectIntegrityError();
  });

  it('a file cut exactly at a chunk boundary (final chunk missing)', async () => {
    rewrite(original.subarray(0, HEADER_LENGTH + 2 * FRAME));
    await expectIntegrityError();
    rewrite(original.subarray(0, HEADER_LENGTH + FRAME));
    await expectIntegrityError();
  });

  it('a file cut down to its header, or inside it', async () => {
    rewrite(original.subarray(0, HEADER_LENGTH));
    await expectIntegrityError();
    rewrite(original.subarray(0, 10));
    await expectIntegrityError();
    rewrite(Buffer.alloc(0));
    await expectIntegrityError();
  });

  it('two chunks swapped', async () => {
    const first = original.subarray(HEADER_LENGTH, HEADER_LENGTH + FRAME);
    const second = original.subarray(HEADER_LENGTH + FRAME, HEADER_LENGTH + 2 * FRAME);
    const rest = original.subarray(HEADER_LENGTH + 2 * FRAME);
    rewrite(Buffer.concat([original.subarray(0, HEADER_LENGTH), second, first, rest]));
    await expectIntegrityError();
  });

  it('data appended after the final chunk', async () => {
    rewrite(Buffer.concat([original, Buffer.from([0])]));
    await expectIntegrityError();
    rewrite(Buffer.concat([original, Buffer.alloc(TAG_LENGTH)]));
    await expectIntegrityError();
    // A whole valid frame of the same blob appended.
    rewrite(Buffer.concat([original, original.subarray(HEADER_LENGTH, HEADER_LENGTH + FRAME)]));
    await expectIntegrityError();
  });

  it.each([0, 4, 5, 6, 9, 12, 27, 31])('an altered header byte at offset %i', async (offset) => {
    const altered = Buffer.from(original);
    altered[offset] ^= 0x01;
    rewrite(altered);
    await expectIntegrityError();
  });

  it('a header claiming another valid chunk size', async () => {
    const altered = Buffer.from(original);
    altered.writeUInt32BE(512 * 1024, 8);
    rewrite(altered);
    await expectIntegrityError();
  });

  it('a wrong key', async () => {
    await expectIntegrityError({ ...blob, key: newBlobKey() });
  });

  it('a blob swapped with another pièce’s, even under the same key', async () => {
    const otherId = newBlobId();
    const other = await writeBlob({
      dir,
      blobId: otherId,
      key: blob.key,
      source: pattern(2.5 * MIB, 12),
      maxBytes: 10 * MIB,
    });
    copyFileSync(join(dir, other.relPath), path);
    await expectIntegrityError();
    await expectIntegrityError({ ...blob, relPath: other.relPath });
  });

  it('an empty blob cut or extended', async () => {
    const emptyId = newBlobId();
    const empty = await writeBlob({
      dir,
      blobId: emptyId,
      key: blob.key,
      source: new Uint8Array(0),
      maxBytes: 10,
    });
    const emptyOptions = { dir, relPath: empty.relPath, blobId: emptyId, key: blob.key };
    expect((await readBlobToBuffer(emptyOptions)).length).toBe(0);
    const emptyPath = join(dir, empty.relPath);
    const bytes = readFileSync(emptyPath);
    expect(bytes.length).toBe(HEADER_LENGTH + TAG_LENGTH);
    writeFileSync(emptyPath, bytes.subarray(0, HEADER_LENGTH));
    await expectIntegrityError(emptyOptions);
    writeFileSync(emptyPath, Buffer.concat([bytes, Buffer.from('x')]));
    await expectIntegrityError(emptyOptions);
  });

  it('verifyBlob reports alteration, a wrong hash and a missing file without throwing', async () => {
    const wrong = await verifyBlob({ ...blob, expectedSha256: 'ab'.repeat(32) });
    expect(wrong).toMatchObject({ ok: false, sha256: blob.sha256, error: { code: 'INTEGRITY' } });

    const altered = Buffer.from(original);
    altered[HEADER_LENGTH + 5] ^= 0xff;
    rewrite(altered);
    const broken = await verifyBlob({ ...blob, expectedSha256: blob.sha256 });
    expect(broken).toMatchObject({ ok: false, sha256: null, error: { code: 'INTEGRITY' } });

    rmSync(path);
    const missing = await verifyBlob({ ...blob, expectedSha256: blob.sha256 });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('format', () => {
  it('follows the documented layout: HKDF subkey, counter nonce, final flag, header+id AAD', () => {
    const header = original.subarray(0, HEADER_LENGTH);
    expect(header.subarray(0, 4).toString('latin1')).toBe('EGDB');
    expect(header[4]).toBe(1);
    expect(header.readUInt32BE(8)).toBe(MIB);
    const fileId = header.subarray(12, 28);
    const subkey = Buffer.from(
      hkdfSync('sha256', blob.key, fileId, Buffer.from('egide/blob/v1/aes-256-gcm'), 32),
    );
    const aad = Buffer.concat([header, Buffer.from(blob.blobId, 'utf8')]);

    const decrypt = (index: number, length: number, final: boolean): Buffer => {
      const nonce = Buffer.alloc(12);
      nonce.writeUIntBE(index, 5, 6);
      nonce[11] = final ? 1 : 0;
      const start = HEADER_LENGTH + index * FRAME;
      const decipher = createDecipheriv('aes-256-gcm', subkey, nonce);
      decipher.setAAD(aad);
      decipher.setAuthTag(original.subarray(start + length - TAG_LENGTH, start + length));
      return Buffer.concat([
        decipher.update(original.subarray(start, start + length - TAG_LENGTH)),
        decipher.final(),
      ]);
    };
    expect(decrypt(1, FRAME, false).equals(DATA.subarray(MIB, 2 * MIB))).toBe(true);
    expect(decrypt(2, original.length - HEADER_LENGTH - 2 * FRAME, true)).toEqual(
      DATA.subarray(2 * MIB),
    );
    expect(() => decrypt(1, FRAME, true)).toThrow();
  });
});
