import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { ExportFormat } from '../../../shared/api/export-api';
import { jobsOf } from '../../../electron/core/app/jobs';
import { exportCase } from '../../../electron/core/export/exporter';
import { hostWithVault } from '../../helpers/host';
import { buildCase, startExport, waitJob, type DemoCase, type Host } from './helpers';

/**
 * What must never happen: a dossier handed over with an altered pièce, or half a dossier left
 * at the destination after a failure or a cancel.
 */
describe('export failures', () => {
  let h: Host;
  let demo: DemoCase;
  let dest: string;

  beforeEach(async () => {
    h = await hostWithVault();
    demo = await buildCase(h);
    dest = path.join(h.dir, 'destination');
    mkdirSync(dest);
  });
  afterEach(() => h.cleanup());

  function blobOf(number: number): string {
    const row = h.host
      .session!.db.prepare('SELECT blob_path FROM pieces WHERE case_id = ? AND number = ?')
      .get(demo.detail.id, number) as { blob_path: string };
    return path.join(h.dir, 'data', 'blobs', ...row.blob_path.split('/'));
  }

  function flipByte(file: string, at: number): void {
    const bytes = readFileSync(file);
    bytes[at] = (bytes[at] ?? 0) ^ 0x01;
    writeFileSync(file, bytes);
  }

  it.each<ExportFormat>(['folder', 'zip', 'zip-aes'])(
    'refuses to export (%s) a pièce altered at rest, names it, and leaves nothing',
    async (format) => {
      const blob = blobOf(2);
      flipByte(blob, Math.floor(readFileSync(blob).length / 2));
      const status = await waitJob(h, (await startExport(h, demo.detail.id, format, dest)).jobId);
      expect(status.state).toBe('failed');
      expect(status.error?.code).toBe('INTEGRITY');
      expect(status.error?.message).toContain('Pièce n° 2');
      expect(status.error?.message).toContain('Aucun fichier n’a été créé');
      expect(readdirSync(dest)).toEqual([]);
      const journal = h.host
        .session!.db.prepare("SELECT count(*) AS n FROM journal WHERE action = 'case.export'")
        .get() as { n: number };
      expect(journal.n).toBe(0);
    },
  );

  it('refuses a pièce whose bytes no longer match the hash recorded at import', async () => {
    // The blob decrypts fine; only the recorded SHA-256 disagrees, as after a bad restore.
    const db = h.host.session!.db;
    db.exec('DROP TRIGGER pieces_stable');
    db.prepare('UPDATE pieces SET sha256 = ? WHERE case_id = ? AND number = 3').run(
      'f'.repeat(64),
      demo.detail.id,
    );
    const status = await waitJob(h, (await startExport(h, demo.detail.id, 'zip', dest)).jobId);
    expect(status.error?.code).toBe('INTEGRITY');
    expect(status.error?.message).toContain('Pièce n° 3');
    expect(readdirSync(dest)).toEqual([]);
  });

  it('refuses a pièce whose blob was truncated', async () => {
    const blob = blobOf(1);
    const bytes = readFileSync(blob);
    writeFileSync(blob, bytes.subarray(0, bytes.length - 20));
    const status = await waitJob(h, (await startExport(h, demo.detail.id, 'folder', dest)).jobId);
    expect(status.error?.code).toBe('INTEGRITY');
    expect(status.error?.message).toContain('Pièce n° 1');
    expect(readdirSync(dest)).toEqual([]);
  });

  it('names a pièce whose blob has disappeared', async () => {
    rmSync(blobOf(3));
    const status = await waitJob(h, (await startExport(h, demo.detail.id, 'zip', dest)).jobId);
    expect(status.error?.code).toBe('NOT_FOUND');
    expect(status.error?.message).toContain('pièce n° 3');
    expect(readdirSync(dest)).toEqual([]);
  });

  it.each<ExportFormat>(['folder', 'zip', 'zip-aes'])(
    'leaves nothing when cancelled mid-export (%s)',
    async (format) => {
      const controller = new AbortController();
      let calls = 0;
      const attempt = exportCase(h.host.session!, {
        caseId: demo.detail.id,
        format,
        destination: dest,
        now: new Date(),
        signal: controller.signal,
        ...(format === 'zip-aes' ? { password: 'abcd-efgh' } : {}),
        onProgress: (done, total) => {
          calls += 1;
          // Abort once some bytes are out but not all: files already sit in the temporary output.
          if (done > 0 && done < total) controller.abort();
        },
      });
      await expect(attempt).rejects.toMatchObject({ code: 'CANCELLED' });
      expect(calls).toBeGreaterThan(1);
      expect(readdirSync(dest)).toEqual([]);
    },
  );

  it('cancels through the jobs API and reports it', async () => {
    const { jobId } = await startExport(h, demo.detail.id, 'folder', dest);
    const after = await h.call<{ state: string }>('jobs.cancel', { id: jobId });
    expect(['running', 'cancelled']).toContain(after.state);
    const status = await waitJob(h, jobId);
    expect(status.state).toBe('cancelled');
    expect(status.message).toContain('annulé');
    expect(readdirSync(dest)).toEqual([]);
  });

  it('cancels a running export when the vault locks', async () => {
    const { jobId } = await startExport(h, demo.detail.id, 'zip-aes', dest);
    const runner = jobsOf(h.host);
    h.host.lock('manual');
    const status = await runner.wait(jobId);
    expect(status.state).toBe('cancelled');
    expect(readdirSync(dest)).toEqual([]);
  });

  it('refuses destinations it cannot use, before starting', async () => {
    const refused = async (destination: string) =>
      h.call('export.start', { caseId: demo.detail.id, format: 'folder', destination }).then(
        () => null,
        (e: { code: string; field?: string; message: string }) => e,
      );
    expect(await refused('relatif/dossier')).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'destination',
    });
    expect(await refused(path.join(h.dir, 'absent'))).toMatchObject({ code: 'NOT_FOUND' });
    const file = path.join(h.dir, 'fichier.txt');
    writeFileSync(file, 'x');
    expect(await refused(file)).toMatchObject({ code: 'INVALID_INPUT' });
    expect(await refused(path.join(h.dir, 'data'))).toMatchObject({ code: 'INVALID_INPUT' });
    expect(await refused('')).toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('refuses an unknown case file and keeps jobs private to their account', async () => {
    await expect(
      h.call('export.start', {
        caseId: '00000000-0000-4000-8000-000000000000',
        format: 'zip',
        destination: dest,
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const { jobId } = await startExport(h, demo.detail.id, 'folder', dest);
    await waitJob(h, jobId);
    await h.addSecretary();
    h.host.lock('manual');
    const accounts = await h.call<{ accounts: Array<{ id: string; label: string }> }>(
      'vault.status',
    );
    const julie = accounts.accounts.find((a) => a.label === 'Julie')!;
    await h.call('vault.unlock', {
      accountId: julie.id,
      passphrase: 'boussole ardoise marelle neuf',
    });
    await expect(h.call('jobs.get', { id: jobId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('never overwrites an earlier export', async () => {
    const first = await waitJob(h, (await startExport(h, demo.detail.id, 'zip', dest)).jobId);
    const second = await waitJob(h, (await startExport(h, demo.detail.id, 'zip', dest)).jobId);
    expect(second.result!.path).not.toBe(first.result!.path);
    expect(second.result!.path.endsWith(' (2).zip')).toBe(true);
    expect(readdirSync(dest).sort()).toHaveLength(2);
  });
});
