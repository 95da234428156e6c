import { hkdfSync, randomBytes } from 'node:crypto';

/**
 * The printed recovery key: 160 random bits in Crockford base32 (no I, L, O, U to misread),
 * eight groups of four. Its entropy is high, so a fast HKDF replaces the memory-hard KDF.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const GROUPS = 8;
const GROUP_LENGTH = 4;

export function newRecoveryKey(): string {
  const bytes = randomBytes(20);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return formatRecoveryKey(out);
}

function formatRecoveryKey(raw: string): string {
  const groups: string[] = [];
  for (let i = 0; i < GROUPS; i += 1)
    groups.push(raw.slice(i * GROUP_LENGTH, (i + 1) * GROUP_LENGTH));
  return groups.join('-');
}

/** Accepts what a person types: any case, spaces or dashes, and the usual look-alikes. */
export function normalizeRecoveryKey(typed: string): string | null {
  const cleaned = typed
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
  if (cleaned.length !== GROUPS * GROUP_LENGTH) return null;
  for (const ch of cleaned) if (!ALPHABET.includes(ch)) return null;
  return formatRecoveryKey(cleaned);
}

export function recoveryWrappingKey(normalized: string, saltB64: string): Buffer {
  return Buffer.from(
    hkdfSync('sha256', normalized, Buffer.from(saltB64, 'base64'), 'egide/recovery-slot', 32),
  );
}
