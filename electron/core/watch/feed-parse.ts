/**
 * A small, tolerant reader of RSS 2.0, RSS 1.0 (RDF) and Atom feeds (Google Alerts sends Atom).
 * It looks for the few elements a mention needs and ignores the rest. Scanning uses indexOf and
 * sticky searches from a position, so a hostile 2 MiB feed costs linear time; declared entities
 * are never expanded (see feed-text.ts).
 */
import { createHash } from 'node:crypto';

import { AppError } from '../../../shared/api/errors';
import { cleanLink, clip, elementText, normalizeDate } from './feed-text';

export interface FeedEntry {
  guid: string;
  title: string;
  link: string | null;
  published: string | null;
}

export interface ParsedFeed {
  format: 'rss' | 'rdf' | 'atom';
  title: string;
  entries: FeedEntry[];
}

/** More than any alert sends (Google Alerts: 20 at most); the rest is ignored. */
export const MAX_ENTRIES = 100;
const MAX_TITLE = 300;
const MAX_GUID = 512;

export function unreadable(detail: string): AppError {
  return new AppError(
    'NETWORK',
    `Flux illisible : ${detail} Vérifiez que vous avez copié l’adresse du flux (le lien RSS de ` +
      'Google Alertes), et non celle d’une page web.',
  );
}

/** Drops comments and the DOCTYPE with its internal subset: nothing declared there is used. */
function stripPrologue(xml: string): string {
  let text = xml.charCodeAt(0) === 0xfeff ? xml.slice(1) : xml;
  let out = '';
  let i = 0;
  for (;;) {
    const start = text.indexOf('<!--', i);
    if (start === -1) {
      out += text.slice(i);
      break;
    }
    out += text.slice(i, start);
    const end = text.indexOf('-->', start + 4);
    if (end === -1) break;
    i = end + 3;
  }
  text = out;

  const doctype = text.search(/<!DOCTYPE/i);
  if (doctype === -1) return text;
  const bracket = text.indexOf('[', doctype);
  const close = text.indexOf('>', doctype);
  if (close === -1) throw unreadable('la déclaration du document est incomplète.');
  let end = close;
  if (bracket !== -1 && bracket < close) {
    const subsetEnd = text.indexOf(']', bracket);
    end = subsetEnd === -1 ? -1 : text.indexOf('>', subsetEnd);
    if (end === -1) throw unreadable('la déclaration du document est incomplète.');
  }
  return text.slice(0, doctype) + text.slice(end + 1);
}

/** The local name of the first element, after the XML declaration and processing instructions. */
function rootName(xml: string): string | null {
  const match = /<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)[\s>/]/.exec(
    xml.replace(/<\?[^>]*\?>/g, ''),
  );
  return match ? (match[2] ?? null) : null;
}

interface Element {
  attrs: string;
  inner: string;
  /** Index just after the element. */
  end: number;
}

/** The next element named `name` (any prefix) from `from`, or null; self-closing gives ''. */
function nextElement(xml: string, name: string, from: number): Element | null {
  const open = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${name}(\\s[^<>]*?)?(/?)>`, 'g');
  open.lastIndex = from;
  const m = open.exec(xml);
  if (!m) return null;
  const attrs = m[1] ?? '';
  const afterOpen = m.index + m[0].length;
  if (m[2] === '/') return { attrs, inner: '', end: afterOpen };
  const close = new RegExp(`</(?:[A-Za-z_][\\w.-]*:)?${name}\\s*>`, 'g');
  close.lastIndex = afterOpen;
  const c = close.exec(xml);
  if (!c) return null;
  return { attrs, inner: xml.slice(afterOpen, c.index), end: c.index + c[0].length };
}

function allElements(xml: string, name: string, max: number): Element[] {
  const found: Element[] = [];
  let from = 0;
  while (found.length < max) {
    const el = nextElement(xml, name, from);
    if (!el) break;
    found.push(el);
    from = el.end;
  }
  return found;
}

function attr(attrs: string, name: string): string | null {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attrs);
  return m ? (m[1] ?? m[2] ?? '') : null;
}

function childText(block: string, name: string, html = false): string {
  const el = nextElement(block, name, 0);
  if (!el) return '';
  const isHtml = html || attr(el.attrs, 'type') === 'html';
  return elementText(el.inner, isHtml);
}

function atomLink(block: string): string | null {
  let fallback: string | null = null;
  for (const el of allElements(block, 'link', 20)) {
    const href = attr(el.attrs, 'href');
    if (href === null) continue;
    const rel = attr(el.attrs, 'rel');
    const link = cleanLink(elementText(href, false));
    if (link === null) continue;
    if (rel === null || rel === 'alternate') return link;
    fallback ??= link;
  }
  return fallback;
}

/** RSS puts the link as text; an atom:link in the item carries it as href instead. */
function rssLink(block: string): string | null {
  for (const el of allElements(block, 'link', 10)) {
    const link = cleanLink(elementText(el.inner || (attr(el.attrs, 'href') ?? ''), false));
    if (link !== null) return link;
  }
  return null;
}

function stableGuid(value: string): string {
  return value.length <= MAX_GUID ? value : createHash('sha256').update(value).digest('hex');
}

function entryOf(block: string, atom: boolean): FeedEntry {
  const title = clip(childText(block, 'title', true), MAX_TITLE) || 'Mention sans titre';
  const link = atom ? atomLink(block) : rssLink(block);
  const published = normalizeDate(
    atom
      ? childText(block, 'published') || childText(block, 'updated')
      : childText(block, 'pubDate') || childText(block, 'date'),
  );
  const id = atom ? childText(block, 'id') : childText(block, 'guid');
  const guid = stableGuid(id || link || `${title}|${published ?? ''}`);
  return { guid, title, link, published };
}

/** Throws AppError('NETWORK', 'Flux illisible : …') when the text is no RSS or Atom feed. */
export function parseFeed(input: string): ParsedFeed {
  const xml = stripPrologue(input);
  const root = rootName(xml);
  if (root === null) throw unreadable('le contenu reçu n’est pas du XML.');
  const lower = root.toLowerCase();
  let format: ParsedFeed['format'];
  if (lower === 'rss') format = 'rss';
  else if (lower === 'rdf') format = 'rdf';
  else if (lower === 'feed') format = 'atom';
  else if (lower === 'html') throw unreadable('l’adresse renvoie une page web, pas un flux.');
  else throw unreadable('ce n’est ni un flux RSS ni un flux Atom.');

  const atom = format === 'atom';
  const blocks = allElements(xml, atom ? 'entry' : 'item', MAX_ENTRIES);
  // The feed's own title sits before the first entry.
  const first = xml.search(atom ? /<([\w.-]+:)?entry[\s>]/ : /<([\w.-]+:)?item[\s>]/);
  const head = first === -1 ? xml : xml.slice(0, first);
  const seen = new Set<string>();
  const entries: FeedEntry[] = [];
  for (const block of blocks) {
    const entry = entryOf(block.inner, atom);
    if (seen.has(entry.guid)) continue;
    seen.add(entry.guid);
    entries.push(entry);
  }
  if (entries.length === 0 && !new RegExp(`</(?:[\\w.-]+:)?${root}\\s*>`).test(xml)) {
    throw unreadable('le flux est tronqué ou mal formé.');
  }
  return { format, title: clip(childText(head, 'title', true), MAX_TITLE), entries };
}
