/**
 * Text helpers of the feed parser: entity decoding, tag stripping and link cleaning. The feed is
 * untrusted: only the five XML entities and numeric references are decoded, never a declared
 * entity, so an "entity bomb" stays a few literal characters.
 */

const ENTITY = /&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|lt|gt|amp|quot|apos);/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function isAllowedCodePoint(cp: number): boolean {
  if (cp === 0x9 || cp === 0xa || cp === 0xd) return true;
  if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) return false;
  if (cp >= 0xd800 && cp <= 0xdfff) return false;
  return cp <= 0x10ffff;
}

/** One pass: '&amp;lt;' becomes '&lt;', not '<'. Unknown entities stay as written. */
export function decodeEntities(text: string): string {
  return text.replace(ENTITY, (whole, name: string) => {
    if (name.startsWith('#')) {
      const hex = name[1] === 'x' || name[1] === 'X';
      const cp = Number.parseInt(name.slice(hex ? 2 : 1), hex ? 16 : 10);
      return isAllowedCodePoint(cp) ? String.fromCodePoint(cp) : '';
    }
    return NAMED[name] ?? whole;
  });
}

/** Removes markup; a '<' that opens no tag stays (it was text). */
export function stripTags(text: string): string {
  return text.replace(/<\/?[A-Za-z!?][^<>]*>/g, ' ');
}

// eslint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/**
 * The readable text of an element's raw content: CDATA sections kept literally, markup removed,
 * entities decoded. Titles marked type="html" carry escaped HTML, hence the second round.
 */
export function elementText(raw: string, html: boolean): string {
  let out = '';
  let i = 0;
  while (i < raw.length) {
    const start = raw.indexOf('<![CDATA[', i);
    if (start === -1) {
      out += decodeEntities(stripTags(raw.slice(i)));
      break;
    }
    out += decodeEntities(stripTags(raw.slice(i, start)));
    const end = raw.indexOf(']]>', start + 9);
    if (end === -1) {
      out += raw.slice(start + 9);
      break;
    }
    out += raw.slice(start + 9, end);
    i = end + 3;
  }
  if (html) out = decodeEntities(stripTags(out));
  return out.replace(CONTROL, '').replace(/\s+/g, ' ').trim();
}

export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${Array.from(text)
    .slice(0, max - 1)
    .join('')}…`;
}

function parseHttps(value: string): URL | null {
  try {
    const url = new URL(value);
    if (url.protocol !== 'https:' || url.username !== '' || url.password !== '') return null;
    return url;
  } catch {
    return null;
  }
}

/**
 * An https link or null. Google Alerts wraps each link in a google.com/url redirect that tracks
 * the click: the target itself is kept when it is https.
 */
export function cleanLink(value: string): string | null {
  const raw = value.trim();
  if (raw === '' || raw.length > 4096) return null;
  const url = parseHttps(raw);
  if (url === null) return null;
  if (/(^|\.)google\.[a-z.]{2,6}$/.test(url.hostname) && url.pathname === '/url') {
    const target = url.searchParams.get('url') ?? url.searchParams.get('q');
    const inner = target === null ? null : parseHttps(target);
    if (inner !== null && inner.href.length <= 2048) return inner.href;
  }
  return url.href.length <= 2048 ? url.href : null;
}

/** An RFC 822 or ISO 8601 date as an ISO timestamp, or null when it is not a plausible date. */
export function normalizeDate(value: string): string | null {
  const text = value.trim();
  if (text === '' || text.length > 64) return null;
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) return null;
  const year = new Date(ms).getUTCFullYear();
  return year >= 1990 && year <= 2199 ? new Date(ms).toISOString() : null;
}
