import { execFileSync } from 'node:child_process';
import { mkdirSync, promises as fsp, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { METHOD_NAMES } from '../../../shared/api/contract';
import type { JobStatus } from '../../../shared/api/export-api';
import { jobsOf } from '../../../electron/core/app/jobs';
import { hashFile } from '../../../electron/core/backup/copy';
import { readManifest } from '../../../electron/core/backup/manifest';
import { verifyJournal } from '../../../electron/core/db/journal';
import { hostWithVault } from '../../helpers/host';
import { backupNow, caseWithPieces, textPiece, type TestHost } from './helpers';

type Fault = 'ENOSPC' | 'EIO' | 'EACCES';
const FAULTS: Fault[] = ['ENOSPC', 'EIO', 'EACCES'];
const EXPECTED: Record<Fault, { code: string; words: RegExp }> = {
  ENOSPC: { code: 'DISK_FULL', words: /plein/ },
  EIO: { code: 'IO_ERROR', words: /erreur|disque/i },
  EACCES: { code: 'NOT_WRITABLE', words: /accessible en écriture/ },
};

let ctx: TestHost;
let caseId: string;
let fileHandleProto: Record<string, unknown>;

beforeEach(async () => {
  ctx = await hostWithVault();
  caseId = (await caseWithPieces(ctx, 1)).id;
  const probe = await fsp.open(path.join(ctx.dir, 'data', 'vault.json'), 'r');
  fileHandleProto = Object.getPrototypeOf(probe) as Record<string, unknown>;
  await probe.close();
});
afterEach(() => {
  vi.restoreAllMocks();
  ctx.cleanup();
});

/** Makes FileHandle.<method> fail with `code` from its `after`-th call on (in this process). */
function inject(method: 'write' | 'writev' | 'writeFile', code: Fault, after = 0): void {
  const original = fileHandleProto[method] as (...args: unknown[]) => Promise<unknown>;
  let calls = 0;
  vi.spyOn(
    fileHandleProto as Record<string, (...a: unknown[]) => Promise<unknown>>,
    method,
  ).mockImplementation(function (this: unknown, ...args: unknown[]) {
    calls += 1;
    if (calls > after) {
      return Promise.reject(
        Object.assign(new Error(`${code}: injected`), { code, syscall: 'write' }),
      );
    }
    return original.apply(this, args);
  });
}

function expectFrench(error: { code?: string; message?: string } | undefined, fault: Fault): void {
  expect(error?.code).toBe(EXPECTED[fault].code);
  expect(error?.message).toMatch(EXPECTED[fault].words);
  expect(error?.message).not.toMatch(/ENOSPC|EIO|EACCES|injected/);
}

async function originalIntact(): Promise<void> {
  const db = ctx.host.session!.db;
  expect(db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
  expect(verifyJournal(db).ok).toBe(true);
  const pieces = db.prepare('SELECT id FROM pieces').all() as Array<{ id: string }>;
  for (const p of pieces) {
    expect(await ctx.call('pieces.verify', { pieceId: p.id })).toMatchObject({ ok: true });
  }
}

function listRecursive(dir: string): string[] {
  return readdirSync(dir, { recursive: true }).map(String).sort();
}

describe.each(FAULTS)('fault %s', (fault) => {
  it('while saving vault.json: refused in French, old header kept, no temporary file', async () => {
    const dataDir = path.join(ctx.dir, 'data');
    const before = readFileSync(path.join(dataDir, 'vault.json'));
    const entries = readdirSync(dataDir).sort();
    inject('writeFile', fault);
    const result = await ctx.host.call('accounts.add', {
      label: 'Nouvelle secrétaire',
      role: 'secretariat',
      passphrase: 'tournesol lagune vingt sept',
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expectFrench(result.error, fault);
    vi.restoreAllMocks();
    expect(readFileSync(path.join(dataDir, 'vault.json')).equals(before)).toBe(true);
    expect(readdirSync(dataDir).sort()).toEqual(entries);
    expect(await ctx.call<unknown[]>('accounts.list')).toHaveLength(1);
    await originalIntact();
  });

  it('while importing a pièce: refused in French, no pièce, no partial file', async () => {
    const blobs = path.join(ctx.dir, 'data', 'blobs');
    const before = listRecursive(blobs).filter((n) => !n.startsWith('tmp'));
    inject('writev', fault, 0);
    const result = await ctx.host.call('pieces.import', {
      caseId,
      source: {
        kind: 'bytes',
        name: 'n.txt',
        base64: Buffer.from('texte '.repeat(5000)).toString('base64'),
      },
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expectFrench(result.error, fault);
    vi.restoreAllMocks();
    expect(listRecursive(blobs).filter((n) => !(n === 'tmp'))).toEqual(before);
    expect(ctx.host.session!.db.prepare('SELECT count(*) AS n FROM pieces').get()).toEqual({
      n: 1,
    });
    await originalIntact();
  });

  it.skipIf(!(METHOD_NAMES as string[]).includes('export.start'))(
    'while exporting: the job fails in French and leaves nothing at the destination',
    async () => {
      const dest = path.join(ctx.dir, 'exports');
      mkdirSync(dest);
      inject('write', fault, 1);
      const { jobId } = await ctx.call<{ jobId: string }>('export.start', {
        caseId,
        format: 'folder',
        destination: dest,
      });
      const status = await jobsOf(ctx.host).wait(jobId);
      vi.restoreAllMocks();
      expect(status.state).toBe('failed');
      expectFrench(status.error, fault);
      expect(readdirSync(dest)).toEqual([]);
      await originalIntact();
    },
  );

  it('while backing up: the job fails in French, the previous backup stays whole', async () => {
    const usb = path.join(ctx.dir, 'usb');
    mkdirSync(usb);
    await ctx.call('backup.configure', { folder: usb, keep: 5, daily: false });
    const previous = await backupNow(ctx);
    await textPiece(ctx, caseId, 7);
    inject('write', fault, 0);
    const { jobId } = await ctx.call<{ jobId: string }>('backup.run');
    const status = (await jobsOf(ctx.host).wait(jobId)) as JobStatus;
    vi.restoreAllMocks();
    expect(status.state).toBe('failed');
    expectFrench(status.error, fault);
    expect(status.error?.message).toContain('La sauvegarde précédente n’a pas été touchée');
    expect(readdirSync(usb)).toEqual([previous.name]);
    const manifest = await readManifest(previous.path);
    for (const f of manifest.files) {
      expect(await hashFile(path.join(previous.path, f.path))).toEqual({
        size: f.size,
        sha256: f.sha256,
      });
    }
    await originalIntact();
  });
});

describe('backup destination gone', () => {
  it('says the folder is missing when it became a file (drive removed, path reused)', async () => {
    const usb = path.join(ctx.dir, 'usb');
    mkdirSync(usb);
    await ctx.call('backup.configure', { folder: usb, keep: 5, daily: false });
    await fsp.rm(usb, { recursive: true });
    writeFileSync(usb, 'pas un dossier');
    const started = await ctx.host.call('backup.run', {});
    expect(started).toMatchObject({
      ok: false,
      error: { code: 'IO_ERROR', message: expect.stringMatching(/introuvable.*précédente/s) },
    });
    const under = await ctx.host.call('backup.configure', {
      folder: path.join(usb, 'sous-dossier'),
      keep: 5,
      daily: false,
    });
    expect(under).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'folder' } });
    await originalIntact();
  });
});

describe('backup drive full (real tmpfs)', () => {
  it('fails with a French message and keeps the previous backup', async (test) => {
    const mnt = path.join(ctx.dir, 'small-drive');
    mkdirSync(mnt);
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', mnt], { stdio: 'pipe' });
    } catch (error) {
      test.skip(`tmpfs could not be mounted here (${(error as Error).message.split('\n')[0]})`);
      return;
    }
    try {
      await ctx.call('backup.configure', { folder: mnt, keep: 5, daily: false });
      const previous = await backupNow(ctx);
      // About 2.9 MB of text that does not compress: more than the drive has left.
      const big = Array.from(
        { length: 160_000 },
        (_, i) => `${i.toString(36)}-${Math.random().toString(36)}`,
      ).join(' ');
      await ctx.call('settings.update', { maxPieceMiB: 10 });
      await textPiece(ctx, caseId, 8, big, 'Grande pièce');
      const { jobId } = await ctx.call<{ jobId: string }>('backup.run');
      const status = await jobsOf(ctx.host).wait(jobId);
      expect(status.state).toBe('failed');
      expect(status.error).toMatchObject({
        code: 'DISK_FULL',
        message: expect.stringMatching(/plein.*précédente/s),
      });
      expect(readdirSync(mnt)).toEqual([previous.name]);
      const manifest = await readManifest(previous.path);
      for (const f of manifest.files) {
        expect(await hashFile(path.join(previous.path, f.path))).toEqual({
          size: f.size,
          sha256: f.sha256,
        });
      }
      await originalIntact();
    } finally {
      execFileSync('umount', ['-l', mnt]);
    }
  });
});
