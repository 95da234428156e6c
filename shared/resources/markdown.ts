/**
 * A small markdown reader for the guide pages: `##`/`###` headings, paragraphs, `- ` lists,
 * `**bold**` and `[links](https://...)`. It returns plain data that React renders element by
 * element, so no HTML from a page ever reaches innerHTML. Links other than https: and mailto:
 * become plain text.
 *
 * Limitation: no ordered lists, tables, images, code or italics; a URL containing ")" is cut at
 * it. Unclosed markers are kept as literal text.
 */

export type MdInline =
  | { type: 'text'; text: string }
  | { type: 'bold'; children: MdInline[] }
  | { type: 'link'; href: string; children: MdInline[] };

export type MdBlock =
  | { type: 'heading'; level: 2 | 3; children: MdInline[] }
  | { type: 'paragraph'; children: MdInline[] }
  | { type: 'list'; items: MdInline[][] };

/** https: with a dotted host, or mailto: with an address; nothing else may become a link. */
export function isSafeHref(href: string): boolean {
  const hasControl = [...href].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);
  if (href === '' || hasControl || /\s/.test(href)) return false;
  if (/^mailto:[^@]+@[^@]+\.[^@]+$/i.test(href)) return true;
  try {
    const url = new URL(href);
    return url.protocol === 'https:' && url.hostname.includes('.') && url.username === '';
  } catch {
    return false;
  }
}

type Stop = '**' | ']' | null;

interface ParseResult {
  nodes: MdInline[];
  pos: number;
  closed: boolean;
}

function pushText(nodes: MdInline[], text: string): void {
  if (text === '') return;
  const last = nodes[nodes.length - 1];
  if (last !== undefined && last.type === 'text') last.text += text;
  else nodes.push({ type: 'text', text });
}

function pushAll(nodes: MdInline[], more: readonly MdInline[]): void {
  for (const node of more) {
    if (node.type === 'text') pushText(nodes, node.text);
    else nodes.push(node);
  }
}

interface Source {
  text: string;
  /** Last positions of the closing markers: an opener after them cannot close, skip the try. */
  lastBold: number;
  lastBracket: number;
}

// Recursive descent with a stop marker: bold closes on `**`, a link label on `]`. A bold inside
// a bold therefore closes the outer one (markdown has no nested bold), and a link label cannot
// hold another link.
// Limitation: many `[` before a far `](` make it quadratic; fine for the guide's short pages.
function parseUntil(source: Source, start: number, stop: Stop, inLink: boolean): ParseResult {
  const src = source.text;
  const nodes: MdInline[] = [];
  let pos = start;

  while (pos < src.length) {
    if (stop !== null && src.startsWith(stop, pos)) return { nodes, pos, closed: true };
    const ch = src.charAt(pos);

    if (ch === '\\' && pos + 1 < src.length && /[\\*[\]()-]/.test(src.charAt(pos + 1))) {
      pushText(nodes, src.charAt(pos + 1));
      pos += 2;
      continue;
    }

    if (src.startsWith('**', pos) && pos + 2 <= source.lastBold) {
      const inner = parseUntil(source, pos + 2, '**', inLink);
      if (inner.closed && inner.nodes.length > 0) {
        nodes.push({ type: 'bold', children: inner.nodes });
        pos = inner.pos + 2;
      } else {
        pushText(nodes, '**');
        pos += 2;
      }
      continue;
    }

    if (ch === '[' && !inLink && pos < source.lastBracket) {
      const label = parseUntil(source, pos + 1, ']', true);
      const open = label.pos + 1;
      const close = src.indexOf(')', open);
      if (label.closed && src.charAt(open) === '(' && close !== -1) {
        const href = src.slice(open + 1, close).trim();
        if (isSafeHref(href)) nodes.push({ type: 'link', href, children: label.nodes });
        else pushAll(nodes, label.nodes);
        pos = close + 1;
        continue;
      }
    }

    pushText(nodes, ch);
    pos += 1;
  }

  return { nodes, pos, closed: stop === null };
}

export function parseInline(text: string): MdInline[] {
  const source = { text, lastBold: text.lastIndexOf('**'), lastBracket: text.lastIndexOf(']') };
  return parseUntil(source, 0, null, false).nodes;
}

/** The visible text of inlines, for search, tests and accessible labels. */
export function inlineText(nodes: readonly MdInline[]): string {
  return nodes.map((n) => (n.type === 'text' ? n.text : inlineText(n.children))).join('');
}

export function parseMarkdown(source: string): MdBlock[] {
  const blocks: MdBlock[] = [];
  let paragraph: string[] = [];
  let list: string[] | null = null;

  const flush = (): void => {
    if (paragraph.length > 0) {
      blocks.push({ type: 'paragraph', children: parseInline(paragraph.join(' ')) });
      paragraph = [];
    }
    if (list !== null) {
      blocks.push({ type: 'list', items: list.map(parseInline) });
      list = null;
    }
  };

  for (const raw of source.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trimEnd();
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    const item = /^ {0,3}- +(.*)$/.exec(line);

    if (line.trim() === '') {
      flush();
    } else if (heading !== null) {
      flush();
      const level = (heading[1] ?? '').length <= 2 ? 2 : 3;
      const text = (heading[2] ?? '').replace(/\s+#+$/, '');
      blocks.push({ type: 'heading', level, children: parseInline(text) });
    } else if (item !== null) {
      if (paragraph.length > 0) flush();
      list ??= [];
      list.push((item[1] ?? '').trim());
    } else if (list !== null && list.length > 0) {
      // A line under an item, indented or not, continues it (markdown's lazy continuation).
      list[list.length - 1] += ` ${line.trim()}`;
    } else {
      paragraph.push(line.trim());
    }
  }

  flush();
  return blocks;
}
