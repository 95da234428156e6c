import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type {
  BackupInspection,
  BackupStatus,
  RestoreResult,
} from '../../../shared/api/security-api';
import type { SessionInfo, VaultStatus } from '../../../shared/api/vault-api';
import { AppHost } from '../../../electron/core/app/host';
import { backupService } from '../../../electron/core/backup/service';
import { verifyJournal } from '../../../electron/core/db/journal';
import { hostWithVault } from '../../helpers/host';
import { DOCTOR_PASS, SECRETARY_PASS, TEST_KDF } from '../../helpers/tmp';
import { backupNow, caseWithPieces, dumpTables, MARKERS, type TestHost } from './helpers';

let ctx: TestHost;
let usb: string;
const hosts: AppHost[] = [];

beforeEach(async () => {
  ctx = await hostWithVault();
  usb = path.join(ctx.dir, 'usb');
  mkdirSync(usb);
});
afterEach(() => {
  for (const h of hosts.splice(0)) h.dispose();
  ctx.cleanup();
});

function freshHost(name: string): {
  host: AppHost;
  call: <T>(m: string, i?: unknown) => Promise<T>;
} {
  const host = new AppHost({
    dataDir: path.join(ctx.dir, name),
    demoDir: path.join(ctx.dir, `${name}-demo`),
    resourcesDir: path.resolve('resources'),
    kdf: TEST_KDF,
  });
  hosts.push(host);
  const call = async <T>(method: string, input: unknown = {}): Promise<T> => {
    const result = await host.call(method, input);
    if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
    return result.value as T;
  };
  return { host, call };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

async function configured(keep = 7): Promise<void> {
  await ctx.call('backup.configure', { folder: usb, keep, daily: true });
}

describe('backups', () => {
  it('restores into a fresh folder with identical rows and pièce hashes', async () => {
    await ctx.addSecretary();
    const detail = await caseWithPieces(ctx, 3);
    await configured();
    const summary = await backupNow(ctx);
    expect(summary.files).toBe(2 + 3);
    expect(summary.missing).toBe(0);

    const source = ctx.host.session!.db;
    const doctor = ctx.host.session!.account.id;
    const backupSeq = (
      JSON.parse(readFileSync(path.join(summary.path, 'backup.json'), 'utf8')) as {
        journalSeq: number;
      }
    ).journalSeq;

    const fresh = freshHost('restored');
    const seen = await fresh.call<BackupInspection>('backup.inspect', { path: summary.path });
    expect(seen.doctors.map((d) => d.label)).toEqual(['Dr Lefort']);
    expect(seen.hasRecoveryKey).toBe(true);
    const restored = await fresh.call<RestoreResult>('backup.restore', {
      path: summary.path,
      accountId: doctor,
      passphrase: DOCTOR_PASS,
    });
    expect(restored).toMatchObject({ target: 'current', integrity: 'ok', files: 5 });
    expect((await fresh.call<VaultStatus>('vault.status')).state).toBe('locked');
    await fresh.call<SessionInfo>('vault.unlock', { accountId: doctor, passphrase: DOCTOR_PASS });

    const copy = fresh.host.session!.db;
    expect(dumpTables(copy, ['journal'])).toEqual(dumpTables(source, ['journal']));
    const journal = (db: typeof copy) =>
      db.prepare('SELECT * FROM journal WHERE seq <= ? ORDER BY seq').all(backupSeq);
    expect(journal(copy)).toEqual(journal(source));
    const last = copy.prepare('SELECT action FROM journal ORDER BY seq DESC LIMIT 1').get();
    expect(last).toEqual({ action: 'backup.restore' });
    expect(verifyJournal(copy).ok).toBe(true);

    for (const piece of detail.pieces) {
      const check = await fresh.call<{ ok: boolean; sha256: string }>('pieces.verify', {
        pieceId: piece.id,
      });
      expect(check).toMatchObject({ ok: true, sha256: piece.sha256 });
    }
    // The secretary's account came back too.
    const accounts = await fresh.call<Array<{ label: string }>>('accounts.list');
    expect(accounts.map((a) => a.label)).toEqual(['Dr Lefort', 'Julie']);
  });

  it('writes no plaintext database and no known text into the backup folder', async () => {
    await caseWithPieces(ctx, 2);
    await configured();
    const summary = await backupNow(ctx);
    const db = readFileSync(path.join(summary.path, 'egide.db'));
    expect(db.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    const needles = Object.values(MARKERS).map((m) => Buffer.from(m, 'utf8'));
    needles.push(Buffer.from(DOCTOR_PASS), Buffer.from('Dr Jeanne Lefort'));
    const files = filesUnder(usb);
    expect(files.length).toBeGreaterThan(4);
    for (const file of files) {
      const bytes = readFileSync(file);
      for (const needle of needles) expect(bytes.includes(needle), `${file}`).toBe(false);
    }
    // Nothing half-written is left beside it.
    expect(readdirSync(usb).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('keeps the last N backups of this vault only', async () => {
    await configured(2);
    let minute = 0;
    ctx.host.options.now = () => new Date(Date.UTC(2026, 2, 1, 10, minute));
    const names: string[] = [];
    for (minute = 0; minute < 4; minute += 1) names.push((await backupNow(ctx)).name);
    // Another vault's backup in the same folder is left alone.
    const foreign = path.join(usb, 'Egide-sauvegarde-2000-01-01T00-00-00Z');
    mkdirSync(foreign);
    writeFileSync(path.join(foreign, 'backup.json'), '{"vaultId":"autre"}');
    names.push((await backupNow(ctx)).name);
    expect(readdirSync(usb).sort()).toEqual([...names.slice(-2), path.basename(foreign)].sort());
    const status = await ctx.call<BackupStatus>('backup.status');
    expect(status.backups.map((b) => b.name)).toEqual(names.slice(-2).reverse());
  });

  it('backs up at lock when something changed since the last backup, and not otherwise', async () => {
    await configured();
    const doctor = ctx.host.session!.account.id;
    await caseWithPieces(ctx, 1);
    ctx.host.lock('manual');
    await backupService(ctx.host).whenIdle();
    expect(readdirSync(usb)).toHaveLength(1);

    await ctx.call('vault.unlock', { accountId: doctor, passphrase: DOCTOR_PASS });
    ctx.host.lock('idle');
    await backupService(ctx.host).whenIdle();
    expect(readdirSync(usb)).toHaveLength(1);

    await ctx.call('vault.unlock', { accountId: doctor, passphrase: DOCTOR_PASS });
    await ctx.call('cases.create', { kind: 'other', title: 'Autre dossier' });
    ctx.host.dispose();
    await backupService(ctx.host).whenIdle();
    expect(readdirSync(usb)).toHaveLength(2);
  });

  it('runs the daily backup when the newest one is a day old', async () => {
    await configured();
    const start = Date.UTC(2026, 2, 1, 8, 0);
    let now = start;
    ctx.host.options.now = () => new Date(now);
    await backupNow(ctx);
    now = start + 3 * 3600_000;
    expect(await backupService(ctx.host).tick()).toBeNull();
    now = start + 25 * 3600_000;
    expect(await backupService(ctx.host).tick()).toMatchObject({ files: 2 });
    ctx.host.touch(new Date(now));
    await ctx.call('backup.configure', { folder: usb, keep: 7, daily: false });
    now = start + 50 * 3600_000;
    expect(await backupService(ctx.host).tick()).toBeNull();
  });

  it('shows nothing but the job while locked', async () => {
    await configured();
    await backupNow(ctx);
    ctx.host.lock('manual');
    await backupService(ctx.host).whenIdle();
    const status = await ctx.call<BackupStatus>('backup.status');
    expect(status).toMatchObject({ settings: null, backups: [], last: null });
    expect(status.job).toMatchObject({ kind: 'backup', state: 'done' });
  });
});

describe('restore', () => {
  let backupDir: string;
  let doctor: string;
  let secretary: string;

  beforeEach(async () => {
    secretary = await ctx.addSecretary();
    doctor = ctx.host.session!.account.id;
    await caseWithPieces(ctx, 2);
    await configured();
    backupDir = (await backupNow(ctx)).path;
  });

  it('is the doctor’s: a secretary passphrase or a wrong one restores nothing', async () => {
    const fresh = freshHost('fresh');
    const attempt = (input: object) =>
      fresh.host.call('backup.restore', { path: backupDir, ...input });
    expect(await attempt({ accountId: secretary, passphrase: SECRETARY_PASS })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringContaining('médecin') },
    });
    expect(
      await attempt({ accountId: doctor, passphrase: 'pas la bonne phrase du tout' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PASSPHRASE' },
    });
    expect(await attempt({ recoveryKey: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH' })).toMatchObject(
      {
        ok: false,
        error: { code: 'WRONG_RECOVERY_KEY' },
      },
    );
    expect(await attempt({})).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(existsSync(path.join(ctx.dir, 'fresh'))).toBe(false);
  });

  it('opens with the recovery key into another folder, as a verified copy', async () => {
    // The recovery key of ctx's vault is only known at creation: make a vault we hold it for.
    const own = freshHost('own');
    const made = await own.call<{ recoveryKey: string; session: SessionInfo }>('vault.create', {
      practice: {
        name: 'Cabinet B',
        address: '1 rue B',
        city: 'Lyon',
        phone: '',
        email: '',
        doctorName: 'Dr B',
        rpps: '',
      },
      accountLabel: 'Dr B',
      passphrase: DOCTOR_PASS,
    });
    await own.call('backup.configure', { folder: usb, keep: 7, daily: false });
    const { jobId } = await own.call<{ jobId: string }>('backup.run');
    await backupService(own.host).whenIdle();
    expect(jobId).toMatch(/-/);
    const list = await own.call<BackupStatus>('backup.status');
    const dir = path.join(usb, list.backups[0]!.name);
    own.host.lock('manual');

    const target = path.join(ctx.dir, 'copie-verifiee');
    const result = await own.call<RestoreResult>('backup.restore', {
      path: dir,
      recoveryKey: made.recoveryKey.toLowerCase(),
      targetDir: target,
    });
    expect(result).toMatchObject({ target: 'other', dataDir: target, integrity: 'ok' });
    expect(readdirSync(target).sort()).toEqual(['egide.db', 'vault.json']);
  });

  it('never writes over a vault, and refuses an altered backup leaving nothing behind', async () => {
    const own = await ctx.host.call('backup.restore', {
      path: backupDir,
      accountId: doctor,
      passphrase: DOCTOR_PASS,
    });
    expect(own).toMatchObject({ ok: false, error: { code: 'VAULT_EXISTS' } });

    const blob = filesUnder(path.join(backupDir, 'blobs'))[0]!;
    const bytes = readFileSync(blob);
    bytes[bytes.length - 1]! ^= 1;
    writeFileSync(blob, bytes);
    const fresh = freshHost('fresh2');
    const altered = await fresh.host.call('backup.restore', {
      path: backupDir,
      accountId: doctor,
      passphrase: DOCTOR_PASS,
    });
    expect(altered).toMatchObject({
      ok: false,
      error: { code: 'INTEGRITY', message: expect.stringContaining('Rien n’a été restauré') },
    });
    expect(readdirSync(path.join(ctx.dir, 'fresh2'))).toEqual([]);
  });

  it('refuses a backup.json that names a file outside the backup', async () => {
    const manifestFile = path.join(backupDir, 'backup.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as {
      files: Array<{ path: string }>;
    };
    manifest.files[1]!.path = '../../../etc/passwd';
    writeFileSync(manifestFile, JSON.stringify(manifest));
    const fresh = freshHost('fresh3');
    const result = await fresh.host.call('backup.inspect', { path: backupDir });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'INTEGRITY', message: expect.stringContaining('pas une sauvegarde Égide') },
    });
  });
});
