import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { CaseDetail, ChronologyEvent, Piece } from '../../../shared/api/cases-api';
import { hostWithVault } from '../../helpers/host';

/** A real, tiny PNG (1×1, RGBA). */
function png(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type), data])));
    return Buffer.concat([len, Buffer.from(type), data, crc]);
  };
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.from([0, 255, 0, 0, 255]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

const REVIEW = 'Ce médecin est un charlatan, il m’a reçu dix minutes et n’a rien écouté.';

let ctx: Awaited<ReturnType<typeof hostWithVault>>;
beforeEach(async () => {
  ctx = await hostWithVault();
});
afterEach(() => ctx.cleanup());

async function newReview(): Promise<CaseDetail> {
  return ctx.call<CaseDetail>('cases.create', {
    kind: 'review',
    title: 'Avis Google du 2 mars',
    platform: 'Google',
    url: 'https://maps.google.com/review/123',
    authorPseudonym: 'Patient mécontent',
    firstPosted: '2026-03-02',
    firstPostedHow: 'page',
    discovered: '2026-03-05',
    verbatim: REVIEW,
  });
}

describe('case files', () => {
  it('creates a review case with its verbatim text as version 1 and a path to qualify', async () => {
    const c = await newReview();
    expect(c.texts).toHaveLength(1);
    expect(c.texts[0]).toMatchObject({ version: 1, text: REVIEW });
    expect(c.path).toBe('a-qualifier');
    expect(c.steps).toEqual([]);
    expect(c.status).toBe('ouvert');
  });

  it('keeps the first text when a correction adds a version', async () => {
    const c = await newReview();
    const corrected = await ctx.call<CaseDetail>('cases.correctText', {
      caseId: c.id,
      text: 'Autre texte',
      reason: 'Avis modifié par son auteur',
    });
    expect(corrected.texts.map((t) => t.text)).toEqual([REVIEW, 'Autre texte']);
    await expect(
      ctx.call('cases.correctText', { caseId: c.id, text: 'x', reason: '' }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('qualifies, keeps the history, and gives the five paliers', async () => {
    const c = await newReview();
    await ctx.call('cases.qualify', { caseId: c.id, lawful: true, categories: [] });
    const q = await ctx.call<CaseDetail>('cases.qualify', {
      caseId: c.id,
      lawful: false,
      categories: ['injure', 'diffamation'],
    });
    expect(q.qualifications).toHaveLength(2);
    expect(q.qualifications[0]).toMatchObject({
      lawful: false,
      categories: ['injure', 'diffamation'],
      by: 'Dr Lefort',
    });
    expect(q.path).toBe('paliers');
    expect(q.steps.map((s) => s.id)).toEqual([
      'palier-1',
      'palier-2',
      'palier-3',
      'palier-4',
      'palier-5',
    ]);
    await expect(
      ctx.call('cases.qualify', { caseId: c.id, lawful: false, categories: [] }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(
      ctx.call('cases.qualify', { caseId: c.id, lawful: true, categories: ['injure'] }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('advances steps: done with a date, set aside with a reason, and the next step follows', async () => {
    const c = await newReview();
    await ctx.call('cases.qualify', { caseId: c.id, lawful: false, categories: ['injure'] });
    await ctx.call('cases.setStep', {
      caseId: c.id,
      stepId: 'palier-1',
      state: 'fait',
      date: '2026-03-06',
    });
    await expect(
      ctx.call('cases.setStep', { caseId: c.id, stepId: 'palier-2', state: 'ecarte' }),
    ).rejects.toMatchObject({ field: 'reason' });
    const d = await ctx.call<CaseDetail>('cases.setStep', {
      caseId: c.id,
      stepId: 'palier-2',
      state: 'ecarte',
      reason: 'Auteur non identifiable',
    });
    expect(d.steps[0]).toMatchObject({ state: 'fait', date: '2026-03-06' });
    expect(d.steps[1]).toMatchObject({ state: 'ecarte', reason: 'Auteur non identifiable' });
    expect(d.nextStep?.id).toBe('palier-3');
    await expect(
      ctx.call('cases.setStep', { caseId: c.id, stepId: 'opposition-envoyee', state: 'fait' }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('gives a listing the RGPD path without qualification', async () => {
    const c = await ctx.call<CaseDetail>('cases.create', {
      kind: 'listing',
      title: 'Fiche Doctoome',
      platform: 'Doctoome',
      url: 'https://www.doctoome.com/x',
    });
    expect(c.path).toBe('fiche');
    expect(c.steps.map((s) => s.id)).toEqual([
      'opposition-envoyee',
      'reponse-ou-delai',
      'cnil-ou-refere',
      'dereferencement',
    ]);
  });

  it('closes only with an outcome', async () => {
    const c = await newReview();
    await expect(
      ctx.call('cases.setStatus', { caseId: c.id, status: 'clos' }),
    ).rejects.toMatchObject({ field: 'outcome' });
    const closed = await ctx.call<CaseDetail>('cases.setStatus', {
      caseId: c.id,
      status: 'clos',
      outcome: 'supprime',
    });
    expect(closed).toMatchObject({ status: 'clos', outcome: 'supprime' });
  });

  it('searches accent- and case-insensitively across texts, notes and pièce descriptions', async () => {
    const c = await newReview();
    await ctx.call('cases.create', {
      kind: 'other',
      title: 'Forum',
      notes: 'Message sur un forum de quartier',
    });
    for (const q of ['medecin', 'MÉDECIN', 'charlat']) {
      expect(
        (await ctx.call<Array<{ id: string }>>('cases.list', { query: q })).map((x) => x.id),
      ).toEqual([c.id]);
    }
    expect(await ctx.call('cases.list', { query: 'quartier' })).toHaveLength(1);
    expect(await ctx.call('cases.list', { query: '"); DROP TABLE case_files; --' })).toEqual([]);
    await ctx.call('pieces.import', {
      caseId: c.id,
      source: { kind: 'bytes', name: 'a.png', base64: png().toString('base64') },
      capture: { description: 'Capture prise sur ordinateur portable' },
    });
    expect(await ctx.call('cases.list', { query: 'portable' })).toHaveLength(1);
    expect(await ctx.call('cases.list', { kind: 'other' })).toHaveLength(1);
  });
});

describe('pièces', () => {
  it('imports a PNG with its SHA-256 and a stable number; the bytes on disk are encrypted', async () => {
    const c = await newReview();
    const bytes = png();
    const first = await ctx.call<Piece>('pieces.import', {
      caseId: c.id,
      source: { kind: 'bytes', name: 'capture.pdf', base64: bytes.toString('base64') },
      title: 'Capture de l’avis',
    });
    const second = await ctx.call<Piece>('pieces.import', {
      caseId: c.id,
      source: { kind: 'bytes', name: 'b.png', base64: bytes.toString('base64') },
    });
    expect(first).toMatchObject({
      number: 1,
      mime: 'image/png',
      size: bytes.length,
      width: 1,
      height: 1,
    });
    expect(first.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(first.warnings.join(' ')).toMatch(/pdf/i);
    expect(second.number).toBe(2);

    const content = await ctx.call<{ base64: string }>('pieces.content', { pieceId: first.id });
    expect(Buffer.from(content.base64, 'base64')).toEqual(bytes);

    await ctx.call('pieces.withdraw', { pieceId: first.id, reason: 'Doublon' });
    const third = await ctx.call<Piece>('pieces.import', {
      caseId: c.id,
      source: { kind: 'bytes', name: 'c.png', base64: bytes.toString('base64') },
    });
    expect(third.number).toBe(3);
    const detail = await ctx.call<CaseDetail>('cases.get', { caseId: c.id });
    expect(detail.pieces.map((p) => [p.number, p.withdrawn?.reason ?? null])).toEqual([
      [1, 'Doublon'],
      [2, null],
      [3, null],
    ]);
    expect(detail.pieceCount).toBe(2);
  });

  it('refuses SVG and HTML from their bytes, and oversize files before reading them', async () => {
    const c = await newReview();
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    );
    await expect(
      ctx.call('pieces.import', {
        caseId: c.id,
        source: { kind: 'bytes', name: 'image.png', base64: svg.toString('base64') },
      }),
    ).rejects.toMatchObject({ code: 'FILE_REFUSED', message: expect.stringMatching(/SVG/) });
    const html = Buffer.from('<!doctype html><html><body>x</body></html>');
    await expect(
      ctx.call('pieces.import', {
        caseId: c.id,
        source: { kind: 'bytes', name: 'page.html', base64: html.toString('base64') },
      }),
    ).rejects.toMatchObject({ code: 'FILE_REFUSED' });

    await ctx.call('settings.update', { maxPieceMiB: 1 });
    const big = path.join(ctx.dir, 'big.png');
    writeFileSync(big, Buffer.concat([png(), Buffer.alloc(2 * 1024 * 1024)]));
    await expect(
      ctx.call('pieces.import', { caseId: c.id, source: { kind: 'path', path: big } }),
    ).rejects.toMatchObject({ code: 'FILE_TOO_LARGE' });
    expect((await ctx.call<CaseDetail>('cases.get', { caseId: c.id })).pieces).toHaveLength(0);
  });

  it('detects a pièce altered at rest', async () => {
    const c = await newReview();
    const piece = await ctx.call<Piece>('pieces.import', {
      caseId: c.id,
      source: { kind: 'bytes', name: 'a.png', base64: png().toString('base64') },
    });
    expect(await ctx.call('pieces.verify', { pieceId: piece.id })).toMatchObject({ ok: true });
    const blobs = path.join(ctx.dir, 'data', 'blobs');
    const sub = readdirSync(blobs).find((d) => d !== 'tmp')!;
    const file = path.join(blobs, sub, readdirSync(path.join(blobs, sub))[0]!);
    const raw = readFileSync(file);
    raw[raw.length - 20] ^= 0xff;
    writeFileSync(file, raw);
    expect(await ctx.call('pieces.verify', { pieceId: piece.id })).toMatchObject({ ok: false });
    await expect(ctx.call('pieces.content', { pieceId: piece.id })).rejects.toMatchObject({
      code: 'INTEGRITY',
    });
  });

  it('lists the chronology in date order', async () => {
    const c = await newReview();
    await ctx.call('cases.qualify', { caseId: c.id, lawful: false, categories: ['injure'] });
    await ctx.call('cases.setStep', {
      caseId: c.id,
      stepId: 'palier-1',
      state: 'fait',
      date: '2026-03-06',
    });
    const events = await ctx.call<ChronologyEvent[]>('cases.chronology', { caseId: c.id });
    expect(events[0]).toMatchObject({ kind: 'publication', date: '2026-03-02' });
    expect(events[1]).toMatchObject({ kind: 'decouverte', date: '2026-03-05' });
    expect(events.map((e) => e.kind)).toEqual(expect.arrayContaining(['qualification', 'etape']));
    const dates = events.map((e) => e.date);
    expect([...dates].sort()).toEqual(dates);
  });

  it('records who captured the verbatim text, and the journal has the case history', async () => {
    const c = await newReview();
    expect(c.texts[0]!.by).toBe('Dr Lefort');
    const rows = ctx.host
      .session!.db.prepare('SELECT action FROM journal WHERE case_id = ?')
      .all(c.id);
    expect(rows).toEqual([{ action: 'case.create' }]);
  });
});
