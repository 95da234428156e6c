/**
 * File and folder names that open on Windows, macOS and Linux alike, with their accents kept.
 * Windows is the strictest: no `<>:"/\|?*` nor control characters, no name ending in a dot or a
 * space, and no device names (CON, NUL, COM1...) even with an extension. Lengths are counted in
 * UTF-8 bytes, which bounds both ext4 (255 bytes) and NTFS (255 UTF-16 units), and kept well under
 * them so that a dossier copied a few folders deep still fits Windows' 260-character paths.
 */

/** Default limit for one name, extension included. */
export const NAME_MAX_BYTES = 120;

const FORBIDDEN = /[<>:"/\\|?*]/g;
// C0 and C1 controls, DEL, bidirectional overrides (they disguise extensions) and zero-widths.
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;
const EXTENSION = /\.([A-Za-z0-9]{1,10})$/;

const segmenter = new Intl.Segmenter('fr', { granularity: 'grapheme' });

export function utf8Length(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** Cuts at a grapheme boundary so that no accent or emoji is split, within `maxBytes`. */
export function truncateBytes(text: string, maxBytes: number): string {
  if (utf8Length(text) <= maxBytes) return text;
  let out = '';
  let used = 0;
  for (const { segment } of segmenter.segment(text)) {
    const size = utf8Length(segment);
    if (used + size > maxBytes) break;
    out += segment;
    used += size;
  }
  return out;
}

/** Characters that are never allowed, and runs of spaces, cleaned from any part of a name. */
export function cleanNamePart(text: string): string {
  return text
    .normalize('NFC')
    .replace(LONE_SURROGATE, '')
    .replace(INVISIBLE, ' ')
    .replace(FORBIDDEN, '_')
    .replace(/\s+/gu, ' ');
}

function trimEnds(text: string): string {
  // Leading dots hide a file on Linux and macOS, and '..' must never survive.
  return text.replace(/^[\s.]+/u, '').replace(/[\s.]+$/u, '');
}

function splitExtension(name: string): { stem: string; ext: string } {
  const match = EXTENSION.exec(name);
  if (!match || match.index === 0) return { stem: name, ext: '' };
  return { stem: name.slice(0, match.index), ext: `.${match[1]}` };
}

function guardReserved(stem: string): string {
  const base = stem.split('.')[0]?.trimEnd() ?? '';
  return RESERVED.test(base) ? `_${stem}` : stem;
}

export interface SafeNameOptions {
  maxBytes?: number;
  /** Used when nothing is left of the name. */
  fallback?: string;
}

/**
 * One safe name component. The extension (up to 10 letters or digits after the last dot) is kept
 * when the name has to be shortened; slashes cannot survive, so the result never leaves its folder.
 */
export function safeName(raw: string, options: SafeNameOptions = {}): string {
  const maxBytes = options.maxBytes ?? NAME_MAX_BYTES;
  const fallback = options.fallback ?? 'sans titre';
  const cleaned = trimEnds(cleanNamePart(raw));
  const { stem: rawStem, ext } = splitExtension(cleaned);
  const stem = guardReserved(trimEnds(rawStem));
  if (stem === '') return fallback === '' ? '_' : safeName(`${fallback}${ext}`, { maxBytes });

  const room = Math.max(1, maxBytes - utf8Length(ext));
  const cut = trimEnds(truncateBytes(stem, room));
  return `${cut === '' ? '_' : cut}${ext}`;
}

export interface NameParts {
  /** Kept whole: e.g. 'Pièce 01 - '. */
  head: string;
  /** Shortened first when the name is too long: e.g. the pièce's title. */
  body: string;
  /** Kept whole: e.g. ' - 2026-03-12'. */
  tail?: string;
  /** Without its dot; empty for folders. */
  ext?: string;
}

/** A name built from parts where only the free text is shortened, so numbers and dates stay. */
export function composeName(parts: NameParts, maxBytes = NAME_MAX_BYTES): string {
  const ext = parts.ext ? `.${cleanNamePart(parts.ext).replace(/[^A-Za-z0-9]/g, '')}` : '';
  const head = cleanNamePart(parts.head);
  const tail = cleanNamePart(parts.tail ?? '');
  const room = maxBytes - utf8Length(head) - utf8Length(tail) - utf8Length(ext);
  const text = trimEnds(cleanNamePart(parts.body)) || 'sans titre';
  const body = trimEnds(truncateBytes(text, Math.max(0, room)));
  return safeName(`${head}${body}${tail}${ext === '.' ? '' : ext}`, { maxBytes });
}

/**
 * Names given in one folder, compared as Windows and macOS compare them (case and Unicode form
 * ignored); a repeated name becomes 'name (2).ext', 'name (3).ext'...
 */
export class NameSet {
  private readonly taken = new Set<string>();

  constructor(private readonly maxBytes = NAME_MAX_BYTES) {}

  static key(name: string): string {
    return name.normalize('NFC').toLocaleLowerCase('fr');
  }

  has(name: string): boolean {
    return this.taken.has(NameSet.key(name));
  }

  claim(name: string): string {
    const safe = safeName(name, { maxBytes: this.maxBytes });
    let candidate = safe;
    const { stem, ext } = splitExtension(safe);
    for (let n = 2; this.has(candidate); n += 1) {
      const suffix = ` (${n})`;
      const room = this.maxBytes - utf8Length(suffix) - utf8Length(ext);
      candidate = `${trimEnds(truncateBytes(stem, room))}${suffix}${ext}`;
    }
    this.taken.add(NameSet.key(candidate));
    return candidate;
  }
}
