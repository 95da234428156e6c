import { describe, expect, it } from 'vitest';

import { AppError } from '../../../shared/api/errors';
import { JobRunner } from '../../../electron/core/app/jobs';
import { buildSums } from '../../../electron/core/export/manifest';
import { generateZipPassword } from '../../../electron/core/export/password';

describe('JobRunner', () => {
  it('reports progress, then the result', async () => {
    const jobs = new JobRunner();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const id = jobs.start({
      kind: 'test',
      owner: 'a',
      run: async ({ progress }) => {
        progress(5, 10, 'moitié');
        await gate;
        return { ok: 42 };
      },
    });
    await Promise.resolve();
    expect(jobs.get(id, 'a')).toMatchObject({
      state: 'running',
      done: 5,
      total: 10,
      message: 'moitié',
    });
    release();
    expect(await jobs.wait(id)).toMatchObject({ state: 'done', result: { ok: 42 } });
  });

  it('turns an AppError into a failed job with its French message', async () => {
    const jobs = new JobRunner();
    const id = jobs.start({
      kind: 'test',
      owner: 'a',
      run: async () => {
        throw new AppError('DISK_FULL', 'Le disque est plein.');
      },
    });
    const status = await jobs.wait(id);
    expect(status).toMatchObject({ state: 'failed', message: 'Le disque est plein.' });
    expect(status.error).toEqual({ code: 'DISK_FULL', message: 'Le disque est plein.' });
  });

  it('hides unexpected errors behind a French message', async () => {
    const jobs = new JobRunner();
    const id = jobs.start({
      kind: 'test',
      owner: 'a',
      run: async () => {
        throw new TypeError('x is undefined at /home/secret/path');
      },
    });
    const status = await jobs.wait(id);
    expect(status.error?.code).toBe('INTERNAL');
    expect(status.message).not.toContain('secret');
  });

  it('cancels through the signal, and a cancelled job says so', async () => {
    const jobs = new JobRunner();
    const id = jobs.start({
      kind: 'test',
      owner: 'a',
      run: ({ signal }) =>
        new Promise((_resolve, reject) => {
          signal.addEventListener('abort', () => reject(new Error('aborted')));
        }),
    });
    expect(jobs.cancel(id, 'a').state).toBe('running');
    expect(await jobs.wait(id)).toMatchObject({ state: 'cancelled' });
    expect(jobs.get(id, 'a').error).toBeUndefined();
  });

  it('keeps each job to its owner', () => {
    const jobs = new JobRunner();
    const id = jobs.start({ kind: 'test', owner: 'a', run: async () => 1 });
    expect(() => jobs.get(id, 'b')).toThrow(AppError);
    expect(() => jobs.cancel(id, 'b')).toThrow(AppError);
    expect(() => jobs.get('nope', 'a')).toThrow(/introuvable/);
  });

  it('ignores progress reported after the end', async () => {
    const jobs = new JobRunner();
    let late: (n: number) => void = () => undefined;
    const id = jobs.start({
      kind: 'test',
      owner: 'a',
      run: async ({ progress }) => {
        late = (n) => progress(n, n);
        progress(10, 10);
        return null;
      },
    });
    await jobs.wait(id);
    late(99);
    expect(jobs.get(id, 'a')).toMatchObject({ done: 10, total: 10 });
  });
});

describe('SHA256SUMS', () => {
  const hash = 'a'.repeat(64);

  it('uses the coreutils text format: hash, two spaces, relative path', () => {
    const sums = buildSums([
      { path: '00 - Synthèse.docx', sha256: hash },
      { path: 'Pièces/Pièce 01 - Capture.png', sha256: 'b'.repeat(64) },
    ]).toString('utf8');
    expect(sums).toBe(
      `${hash}  00 - Synthèse.docx\n${'b'.repeat(64)}  Pièces/Pièce 01 - Capture.png\n`,
    );
  });

  it('refuses a path sha256sum would misread, and a malformed hash', () => {
    expect(() => buildSums([{ path: 'a\\b', sha256: hash }])).toThrow();
    expect(() => buildSums([{ path: 'a\nb', sha256: hash }])).toThrow();
    expect(() => buildSums([{ path: 'a', sha256: 'XYZ' }])).toThrow();
  });
});

describe('generateZipPassword', () => {
  it('gives six groups of four unambiguous characters, different each time', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 50; i += 1) {
      const p = generateZipPassword();
      expect(p).toMatch(/^([A-HJ-NP-Za-km-z2-9]{4}-){5}[A-HJ-NP-Za-km-z2-9]{4}$/);
      seen.add(p);
    }
    expect(seen.size).toBe(50);
  });
});
