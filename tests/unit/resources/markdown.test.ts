import { describe, expect, it } from 'vitest';

import {
  inlineText,
  isSafeHref,
  parseInline,
  parseMarkdown,
} from '../../../shared/resources/markdown';
import type { MdInline } from '../../../shared/resources/markdown';

function hrefs(nodes: readonly MdInline[]): string[] {
  return nodes.flatMap((n) => {
    if (n.type === 'text') return [];
    return n.type === 'link' ? [n.href, ...hrefs(n.children)] : hrefs(n.children);
  });
}

describe('parseMarkdown blocks', () => {
  it('reads headings, paragraphs and lists', () => {
    const blocks = parseMarkdown(
      '## Titre\n\nUne ligne\net sa suite.\n\n### Sous-titre\n- un\n- **deux**\n\nFin.',
    );
    expect(blocks).toEqual([
      { type: 'heading', level: 2, children: [{ type: 'text', text: 'Titre' }] },
      { type: 'paragraph', children: [{ type: 'text', text: 'Une ligne et sa suite.' }] },
      { type: 'heading', level: 3, children: [{ type: 'text', text: 'Sous-titre' }] },
      {
        type: 'list',
        items: [
          [{ type: 'text', text: 'un' }],
          [{ type: 'bold', children: [{ type: 'text', text: 'deux' }] }],
        ],
      },
      { type: 'paragraph', children: [{ type: 'text', text: 'Fin.' }] },
    ]);
  });

  it('joins a wrapped list item and starts a new list after a blank line', () => {
    const blocks = parseMarkdown('- premier\n  suite du premier\n- second\n\n- autre liste\r\n');
    expect(blocks).toHaveLength(2);
    const [first, second] = blocks;
    expect(first?.type === 'list' && first.items.map(inlineText)).toEqual([
      'premier suite du premier',
      'second',
    ]);
    expect(second?.type === 'list' && second.items.map(inlineText)).toEqual(['autre liste']);
  });

  it('maps deeper headings to level 3 and keeps a hyphenated word as text', () => {
    const blocks = parseMarkdown('#### Profond\n\n-pas une liste');
    expect(blocks[0]).toMatchObject({ type: 'heading', level: 3 });
    expect(blocks[1]).toEqual({
      type: 'paragraph',
      children: [{ type: 'text', text: '-pas une liste' }],
    });
  });

  it('returns nothing for blank input', () => {
    expect(parseMarkdown('')).toEqual([]);
    expect(parseMarkdown('\n \n\t\n')).toEqual([]);
  });
});

describe('parseInline', () => {
  it('reads an https link and a mailto link', () => {
    expect(
      parseInline('Voir [la CNIL](https://www.cnil.fr/agir) ou [écrire](mailto:a@b.fr).'),
    ).toEqual([
      { type: 'text', text: 'Voir ' },
      {
        type: 'link',
        href: 'https://www.cnil.fr/agir',
        children: [{ type: 'text', text: 'la CNIL' }],
      },
      { type: 'text', text: ' ou ' },
      { type: 'link', href: 'mailto:a@b.fr', children: [{ type: 'text', text: 'écrire' }] },
      { type: 'text', text: '.' },
    ]);
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(document.cookie)',
    'http://exemple.fr/',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox',
    '//exemple.fr/',
    'file:///etc/passwd',
    'https://exemple.fr/" onclick="x',
    'mailto:',
    'relative/page',
  ])('turns a link to %s into plain text', (href) => {
    const nodes = parseInline(`avant [cliquez](${href}) après`);
    expect(hrefs(nodes)).toEqual([]);
    expect(nodes.some((n) => n.type === 'link')).toBe(false);
    expect(inlineText(nodes)).toContain('cliquez');
  });

  it('keeps HTML as text for React to escape', () => {
    const nodes = parseInline('<img src=x onerror=alert(1)> **<b>gras</b>**');
    expect(nodes[0]).toEqual({ type: 'text', text: '<img src=x onerror=alert(1)> ' });
    expect(nodes[1]).toEqual({ type: 'bold', children: [{ type: 'text', text: '<b>gras</b>' }] });
  });

  it('nests a link inside bold and bold inside a link', () => {
    expect(parseInline('**voir [la CNIL](https://www.cnil.fr/)**')).toEqual([
      {
        type: 'bold',
        children: [
          { type: 'text', text: 'voir ' },
          {
            type: 'link',
            href: 'https://www.cnil.fr/',
            children: [{ type: 'text', text: 'la CNIL' }],
          },
        ],
      },
    ]);
    expect(parseInline('[**CNIL**](https://www.cnil.fr/)')).toEqual([
      {
        type: 'link',
        href: 'https://www.cnil.fr/',
        children: [{ type: 'bold', children: [{ type: 'text', text: 'CNIL' }] }],
      },
    ]);
  });

  it('does not nest bold in bold: the inner marker closes the outer one', () => {
    const nodes = parseInline('**un **deux** trois**');
    expect(inlineText(nodes)).toBe('un deux trois');
    expect(nodes.filter((n) => n.type === 'bold')).toHaveLength(2);
    expect(
      nodes.every((n) => n.type !== 'bold' || n.children.every((c) => c.type === 'text')),
    ).toBe(true);
  });

  it('does not put a link inside a link label', () => {
    const nodes = parseInline(
      '[a [b](https://b.fr) c](https://a.fr) et [x **[y](https://y.fr)**](https://x.fr)',
    );
    const links = nodes.filter((n) => n.type === 'link');
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(hrefs(link.children)).toEqual([]);
  });

  it('keeps unclosed markers and escapes as literal text', () => {
    expect(parseInline('**pas fermé')).toEqual([{ type: 'text', text: '**pas fermé' }]);
    expect(parseInline('[pas un lien] (https://a.fr)')).toEqual([
      { type: 'text', text: '[pas un lien] (https://a.fr)' },
    ]);
    expect(parseInline('\\*\\*littéral\\*\\*')).toEqual([{ type: 'text', text: '**littéral**' }]);
    expect(parseInline('****')).toEqual([{ type: 'text', text: '****' }]);
  });

  it('stays fast on pathological input', () => {
    const nasty = `**${'[a '.repeat(3000)}`;
    const start = Date.now();
    expect(inlineText(parseInline(nasty))).toBe(nasty);
    expect(Date.now() - start).toBeLessThan(500);
  });
});

describe('isSafeHref', () => {
  it('accepts https and mailto only', () => {
    expect(isSafeHref('https://www.cnil.fr/agir')).toBe(true);
    expect(isSafeHref('mailto:cabinet@exemple.fr')).toBe(true);
    expect(isSafeHref('https://localhost/')).toBe(false);
    expect(isSafeHref('https://a.fr/\nx')).toBe(false);
    expect(isSafeHref(' javascript:alert(1)')).toBe(false);
    expect(isSafeHref('https://a.fr/\u0000x')).toBe(false);
    expect(isSafeHref('mailto:a@b.fr\u007f')).toBe(false);
  });
});
