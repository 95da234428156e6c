/**
 * On-disk format of an encrypted pièce (`.egb`): a fixed 32-byte header, then frames of
 * ciphertext + 16-byte GCM tag, one per plaintext chunk (the STREAM construction).
 *
 * Header (32 bytes):
 *   0..4   magic 'EGDB'
 *   4      format version (1)
 *   5      algorithm (1 = AES-256-GCM, subkey from HKDF-SHA256)
 *   6..8   reserved, zero
 *   8..12  plaintext chunk size, uint32 big-endian
 *   12..28 random file id
 *   28..32 reserved, zero
 *
 * Every chunk is encrypted under a subkey derived from the pièce key and the file id, with
 * nonce = 11-byte big-endian chunk counter || final flag (1 for the last chunk), and
 * AAD = header || blob id. So a frame that is altered, moved, dropped at the end, followed by
 * extra data, or copied from another pièce's file fails its tag. Deriving a subkey per file means a
 * key the caller mistakenly reuses for two files still never repeats a (key, nonce) pair.
 */
import {
  createCipheriv,
  createDecipheriv,
  createSecretKey,
  hkdfSync,
  randomBytes,
  type KeyObject,
} from 'node:crypto';

export const BLOB_MAGIC = Buffer.from('EGDB', 'latin1');
export const BLOB_VERSION = 1;
export const BLOB_ALG_AES256GCM = 1;
export const HEADER_LENGTH = 32;
export const TAG_LENGTH = 16;
export const NONCE_LENGTH = 12;
export const KEY_LENGTH = 32;
export const FILE_ID_LENGTH = 16;
export const DEFAULT_CHUNK_SIZE = 1024 * 1024;
/** Bounds accepted when reading, so a forged header cannot make the reader allocate gigabytes. */
export const MIN_CHUNK_SIZE = 1024;
export const MAX_CHUNK_SIZE = 16 * 1024 * 1024;

const HKDF_INFO = Buffer.from('egide/blob/v1/aes-256-gcm', 'utf8');
const BLOB_ID_PATTERN = /^[A-Za-z0-9_-]{2,128}$/;

export interface BlobHeader {
  bytes: Buffer;
  chunkSize: number;
  fileId: Buffer;
}

/** Thrown for any structural or cryptographic failure; callers turn it into AppError('INTEGRITY'). */
export class BlobFormatError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'BlobFormatError';
  }
}

export function isValidBlobId(blobId: string): boolean {
  return BLOB_ID_PATTERN.test(blobId);
}

export function encodeHeader(chunkSize: number, fileId: Buffer = randomBytes(16)): BlobHeader {
  const bytes = Buffer.alloc(HEADER_LENGTH);
  BLOB_MAGIC.copy(bytes, 0);
  bytes[4] = BLOB_VERSION;
  bytes[5] = BLOB_ALG_AES256GCM;
  bytes.writeUInt32BE(chunkSize, 8);
  fileId.copy(bytes, 12);
  return { bytes, chunkSize, fileId: Buffer.from(fileId) };
}

export function parseHeader(bytes: Buffer): BlobHeader {
  if (bytes.length !== HEADER_LENGTH) throw new BlobFormatError('short header');
  if (!bytes.subarray(0, 4).equals(BLOB_MAGIC)) throw new BlobFormatError('bad magic');
  if (bytes[4] !== BLOB_VERSION) throw new BlobFormatError('unknown version');
  if (bytes[5] !== BLOB_ALG_AES256GCM) throw new BlobFormatError('unknown algorithm');
  if (bytes[6] !== 0 || bytes[7] !== 0 || bytes.readUInt32BE(28) !== 0) {
    throw new BlobFormatError('reserved bytes set');
  }
  const chunkSize = bytes.readUInt32BE(8);
  if (chunkSize < MIN_CHUNK_SIZE || chunkSize > MAX_CHUNK_SIZE) {
    throw new BlobFormatError('chunk size out of range');
  }
  return { bytes: Buffer.from(bytes), chunkSize, fileId: Buffer.from(bytes.subarray(12, 28)) };
}

/** Per-file encryption state: subkey, AAD and the chunk counter. */
export class ChunkCipher {
  private readonly subkey: KeyObject;
  private readonly aad: Buffer;
  private readonly nonce = Buffer.alloc(NONCE_LENGTH);
  private counter = 0;
  private finished = false;

  constructor(key: Buffer, header: BlobHeader, blobId: string) {
    if (key.length !== KEY_LENGTH) throw new RangeError('blob key must be 32 bytes');
    const derived = hkdfSync('sha256', key, header.fileId, HKDF_INFO, KEY_LENGTH);
    this.subkey = createSecretKey(Buffer.from(derived));
    this.aad = Buffer.concat([header.bytes, Buffer.from(blobId, 'utf8')]);
  }

  /** Encrypts the next chunk; returns [ciphertext, tag]. The plaintext may be reused afterwards. */
  seal(plain: Uint8Array, final: boolean): [Buffer, Buffer] {
    const cipher = createCipheriv('aes-256-gcm', this.subkey, this.nextNonce(final));
    cipher.setAAD(this.aad);
    const ciphertext = cipher.update(plain);
    cipher.final();
    return [ciphertext, cipher.getAuthTag()];
  }

  /** Decrypts and authenticates the next frame; throws BlobFormatError when the tag fails. */
  open(ciphertext: Uint8Array, tag: Uint8Array, final: boolean): Buffer {
    const decipher = createDecipheriv('aes-256-gcm', this.subkey, this.nextNonce(final));
    decipher.setAAD(this.aad);
    decipher.setAuthTag(tag);
    const plain = decipher.update(ciphertext);
    try {
      decipher.final();
    } catch {
      throw new BlobFormatError(`chunk ${this.counter - 1} failed authentication`);
    }
    return plain;
  }

  private nextNonce(final: boolean): Buffer {
    if (this.finished) throw new BlobFormatError('chunk after the final chunk');
    // 6 low bytes of the 11-byte counter hold 2^48 chunks, far beyond any pièce size.
    this.nonce.fill(0);
    this.nonce.writeUIntBE(this.counter, 5, 6);
    this.nonce[11] = final ? 1 : 0;
    this.counter += 1;
    this.finished = final;
    return Buffer.from(this.nonce);
  }
}

export interface FrameLayout {
  chunkSize: number;
  frameCount: number;
  lastFrameLength: number;
  plaintextSize: number;
}

/**
 * Frame boundaries follow from the file size alone: every frame is full except the last, which
 * is the final one. A file cut at a frame boundary therefore ends on a non-final frame and fails.
 */
export function frameLayout(fileSize: number, chunkSize: number): FrameLayout {
  const frameLength = chunkSize + TAG_LENGTH;
  const body = fileSize - HEADER_LENGTH;
  if (body < TAG_LENGTH) throw new BlobFormatError('no final chunk');
  const frameCount = Math.ceil(body / frameLength);
  const lastFrameLength = body - (frameCount - 1) * frameLength;
  if (lastFrameLength < TAG_LENGTH) throw new BlobFormatError('truncated frame');
  const plaintextSize = (frameCount - 1) * chunkSize + (lastFrameLength - TAG_LENGTH);
  return { chunkSize, frameCount, lastFrameLength, plaintextSize };
}

/** Size on disk of a blob holding `plaintextSize` bytes, for space checks before an import. */
export function encryptedSize(plaintextSize: number, chunkSize = DEFAULT_CHUNK_SIZE): number {
  const chunks = Math.max(1, Math.ceil(plaintextSize / chunkSize));
  return HEADER_LENGTH + plaintextSize + chunks * TAG_LENGTH;
}
