/**
 * Byte-level checks behind the file policy: magic numbers at offset 0, markup (SVG, HTML, XML),
 * e-mail headers and text encodings. Only the bytes decide; names are never read here.
 */

export type AcceptedKind = 'png' | 'jpeg' | 'gif' | 'webp' | 'pdf';
export type MarkupKind = 'svg' | 'html' | 'xml' | 'mhtml' | 'rtf' | 'postscript';
export type ProgramKind = 'exe' | 'elf' | 'macho' | 'script';

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function startsWith(bytes: Uint8Array, prefix: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + prefix.length) return false;
  return prefix.every((value, index) => bytes[offset + index] === value);
}

function ascii(text: string): number[] {
  return Array.from(text, (char) => char.charCodeAt(0));
}

/** The real format by its magic at offset 0, for the formats we accept. */
export function acceptedMagic(head: Uint8Array): AcceptedKind | null {
  if (startsWith(head, PNG_MAGIC)) return 'png';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(head, ascii('GIF87a')) || startsWith(head, ascii('GIF89a'))) return 'gif';
  if (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8)) return 'webp';
  if (startsWith(head, ascii('%PDF-')) && /^\d\.\d$/.test(latin1(head, 5, 8))) return 'pdf';
  return null;
}

/** Programs recognised by their first bytes, whatever else the file may also parse as. */
export function programMagic(head: Uint8Array): ProgramKind | null {
  if (startsWith(head, ascii('MZ'))) return 'exe';
  if (startsWith(head, [0x7f, 0x45, 0x4c, 0x46])) return 'elf';
  const machO = [
    [0xfe, 0xed, 0xfa, 0xce],
    [0xfe, 0xed, 0xfa, 0xcf],
    [0xce, 0xfa, 0xed, 0xfe],
    [0xcf, 0xfa, 0xed, 0xfe],
  ];
  if (machO.some((magic) => startsWith(head, magic))) return 'macho';
  if (startsWith(stripBom(head), ascii('#!'))) return 'script';
  return null;
}

export function stripBom(head: Uint8Array): Uint8Array {
  return startsWith(head, [0xef, 0xbb, 0xbf]) ? head.subarray(3) : head;
}

export function utf16Bom(head: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (startsWith(head, [0xff, 0xfe])) return 'utf-16le';
  if (startsWith(head, [0xfe, 0xff])) return 'utf-16be';
  return null;
}

/** Text behind a UTF-16 byte-order mark (Notepad's old « Unicode »), mostly printable. */
export function isUtf16Text(head: Uint8Array): boolean {
  const bom = utf16Bom(head);
  if (bom === null) return false;
  const body = head.subarray(2, 2 + ((head.length - 2) & ~1));
  return printableRatio(new TextDecoder(bom).decode(body)) >= 0.95;
}

function latin1(bytes: Uint8Array, start: number, end: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString(
    'latin1',
    start,
    Math.min(end, bytes.length),
  );
}

/** Lower-cased start of the file as text, for markup sniffing (UTF-8, Latin-1 or UTF-16). */
export function textStart(head: Uint8Array, length = 2048): string {
  const bom = utf16Bom(head);
  if (bom !== null) {
    const decoder = new TextDecoder(bom);
    return decoder.decode(head.subarray(2, 2 + length * 2)).toLowerCase();
  }
  return latin1(stripBom(head), 0, length).toLowerCase();
}

const MARKUP_AT_START =
  /^<(!doctype\s+html|html|head|body|script|iframe|object|embed|meta|title|link|style|frameset|a\s|div|p[\s>]|table|form|img|!--)/;
const MARKUP_ANYWHERE = /<(!doctype\s+html|html[\s>]|script|iframe|svg[\s>])/;

/**
 * Markup the way a browser would sniff it: the document's start, plus script or HTML tags
 * anywhere near the start (a page disguised behind a line of text still runs in a browser).
 */
export function markupKind(text: string, scanAnywhere: boolean): MarkupKind | null {
  const start = text.trimStart();
  if (start.startsWith('{\\rtf')) return 'rtf';
  if (start.startsWith('%!ps')) return 'postscript';
  if (start.startsWith('<')) {
    if (/<svg[\s>]/.test(start) || start.includes('<!doctype svg')) return 'svg';
    if (start.includes('http://www.w3.org/1999/xhtml') || MARKUP_AT_START.test(start)) {
      return 'html';
    }
    if (start.startsWith('<?xml') || /^<[a-z!?]/.test(start)) return 'xml';
  }
  if (!scanAnywhere) return null;
  const match = MARKUP_ANYWHERE.exec(text.slice(0, 1024));
  if (match === null) return null;
  return match[1]?.startsWith('svg') ? 'svg' : 'html';
}

const MAIL_HEADERS = new Set([
  'from',
  'to',
  'cc',
  'subject',
  'date',
  'received',
  'mime-version',
  'message-id',
  'return-path',
  'delivered-to',
  'reply-to',
  'content-type',
  'content-transfer-encoding',
  'x-mailer',
  'user-agent',
  'dkim-signature',
  'authentication-results',
  'x-mozilla-status',
]);
const STRONG_MAIL_HEADERS = new Set(['from', 'received', 'mime-version', 'message-id', 'subject']);

/** RFC 822/5322 header block at the very start: what an .eml saved by a mail client looks like. */
export function mailKind(head: Uint8Array): 'eml' | 'mhtml' | null {
  const lines = latin1(stripBom(head), 0, 16384).split(/\r?\n/);
  let index = lines[0]?.startsWith('From ') ? 1 : 0;
  const known = new Set<string>();
  let fields = 0;
  let mhtml = false;

  for (; index < lines.length; index += 1) {
    const line = lines[index] as string;
    if (line === '') break;
    if (/^[ \t]/.test(line) && fields > 0) continue;
    const match = /^([!-9;-~]+):/.exec(line);
    if (match === null) {
      // The last line may be cut by the end of the head; anything else is not a header.
      if (index === lines.length - 1 && fields > 0) break;
      return null;
    }
    fields += 1;
    const name = (match[1] as string).toLowerCase();
    if (MAIL_HEADERS.has(name)) known.add(name);
    if (name === 'snapshot-content-location' || /^from:\s*<saved by /i.test(line)) mhtml = true;
  }

  const strong = [...known].some((name) => STRONG_MAIL_HEADERS.has(name));
  if (known.size < 2 || !strong) return null;
  return mhtml ? 'mhtml' : 'eml';
}

export type TextEncoding = 'utf-8' | 'windows-1252';

/**
 * Plain text: no NUL byte, valid UTF-8 (a sequence cut by the end of the head is allowed when the
 * head is not the whole file), or else Windows-1252/Latin-1; and mostly printable either way.
 */
export function textEncoding(head: Uint8Array, isWholeFile: boolean): TextEncoding | null {
  const bytes = stripBom(head);
  if (bytes.includes(0)) return null;
  const utf8 = decodeUtf8(bytes, isWholeFile);
  if (utf8 !== null) return printableRatio(utf8) >= 0.95 ? 'utf-8' : null;
  return printableRatio(decodeWindows1252(bytes)) >= 0.95 ? 'windows-1252' : null;
}

function decodeUtf8(bytes: Uint8Array, isWholeFile: boolean): string | null {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const cuts = isWholeFile ? [0] : [0, 1, 2, 3];
  for (const cut of cuts) {
    try {
      return decoder.decode(bytes.subarray(0, bytes.length - cut));
    } catch {
      // Try again without a possibly cut trailing sequence.
    }
  }
  return null;
}

function decodeWindows1252(bytes: Uint8Array): string {
  // Bytes 0x81, 0x8d, 0x8f, 0x90, 0x9d are unassigned in Windows-1252: keep them as C1 controls.
  return new TextDecoder('windows-1252').decode(bytes);
}

function printableRatio(text: string): number {
  if (text.length === 0) return 1;
  let control = 0;
  for (const char of text) {
    const code = char.codePointAt(0) as number;
    const allowed = code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d;
    if (!allowed && (code < 0x20 || (code >= 0x7f && code < 0xa0) || code === 0xfffd)) {
      control += 1;
    }
  }
  return 1 - control / text.length;
}
