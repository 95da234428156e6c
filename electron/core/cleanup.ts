import { promises as fs } from 'node:fs';
import path from 'node:path';

import { partialPrefixOf } from './backup/manifest';
import { readBackupSettings } from './backup/settings';
import { cleanupTmp } from './evidence/blob-store';
import { getLogger } from './log';
import type { OpenVault } from './vault/open-vault';

const log = () => getLogger().child({ subsystem: 'cleanup' });

/**
 * Temporary names written by Égide and nothing else: unfinished backups or restores
 * (`.partial-…`), unfinished atomic writes (`.vault.json.<hex>.tmp`), and unfinished exports
 * (`.<name>.<hex>.part`, `.zip.part`), and write probes (`.egide-probe-<hex>`). A name that does
 * not match is never removed.
 */
const LEFTOVER = /^(?:\.partial-.+|\.[^/\\]+\.[0-9a-f]{12}\.(?:tmp|part|zip\.part))$/;
const PROBE = /^\.egide-probe-[0-9a-f]{12}$/;

/** Work in progress in this process, which a cleanup must not take for a leftover. */
const busy = new Set<string>();

export function markBusy(dir: string): () => void {
  const key = path.resolve(dir);
  busy.add(key);
  return () => {
    busy.delete(key);
  };
}

async function removeLeftovers(dir: string, only?: string): Promise<number> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return 0; // Absent or unplugged: nothing to clean there now.
  }
  let removed = 0;
  for (const name of names) {
    const leftover = LEFTOVER.test(name) && (only === undefined || name.startsWith(only));
    if (!leftover && !PROBE.test(name)) continue;
    const full = path.resolve(dir, name);
    if (busy.has(full)) continue;
    await fs.rm(full, { recursive: true, force: true });
    removed += 1;
  }
  return removed;
}

/**
 * Removes what an interrupted run left behind: partial pièce files (blobs/tmp), this vault's
 * partial backups in the backup folder, partial restores and temporary files in the data folder. Called when a
 * vault is opened, before the user can start anything new.
 */
export async function cleanupOnStart(
  dataDir: string,
  options: { backupFolder?: string | null; vaultId?: string; exportFolders?: string[] } = {},
): Promise<number> {
  let removed = await cleanupTmp(path.join(dataDir, 'blobs'));
  removed += await removeLeftovers(dataDir);
  if (options.backupFolder && options.vaultId) {
    // Only this vault's: another computer may be writing its own backup to a shared folder.
    removed += await removeLeftovers(options.backupFolder, partialPrefixOf(options.vaultId));
  }
  for (const folder of options.exportFolders ?? []) removed += await removeLeftovers(folder);
  return removed;
}

/**
 * The host's call when a session starts; failures are logged, never shown.
 * Limitation: export destinations are not recorded anywhere, so an export interrupted by a crash
 * leaves its hidden `.part` in that folder until the user deletes it; tests pass the folder.
 */
export function cleanupAfterUnlock(vault: OpenVault): void {
  let backupFolder: string | null;
  try {
    backupFolder = readBackupSettings(vault.db).folder;
  } catch {
    backupFolder = null;
  }
  void cleanupOnStart(vault.dataDir, { backupFolder, vaultId: vault.vaultId })
    .then((removed) => {
      if (removed > 0) log().info({ removed }, 'leftovers removed');
    })
    .catch((error: unknown) => log().warn({ err: error }, 'cleanup failed'));
}
