import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

import { AppError } from '../../../shared/api/errors';

/** Maps a Node file-system error to a French message that says what to do. */
export function fsError(error: unknown, what: string): AppError {
  if (error instanceof AppError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new AppError(
        'DISK_FULL',
        `${what} : le disque est plein. Libérez de la place puis réessayez.`,
      );
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new AppError(
        'NOT_WRITABLE',
        `${what} : le dossier n’est pas accessible en écriture. Vérifiez ses droits ou choisissez un autre dossier.`,
      );
    case 'ENOENT':
    case 'ENOTDIR':
      return new AppError(
        'IO_ERROR',
        `${what} : le dossier n’existe plus (support retiré ?). Rebranchez-le ou choisissez un autre dossier.`,
      );
    default:
      return new AppError('IO_ERROR', `${what} : erreur d’entrée-sortie. Réessayez.`);
  }
}

export async function fsyncDir(dir: string): Promise<void> {
  // Directory fsync makes a rename durable; Windows does not support it and does not need it.
  if (process.platform === 'win32') return;
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Write to a temporary file beside the target, fsync, rename: readers see old or new, never half. */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await fs.open(tmp, 'wx', 0o600);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(tmp, file);
    await fsyncDir(dir);
  } catch (error) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw fsError(error, 'Enregistrement impossible');
  }
}

/** Checks that a folder exists (creating it) and accepts a write, before anything is stored. */
export async function ensureWritableDir(dir: string): Promise<void> {
  try {
    await fs.mkdir(dir, { recursive: true, mode: 0o700 });
    const probe = path.join(dir, `.probe-${randomBytes(6).toString('hex')}`);
    await fs.writeFile(probe, 'ok', { flag: 'wx' });
    await fs.rm(probe);
  } catch (error) {
    const mapped = fsError(error, 'Dossier de données');
    if (mapped.code !== 'IO_ERROR') throw mapped;
    throw new AppError(
      'NOT_WRITABLE',
      `Le dossier de données ne peut pas être créé ni écrit (${dir.length > 0 ? 'chemin invalide' : 'chemin vide'}). Choisissez un autre dossier.`,
    );
  }
}
