import { randomBytes } from 'node:crypto';
import {
  promises as fs,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  openSync,
  readSync,
  closeSync,
} from 'node:fs';
import path from 'node:path';

import { AppError } from '../../../shared/api/errors';
import type { BackupSummary } from '../../../shared/api/security-api';
import { markBusy } from '../cleanup';
import { currentVersion } from '../db/migrations';
import { fsError, fsyncDir } from '../fs/atomic';
import { blobDir } from '../pieces/pieces';
import { DATABASE_FILE, HEADER_FILE } from '../vault/header';
import type { OpenVault } from '../vault/open-vault';
import { copyHashed, hashFile, mkdirUnder, syncTree, writeNew } from './copy';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  backupName,
  BLOB_REL,
  MANIFEST_FILE,
  partialPrefixOf,
  rotateBackups,
  type BackupManifest,
  type BackupTrigger,
  type ManifestFile,
} from './manifest';
import type { ProgressSink } from './progress';

const INTACT = ' La sauvegarde précédente n’a pas été touchée.';
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** A French message that says what failed and that the previous backup is still there. */
export function backupError(error: unknown): AppError {
  if (error instanceof AppError && error.message.endsWith(INTACT)) return error;
  const code = String((error as { code?: unknown }).code ?? '');
  let base: AppError;
  if (error instanceof AppError) base = error;
  else if (code === 'SQLITE_FULL') {
    base = new AppError('DISK_FULL', 'Sauvegarde impossible : le support de sauvegarde est plein.');
  } else if (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_IOERR')) {
    base = new AppError(
      'IO_ERROR',
      'Sauvegarde impossible : le support de sauvegarde ne répond plus (retiré ou débranché ?).',
    );
  } else base = fsError(error, 'Sauvegarde impossible');
  return new AppError(base.code, `${base.message}${INTACT}`);
}

/** The part of a backup that needs the open vault: taken at once, before a lock closes it. */
export interface Snapshot {
  folder: string;
  partialDir: string;
  name: string;
  createdAt: Date;
  vaultId: string;
  schemaVersion: number;
  journalSeq: number;
  trigger: BackupTrigger;
  header: Buffer;
  blobRoot: string;
  blobs: string[];
  keep: number;
  /** Tells the start-up cleanup that the partial folder is in use. */
  release: () => void;
}

function requireFolder(folder: string): void {
  let isDir: boolean;
  try {
    isDir = statSync(folder).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir) {
    throw new AppError(
      'IO_ERROR',
      'Sauvegarde impossible : le dossier de sauvegarde est introuvable (clé USB ou disque ' +
        'réseau débranché ?). Rebranchez-le, ou choisissez un autre dossier dans Paramètres › ' +
        `Sauvegardes.${INTACT}`,
    );
  }
}

/**
 * Synchronous on purpose: the lock calls it and then closes the database. VACUUM INTO writes a
 * consistent copy of the database, encrypted with the same key (checked below: a copy that
 * starts with the plain SQLite header is deleted, never kept).
 */
export function takeSnapshot(
  vault: OpenVault,
  target: { folder: string; keep: number },
  trigger: BackupTrigger,
  now: Date,
): Snapshot {
  requireFolder(target.folder);
  const name = backupName(now);
  const partialDir = path.join(
    target.folder,
    `${partialPrefixOf(vault.vaultId)}${name}-${randomBytes(4).toString('hex')}`,
  );
  let release: () => void = () => undefined;
  try {
    const header = readFileSync(path.join(vault.dataDir, HEADER_FILE));
    vault.change({ action: 'backup.run', entity: 'backup', details: { trigger } }, () => null, now);
    const { seq } = vault.db.prepare('SELECT coalesce(max(seq), 0) AS seq FROM journal').get() as {
      seq: number;
    };
    mkdirSync(partialDir, { mode: 0o700 });
    release = markBusy(partialDir);
    const dbCopy = path.join(partialDir, DATABASE_FILE);
    vault.db.prepare('VACUUM INTO ?').run(dbCopy);
    if (startsWithPlainHeader(dbCopy)) {
      throw new AppError(
        'INTERNAL',
        'Sauvegarde refusée : la copie de la base n’était pas chiffrée. Rien n’a été conservé.',
      );
    }
    const blobs = (
      vault.db.prepare('SELECT blob_path FROM pieces ORDER BY blob_path').all() as Array<{
        blob_path: string;
      }>
    )
      .map((r) => r.blob_path)
      // A malformed path could not be listed in backup.json; the pièce check reports it.
      .filter((rel) => BLOB_REL.test(rel));
    return {
      folder: target.folder,
      partialDir,
      name,
      createdAt: now,
      vaultId: vault.vaultId,
      schemaVersion: currentVersion(vault.db),
      journalSeq: seq,
      trigger,
      header,
      blobRoot: blobDir(vault),
      blobs,
      keep: target.keep,
      release,
    };
  } catch (error) {
    release();
    rmSync(partialDir, { recursive: true, force: true });
    throw backupError(error);
  }
}

function startsWithPlainHeader(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(SQLITE_HEADER.length);
    readSync(fd, head, 0, head.length, 0);
    return head.equals(SQLITE_HEADER);
  } finally {
    closeSync(fd);
  }
}

async function sizeOrNull(file: string): Promise<number | null> {
  try {
    return (await fs.stat(file)).size;
  } catch {
    return null;
  }
}

/** Needs no key: copies the already-encrypted pièce files, writes backup.json, renames. */
export async function finishBackup(snap: Snapshot, sink?: ProgressSink): Promise<BackupSummary> {
  try {
    const files: ManifestFile[] = [];
    const missing: string[] = [];
    const dbCopy = path.join(snap.partialDir, DATABASE_FILE);
    const sources: Array<{ rel: string; src: string }> = [];
    let total = (await fs.stat(dbCopy)).size;
    for (const rel of snap.blobs) {
      const src = path.join(snap.blobRoot, ...rel.split('/'));
      const size = await sizeOrNull(src);
      if (size === null) missing.push(`blobs/${rel}`);
      else {
        sources.push({ rel: `blobs/${rel}`, src });
        total += size;
      }
    }
    sink?.phase('Copie de la base', total);
    files.push({
      path: HEADER_FILE,
      ...(await writeNew(path.join(snap.partialDir, HEADER_FILE), snap.header)),
    });
    const db = await hashFile(dbCopy);
    files.push({ path: DATABASE_FILE, ...db });
    sink?.add(db.size);
    sink?.phase('Copie des pièces');
    for (const s of sources) {
      await mkdirUnder(snap.partialDir, path.posix.dirname(s.rel));
      const dst = path.join(snap.partialDir, ...s.rel.split('/'));
      files.push({ path: s.rel, ...(await copyHashed(s.src, dst, (n) => sink?.add(n))) });
    }
    sink?.phase('Vérification et finalisation');
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      createdAt: snap.createdAt.toISOString(),
      vaultId: snap.vaultId,
      schemaVersion: snap.schemaVersion,
      journalSeq: snap.journalSeq,
      trigger: snap.trigger,
      files,
      missing,
    };
    await writeNew(
      path.join(snap.partialDir, MANIFEST_FILE),
      `${JSON.stringify(manifest, null, 2)}\n`,
    );
    await syncTree(snap.partialDir);
    const finalDir = await freeName(snap.folder, snap.name);
    await fs.rename(snap.partialDir, finalDir);
    await fsyncDir(snap.folder);
    await rotateBackups(snap.folder, snap.vaultId, snap.keep).catch(() => 0);
    return {
      name: path.basename(finalDir),
      path: finalDir,
      createdAt: manifest.createdAt,
      files: files.length,
      bytes: files.reduce((sum, f) => sum + f.size, 0),
      missing: missing.length,
    };
  } catch (error) {
    await fs.rm(snap.partialDir, { recursive: true, force: true }).catch(() => undefined);
    throw backupError(error);
  } finally {
    snap.release();
  }
}

/** Two backups in the same second get `-2`, `-3`…: an existing backup is never replaced. */
async function freeName(folder: string, name: string): Promise<string> {
  for (let i = 1; ; i += 1) {
    const candidate = path.join(folder, i === 1 ? name : `${name}-${i}`);
    if ((await sizeOrNull(candidate)) === null) return candidate;
  }
}
