import { randomInt } from 'node:crypto';

/** No 0/O, 1/l/I: the password is read on one screen and typed on another machine. */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

/**
 * A password for a protected ZIP: 24 characters in groups of 4 (about 140 bits), shown once and
 * sent by another channel than the archive, as the CNIL recommends for encrypted transfers.
 */
export function generateZipPassword(groups = 6, size = 4): string {
  const parts: string[] = [];
  for (let g = 0; g < groups; g += 1) {
    let part = '';
    for (let i = 0; i < size; i += 1) part += ALPHABET[randomInt(ALPHABET.length)];
    parts.push(part);
  }
  return parts.join('-');
}
