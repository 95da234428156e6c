import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

import { AppError } from '../../../shared/api/errors';
import type { BackupInspection } from '../../../shared/api/security-api';
import { markBusy } from '../cleanup';
import { open } from '../crypto/aead';
import { deriveKey } from '../crypto/kdf';
import { normalizeRecoveryKey, recoveryWrappingKey } from '../crypto/recovery-key';
import { appendJournal } from '../db/journal';
import { openDatabase, type Db } from '../db/open';
import { ensureWritableDir, fsError, fsyncDir } from '../fs/atomic';
import {
  DATABASE_FILE,
  HEADER_FILE,
  headerIsAuthentic,
  readHeader,
  slotAad,
  type PassphraseSlot,
  type RecoverySlot,
  type VaultHeader,
} from '../vault/header';
import { copyHashed, mkdirUnder } from './copy';
import { PARTIAL_PREFIX, readManifest, type BackupManifest } from './manifest';
import type { ProgressSink } from './progress';

export interface RestoreCredentials {
  accountId?: string | undefined;
  passphrase?: string | undefined;
  recoveryKey?: string | undefined;
}

async function readBackup(dir: string): Promise<{ manifest: BackupManifest; header: VaultHeader }> {
  const manifest = await readManifest(dir);
  const header = await readHeader(dir);
  if (!header || header.vaultId !== manifest.vaultId) {
    throw new AppError(
      'INTEGRITY',
      'Le fichier vault.json de cette sauvegarde manque ou ne correspond pas à backup.json. ' +
        'Choisissez une autre sauvegarde.',
    );
  }
  return { manifest, header };
}

/** What the lock screen shows before asking for a passphrase: no key needed, nothing written. */
export async function inspectBackup(dir: string): Promise<BackupInspection> {
  const { manifest, header } = await readBackup(dir);
  return {
    path: dir,
    createdAt: manifest.createdAt,
    vaultId: manifest.vaultId,
    files: manifest.files.length,
    bytes: manifest.files.reduce((sum, f) => sum + f.size, 0),
    doctors: header.slots.flatMap((s) =>
      s.kind === 'passphrase' && s.role === 'medecin'
        ? [{ id: s.accountId, label: s.label, role: s.role }]
        : [],
    ),
    hasRecoveryKey: header.slots.some((s) => s.kind === 'recovery'),
  };
}

/**
 * Only the doctor restores: from the lock screen there is no session, so the backup's own
 * vault.json must be opened with a doctor's passphrase or the recovery key.
 */
async function unwrapDataKey(header: VaultHeader, creds: RestoreCredentials): Promise<Buffer> {
  let dataKey: Buffer | null = null;
  if (creds.recoveryKey) {
    const normalized = normalizeRecoveryKey(creds.recoveryKey);
    const slot = header.slots.find((s): s is RecoverySlot => s.kind === 'recovery');
    if (normalized && slot) {
      const { wrapped, ...body } = slot;
      const kek = recoveryWrappingKey(normalized, slot.salt);
      dataKey = open(kek, wrapped, slotAad(header.vaultId, body));
    }
    if (!dataKey) {
      throw new AppError(
        'WRONG_RECOVERY_KEY',
        'Clé de secours incorrecte pour cette sauvegarde. Recopiez-la depuis la feuille imprimée.',
        'recoveryKey',
      );
    }
  } else if (creds.accountId && creds.passphrase) {
    const slot = header.slots.find(
      (s): s is PassphraseSlot => s.kind === 'passphrase' && s.accountId === creds.accountId,
    );
    if (!slot) {
      throw new AppError('NOT_FOUND', 'Ce compte n’existe pas dans cette sauvegarde.', 'accountId');
    }
    if (slot.role !== 'medecin') {
      throw new AppError(
        'FORBIDDEN',
        'La restauration d’une sauvegarde est réservée au médecin : saisissez la phrase de passe ' +
          'd’un compte médecin, ou la clé de secours.',
        'accountId',
      );
    }
    const { wrapped, ...body } = slot;
    dataKey = open(
      await deriveKey(creds.passphrase, slot.kdf),
      wrapped,
      slotAad(header.vaultId, body),
    );
    if (!dataKey) {
      throw new AppError(
        'WRONG_PASSPHRASE',
        'Phrase de passe incorrecte pour ce compte de la sauvegarde.',
        'passphrase',
      );
    }
  } else {
    throw new AppError(
      'INVALID_INPUT',
      'Saisissez la phrase de passe d’un compte médecin, ou la clé de secours.',
      'passphrase',
    );
  }
  if (!headerIsAuthentic(dataKey, header)) {
    dataKey.fill(0);
    throw new AppError(
      'INTEGRITY',
      'Le fichier vault.json de cette sauvegarde a été modifié : elle n’est pas restaurée.',
    );
  }
  return dataKey;
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

/**
 * Restores a backup into a folder without a vault: every file's SHA-256 is checked against
 * backup.json while it is copied to a staging folder, the database is opened with the unwrapped
 * key and passes PRAGMA integrity_check, and only then are the files moved in, vault.json last
 * (a folder is a vault once vault.json is there).
 */
export async function restoreBackup(
  backupDir: string,
  creds: RestoreCredentials,
  targetDir: string,
  sink?: ProgressSink,
  now: Date = new Date(),
): Promise<{ files: number; bytes: number }> {
  const { manifest, header } = await readBackup(backupDir);
  const dataKey = await unwrapDataKey(header, creds);
  let staging: string | null = null;
  let release: () => void = () => undefined;
  try {
    if (await exists(path.join(targetDir, HEADER_FILE))) {
      throw new AppError(
        'VAULT_EXISTS',
        'Ce dossier contient déjà un coffre : une restauration ne l’écrase jamais. Choisissez un ' +
          'autre dossier, vide.',
        'targetDir',
      );
    }
    await ensureWritableDir(targetDir);
    staging = path.join(targetDir, `${PARTIAL_PREFIX}restore-${randomBytes(4).toString('hex')}`);
    await fs.mkdir(staging, { mode: 0o700 });
    release = markBusy(staging);

    const bytes = manifest.files.reduce((sum, f) => sum + f.size, 0);
    sink?.phase('Copie et vérification des fichiers', bytes);
    for (const f of manifest.files) {
      const parts = f.path.split('/');
      let copied;
      try {
        await mkdirUnder(staging, path.posix.dirname(f.path));
        copied = await copyHashed(
          path.join(backupDir, ...parts),
          path.join(staging, ...parts),
          (n) => sink?.add(n),
        );
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        copied = null;
      }
      if (!copied || copied.size !== f.size || copied.sha256 !== f.sha256) {
        throw new AppError(
          'INTEGRITY',
          `Sauvegarde altérée : le fichier ${f.path} ${copied ? 'ne correspond plus à son empreinte' : 'manque'}. ` +
            'Rien n’a été restauré ; essayez une autre sauvegarde.',
        );
      }
    }

    sink?.phase('Contrôle de la base restaurée');
    checkDatabase(path.join(staging, DATABASE_FILE), dataKey, (db) =>
      appendJournal(
        db,
        {
          accountId: creds.recoveryKey ? null : (creds.accountId ?? null),
          action: 'backup.restore',
          details: { via: creds.recoveryKey ? 'recovery' : 'passphrase', of: manifest.createdAt },
        },
        now,
      ),
    );

    sink?.phase('Mise en place');
    await setAsideLeftovers(targetDir);
    if (await exists(path.join(staging, 'blobs'))) {
      await fs.rename(path.join(staging, 'blobs'), path.join(targetDir, 'blobs'));
    }
    await fs.rename(path.join(staging, DATABASE_FILE), path.join(targetDir, DATABASE_FILE));
    await fsyncDir(targetDir);
    await fs.rename(path.join(staging, HEADER_FILE), path.join(targetDir, HEADER_FILE));
    await fsyncDir(targetDir);
    return { files: manifest.files.length, bytes };
  } catch (error) {
    throw fsError(error, 'Restauration impossible');
  } finally {
    dataKey.fill(0);
    release();
    if (staging) await fs.rm(staging, { recursive: true, force: true }).catch(() => undefined);
  }
}

/** Integrity check, then the restore's own journal entry, written into the restored database. */
function checkDatabase(file: string, dataKey: Buffer, record: (db: Db) => void): void {
  const db = openDatabase(file, dataKey, { create: false });
  try {
    const rows = db.pragma('integrity_check') as Array<{ integrity_check: string }>;
    if (rows.length !== 1 || rows[0]?.integrity_check !== 'ok') {
      throw new AppError(
        'VAULT_DAMAGED',
        'La base de cette sauvegarde est endommagée (contrôle d’intégrité en échec). Rien n’a été ' +
          'restauré ; essayez une autre sauvegarde.',
      );
    }
    db.transaction(() => record(db))();
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}

/** A database or pièce folder without vault.json (an interrupted creation) is kept aside. */
async function setAsideLeftovers(dir: string): Promise<void> {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  for (const name of [DATABASE_FILE, `${DATABASE_FILE}-wal`, `${DATABASE_FILE}-shm`, 'blobs']) {
    const file = path.join(dir, name);
    if (await exists(file)) await fs.rename(file, `${file}.orphan-${stamp}`);
  }
}
