import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { CaseDetail, Piece } from '../../../shared/api/cases-api';
import { METHOD_NAMES } from '../../../shared/api/contract';
import type { ExportResult, JobStatus } from '../../../shared/api/export-api';
import { jobsOf } from '../../../electron/core/app/jobs';
import { hostWithVault } from '../../helpers/host';
import type { TestHost } from './helpers';

const CORPUS = path.resolve('tests/fixtures/bad-input');
const fixture = (name: string) => path.join(CORPUS, name);

let ctx: TestHost;
let caseId: string;

beforeAll(async () => {
  ctx = await hostWithVault();
  caseId = (await ctx.call<CaseDetail>('cases.create', { kind: 'review', title: 'Corpus' })).id;
});
afterAll(() => ctx.cleanup());

function blobFiles(): string[] {
  const dir = path.join(ctx.dir, 'data', 'blobs');
  try {
    return readdirSync(dir, { recursive: true })
      .map(String)
      .filter((n) => n.endsWith('.egb') || n.endsWith('.part'));
  } catch {
    return [];
  }
}

async function importPath(file: string) {
  return ctx.host.call('pieces.import', { caseId, source: { kind: 'path', path: file } });
}

describe('bad input: files offered as pièces', () => {
  it.each([
    ['script.svg', /image vectorielle|SVG/i],
    ['disguised-svg.png', /SVG|vectorielle/i],
    ['page.html', /page web|HTML/i],
    ['program.exe', /programme|exécutable/i],
    ['bomb.png', /100\s000 × 100\s000 pixels/],
    ['empty.txt', /vide/],
  ])('refuses %s with a French reason and stores nothing', async (name, reason) => {
    const before = blobFiles();
    const result = await importPath(fixture(name));
    expect(result).toMatchObject({ ok: false, error: { code: 'FILE_REFUSED' } });
    if (!result.ok) {
      expect(result.error.message).toMatch(reason);
      expect(result.error.message).toContain(`« ${name} »`);
    }
    expect(blobFiles()).toEqual(before);
  });

  it('keeps a GIF/JavaScript polyglot as a GIF image, bytes unchanged', async () => {
    const bytes = readFileSync(fixture('polyglot.gif'));
    const result = await importPath(fixture('polyglot.gif'));
    expect(result.ok).toBe(true);
    const piece = (result as { value: Piece }).value;
    expect(piece.mime).toBe('image/gif');
    expect(piece.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  it('keeps bad UTF-8 as Windows text or refuses it, never altering the bytes', async () => {
    const bytes = readFileSync(fixture('bad-utf8.txt'));
    const result = await importPath(fixture('bad-utf8.txt'));
    if (!result.ok) {
      expect(result.error.code).toBe('FILE_REFUSED');
      return;
    }
    const piece = result.value as Piece;
    expect(piece.mime).toMatch(/^text\/plain/);
    const content = await ctx.call<{ base64: string }>('pieces.content', { pieceId: piece.id });
    expect(Buffer.from(content.base64, 'base64').equals(bytes)).toBe(true);
  });

  it('refuses a file over the size limit, by path and by bytes (generated, not committed)', async () => {
    await ctx.call('settings.update', { maxPieceMiB: 1 });
    const big = path.join(ctx.dir, 'gros.txt');
    writeFileSync(big, 'a'.repeat(1.5 * 1024 * 1024));
    const before = blobFiles();
    const byPath = await importPath(big);
    expect(byPath).toMatchObject({
      ok: false,
      error: { code: 'FILE_TOO_LARGE', message: expect.stringContaining('taille maximale') },
    });
    const byBytes = await ctx.host.call('pieces.import', {
      caseId,
      source: { kind: 'bytes', name: 'gros.txt', base64: readFileSync(big).toString('base64') },
    });
    expect(byBytes).toMatchObject({ ok: false, error: { code: 'FILE_TOO_LARGE' } });
    expect(blobFiles()).toEqual(before);
    await ctx.call('settings.update', { maxPieceMiB: 200 });
  });

  it('refuses a folder or a missing file with a French message', async () => {
    expect(await importPath(CORPUS)).toMatchObject({
      ok: false,
      error: { code: 'FILE_REFUSED', message: expect.stringContaining('pas un fichier') },
    });
    const missing = await importPath(path.join(CORPUS, 'absent.png'));
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.error.message).toMatch(/dossier|fichier/);
  });
});

describe('bad input: very long fields', () => {
  it('refuses a 60,000-character title, naming the field and its limit', async () => {
    const result = await ctx.host.call('cases.create', {
      kind: 'other',
      title: 'x'.repeat(60_000),
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'title', message: 'Titre : 200 caractères au plus.' },
    });
  });

  it('refuses an over-long verbatim text, pièce title or search, and accepts the limit itself', async () => {
    const verbatim = await ctx.host.call('cases.create', {
      kind: 'review',
      title: 'Long',
      verbatim: 'é'.repeat(50_001),
    });
    expect(verbatim).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'verbatim' },
    });
    const atLimit = await ctx.call<CaseDetail>('cases.create', {
      kind: 'review',
      title: 'Long',
      verbatim: 'é'.repeat(50_000),
    });
    expect(atLimit.texts[0]!.text).toHaveLength(50_000);
    const title = await ctx.host.call('pieces.import', {
      caseId,
      source: { kind: 'bytes', name: 'n.txt', base64: Buffer.from('ok').toString('base64') },
      title: 'p'.repeat(60_000),
    });
    expect(title).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'title' } });
    const search = await ctx.host.call('cases.list', { query: 'q'.repeat(60_000) });
    expect(search).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'query' } });
  });
});

const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;
// eslint-disable-next-line no-control-regex -- looking for control characters is the point
const UNSAFE = /[<>:"\\|?*\u0000-\u001f\u202a-\u202e]/;

describe.skipIf(!(METHOD_NAMES as string[]).includes('export.start'))(
  'bad input: names that reach the export',
  () => {
    it('exports zip-slip and Windows-reserved titles as safe names inside the dossier', async () => {
      const { titles } = JSON.parse(readFileSync(fixture('names.json'), 'utf8')) as {
        titles: string[];
      };
      const detail = await ctx.call<CaseDetail>('cases.create', {
        kind: 'other',
        title: titles[0]!,
      });
      for (const [i, title] of titles.entries()) {
        await ctx.call('pieces.import', {
          caseId: detail.id,
          source: {
            kind: 'bytes',
            name: `${title}.txt`,
            base64: Buffer.from(`pièce ${i}`).toString('base64'),
          },
          title,
        });
      }
      const dest = path.join(ctx.dir, 'exports');
      mkdirSync(dest);
      const around = readdirSync(ctx.dir).sort();
      const { jobId } = await ctx.call<{ jobId: string }>('export.start', {
        caseId: detail.id,
        format: 'folder',
        destination: dest,
      });
      const status = (await jobsOf(ctx.host).wait(jobId)) as JobStatus<ExportResult>;
      expect(status.state, status.message).toBe('done');
      const root = status.result!.path;
      expect(path.dirname(root)).toBe(dest);
      expect(readdirSync(dest)).toEqual([path.basename(root)]);
      const entries = readdirSync(root, { recursive: true }).map(String);
      expect(entries.length).toBeGreaterThan(titles.length);
      for (const rel of [path.basename(root), ...entries]) {
        for (const part of rel.split(path.sep)) {
          expect(part, rel).not.toMatch(RESERVED);
          expect(part, rel).not.toMatch(UNSAFE);
          expect(part, rel).not.toMatch(/^\.|[. ]$/);
        }
        expect(path.resolve(root, rel).startsWith(root), rel).toBe(true);
      }
      // Nothing landed beside the export, nor above it.
      expect(readdirSync(ctx.dir).sort()).toEqual(around);
    });
  },
);
