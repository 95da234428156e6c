import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';

export interface Sealed {
  /** base64 of nonce (12) | ciphertext | tag (16) */
  box: string;
}

/** AES-256-GCM with associated data that binds the sealed value to where it is stored. */
export function seal(key: Buffer, plaintext: Buffer, aad: string): Sealed {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { box: Buffer.concat([nonce, body, cipher.getAuthTag()]).toString('base64') };
}

/** Returns null when the key is wrong or anything sealed or bound was altered. */
export function open(key: Buffer, sealed: Sealed, aad: string): Buffer | null {
  const raw = Buffer.from(sealed.box, 'base64');
  if (raw.length < 12 + 16) return null;
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(raw.subarray(raw.length - 16));
  try {
    return Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]);
  } catch {
    return null;
  }
}

/** Separate keys for separate purposes, derived from the one data key. */
export function subkey(dataKey: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), `egide/${purpose}`, 32));
}

export function hmac(key: Buffer, data: string): string {
  return createHmac('sha256', key).update(data, 'utf8').digest('base64');
}

export function sameMac(a: string, b: string): boolean {
  const x = Buffer.from(a, 'base64');
  const y = Buffer.from(b, 'base64');
  return x.length === y.length && timingSafeEqual(x, y);
}
