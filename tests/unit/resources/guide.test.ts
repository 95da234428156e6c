import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

import { beforeAll, describe, expect, it } from 'vitest';

import { loadResources, readGuidePage } from '../../../electron/core/resources/load';
import { AppError } from '../../../shared/api/errors';
import { inlineText, parseMarkdown } from '../../../shared/resources/markdown';
import type { MdBlock, MdInline } from '../../../shared/resources/markdown';
import { GUIDE_ACTIONS } from '../../../shared/resources/schema';
import type { GuideIndex } from '../../../shared/resources/schema';

const RESOURCES_DIR = fileURLToPath(new URL('../../../resources', import.meta.url));

const PAGE_IDS = [
  'fiches-nominatives',
  'page-google',
  'repondre-aux-avis',
  'commentaires-illicites',
  'aides-et-assurances',
  'secret-medical',
  'delais',
  'preuves',
];

let index: GuideIndex;
const pages = new Map<string, string>();

beforeAll(async () => {
  index = (await loadResources(RESOURCES_DIR)).guide;
  for (const page of index.pages) pages.set(page.id, await readGuidePage(RESOURCES_DIR, page.id));
});

function blockText(block: MdBlock): string {
  return block.type === 'list' ? block.items.map(inlineText).join(' ') : inlineText(block.children);
}

function links(nodes: readonly MdInline[]): string[] {
  return nodes.flatMap((n) => {
    if (n.type === 'text') return [];
    return n.type === 'link' ? [n.href, ...links(n.children)] : links(n.children);
  });
}

function blockLinks(block: MdBlock): string[] {
  return block.type === 'list' ? block.items.flatMap(links) : links(block.children);
}

function page(id: string): string {
  const text = pages.get(id);
  if (text === undefined) throw new Error(`page ${id} not loaded`);
  return text;
}

describe('guide index', () => {
  it('lists exactly the expected pages', () => {
    expect(index.pages.map((p) => p.id).sort()).toEqual([...PAGE_IDS].sort());
  });

  it('uses only action ids the interface knows', () => {
    for (const p of index.pages) {
      expect(p.sources.length, p.id).toBeGreaterThan(0);
      for (const a of p.actions) expect(GUIDE_ACTIONS, p.id).toContain(a.action);
    }
    const used = new Set(index.pages.flatMap((p) => p.actions.map((a) => a.action)));
    expect(used.has('letters.opposition')).toBe(true);
    expect(used.has('case.create.review')).toBe(true);
  });
});

describe.each(PAGE_IDS)('guide page %s', (id) => {
  it('is 200 to 500 words of parsed text', () => {
    const blocks = parseMarkdown(page(id));
    const text = blocks.map(blockText).join(' ');
    const words = text.match(/[\p{L}\p{N}]+(?:[’'-][\p{L}\p{N}]+)*/gu) ?? [];
    expect(words.length).toBeGreaterThanOrEqual(200);
    expect(words.length).toBeLessThanOrEqual(500);
  });

  it('ends with a non-empty list of sources', () => {
    const blocks = parseMarkdown(page(id));
    const at = blocks.findIndex((b) => b.type === 'heading' && blockText(b) === 'Sources');
    expect(at).toBeGreaterThan(0);
    const list = blocks[at + 1];
    expect(list?.type).toBe('list');
    expect(list !== undefined && list.type === 'list' ? list.items.length : 0).toBeGreaterThan(0);
  });

  it('only links to https addresses, all of them parsed as links', () => {
    const source = page(id);
    const written = [...source.matchAll(/\]\(([^)]*)\)/g)].map((m) => m[1]);
    const parsed = parseMarkdown(source).flatMap(blockLinks);

    expect(source).not.toMatch(/http:\/\//);
    expect(parsed).toEqual(written);
    for (const href of parsed) expect(href).toMatch(/^https:\/\//);
  });

  it('stays in the markdown subset (no HTML, tables or deeper headings)', () => {
    const source = page(id);
    expect(source).not.toMatch(/<[a-z!/]/i);
    expect(source).not.toMatch(/^\s*\|/m);
    expect(source).not.toMatch(/^#{4,}|^# /m);
    expect(source).not.toMatch(/^\s{2,}- /m);
  });
});

describe('guide content', () => {
  it('warns that the 3-month prescription runs from first posting and is not paused', () => {
    const text = page('commentaires-illicites');
    expect(text).toMatch(/\*\*[^*]*trois mois[^*]*première mise en ligne[^*]*article 65\)?\.?\*\*/);
    expect(text).toMatch(/\*\*[^*]*palier 1[^*]*palier 2[^*]*n’arrête pas ce délai\.\*\*/);
    for (const n of [1, 2, 3, 4, 5]) expect(text).toContain(`### Palier ${n}`);
  });

  it('lists every deadline with its article and the caution to check with a lawyer', () => {
    const text = page('delais');
    expect(text).toContain('à vérifier avec votre avocat');
    for (const ref of [
      'article 65)',
      'article 65-3',
      '1240',
      '2224',
      'articles 9 et 2224',
      '6-IV',
      '12.3 et 12.4',
      'articles 77 et 79',
      '13-84.444',
    ]) {
      expect(text, ref).toContain(ref);
    }
  });

  it('names the secrecy articles and what a reply must never hold', () => {
    const text = page('secret-medical');
    for (const ref of ['R.4127-4', 'L1110-4', '226-13']) expect(text).toContain(ref);
    for (const word of ['patient', 'diagnostic', 'traitement', 'examen', 'date']) {
      expect(text).toContain(word);
    }
  });

  it('gives the NF Z67-147 preparation checklist', () => {
    const text = page('preuves');
    expect(text).toContain('NF Z67-147');
    for (const step of ['navigateur', 'IP', 'proxy', 'cache', 'horloge', 'en suivant les liens']) {
      expect(text, step).toContain(step);
    }
  });
});

describe('readGuidePage', () => {
  it('returns the same text as the file named in the index', async () => {
    const entry = index.pages.find((p) => p.id === 'delais');
    const onDisk = await readFile(`${RESOURCES_DIR}/guide/${entry?.file ?? ''}`, 'utf8');
    expect(await readGuidePage(RESOURCES_DIR, 'delais', index)).toBe(onDisk);
  });

  it.each(['inconnue', '../directories/sites', 'index', '', 'DELAIS', 'delais.md'])(
    'refuses the id %j',
    async (id) => {
      const error = await readGuidePage(RESOURCES_DIR, id).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('NOT_FOUND');
    },
  );
});
