import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { partialPrefixOf } from '../../../electron/core/backup/manifest';
import { backupService } from '../../../electron/core/backup/service';
import { cleanupOnStart, markBusy } from '../../../electron/core/cleanup';
import { hostWithVault } from '../../helpers/host';
import { DOCTOR_PASS, tempDir } from '../../helpers/tmp';

const VAULT = '3f2a9c1e-7b44-4d0a-9e21-5c6d7e8f9a0b';
const MINE = partialPrefixOf(VAULT);
const OTHER = partialPrefixOf('8c1d2e3f-0000-4000-8000-aaaaaaaaaaaa');

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir('egide-cleanup-');
});
afterEach(() => tmp.cleanup());

function make(root: string, entries: string[]): void {
  for (const e of entries) {
    const full = path.join(root, e);
    if (e.endsWith('/')) mkdirSync(full, { recursive: true });
    else {
      mkdirSync(path.dirname(full), { recursive: true });
      writeFileSync(full, 'x');
    }
  }
}

describe('start-up cleanup', () => {
  it('removes Égide’s temporary names only, in the data, backup and export folders', async () => {
    const data = path.join(tmp.dir, 'data');
    const usb = path.join(tmp.dir, 'usb');
    const out = path.join(tmp.dir, 'exports');
    make(data, [
      '.partial-restore-0a1b2c3d/egide.db',
      '.vault.json.0123456789ab.tmp',
      'vault.json',
      'egide.db',
      'notes-du-medecin.txt',
      '.config-utilisateur',
      'blobs/tmp/abc.part',
      'blobs/ab/abcd.egb',
    ]);
    make(usb, [
      `${MINE}Egide-sauvegarde-2026-03-01T10-00-00Z-1a2b3c4d/egide.db`,
      `${MINE}old-Egide-sauvegarde-2026-02-01T10-00-00Z/backup.json`,
      `${OTHER}Egide-sauvegarde-2026-03-01T10-00-01Z-9f8e7d6c/egide.db`,
      'Egide-sauvegarde-2026-02-28T10-00-00Z/backup.json',
      '.Trash-1000/',
    ]);
    make(out, [
      '.Dossier Avis Google.0123456789ab.part/synthese.docx',
      '.Dossier Avis Google.ba9876543210.zip.part',
      'Dossier Avis Google/synthese.docx',
      '.DS_Store',
      '.egide-probe-0123456789ab',
    ]);

    const removed = await cleanupOnStart(data, {
      backupFolder: usb,
      vaultId: VAULT,
      exportFolders: [out],
    });
    expect(removed).toBe(8);
    expect(readdirSync(data).sort()).toEqual(
      ['.config-utilisateur', 'blobs', 'egide.db', 'notes-du-medecin.txt', 'vault.json'].sort(),
    );
    expect(readdirSync(path.join(data, 'blobs', 'tmp'))).toEqual([]);
    expect(existsSync(path.join(data, 'blobs', 'ab', 'abcd.egb'))).toBe(true);
    // Another computer's backup in progress in a shared folder is left alone.
    expect(readdirSync(usb).sort()).toEqual(
      [
        '.Trash-1000',
        `${OTHER}Egide-sauvegarde-2026-03-01T10-00-01Z-9f8e7d6c`,
        'Egide-sauvegarde-2026-02-28T10-00-00Z',
      ].sort(),
    );
    expect(readdirSync(out).sort()).toEqual(['.DS_Store', 'Dossier Avis Google']);
  });

  it('leaves a partial folder that this process is still writing', async () => {
    const usb = path.join(tmp.dir, 'usb');
    make(usb, [`${MINE}Egide-sauvegarde-x-1/egide.db`]);
    const release = markBusy(path.join(usb, `${MINE}Egide-sauvegarde-x-1`));
    await cleanupOnStart(path.join(tmp.dir, 'data'), { backupFolder: usb, vaultId: VAULT });
    expect(readdirSync(usb)).toHaveLength(1);
    release();
    await cleanupOnStart(path.join(tmp.dir, 'data'), { backupFolder: usb, vaultId: VAULT });
    expect(readdirSync(usb)).toEqual([]);
  });

  it('runs when a vault is unlocked, including in the chosen backup folder', async () => {
    const ctx = await hostWithVault();
    try {
      const usb = path.join(ctx.dir, 'usb');
      mkdirSync(usb);
      await ctx.call('backup.configure', { folder: usb, keep: 3, daily: false });
      const doctor = ctx.host.session!.account.id;
      const vaultId = ctx.host.session!.vaultId;
      ctx.host.lock('manual');
      await backupService(ctx.host).whenIdle();
      make(usb, [`${partialPrefixOf(vaultId)}Egide-sauvegarde-crash-1/egide.db`]);
      make(ctx.dir, ['data/.partial-restore-deadbeef/vault.json']);
      await ctx.call('vault.unlock', { accountId: doctor, passphrase: DOCTOR_PASS });
      await expect.poll(() => readdirSync(usb).filter((n) => n.startsWith('.'))).toEqual([]);
      expect(readdirSync(path.join(ctx.dir, 'data')).filter((n) => n.startsWith('.'))).toEqual([]);
    } finally {
      ctx.cleanup();
    }
  });
});
