import Database from 'better-sqlite3-multiple-ciphers';

import { AppError } from '../../../shared/api/errors';

export type Db = Database.Database;

/**
 * Opens the SQLCipher database with a raw 256-bit key (no KDF inside SQLite: the key is already
 * random, and SQLCipher's own PBKDF2 would add 30-130 ms to every unlock).
 */
export function openDatabase(file: string, key: Buffer, options: { create: boolean }): Db {
  let db: Db;
  try {
    db = new Database(file, { fileMustExist: !options.create });
  } catch (error) {
    throw mapOpenError(error);
  }

  try {
    db.pragma(`cipher='sqlcipher'`);
    db.pragma('legacy=4');
    db.pragma(`key="x'${key.toString('hex')}'"`);
    // A wrong key is accepted by PRAGMA key and fails only at the first read: read at once.
    db.prepare('SELECT count(*) AS n FROM sqlite_master').get();
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('secure_delete = ON');
    db.pragma('busy_timeout = 5000');
    return db;
  } catch (error) {
    db.close();
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_NOTADB') {
      throw new AppError(
        'VAULT_DAMAGED',
        'La base du coffre ne s’ouvre pas avec cette clé : elle est endommagée ou ne correspond pas ' +
          'à ce coffre. Restaurez la dernière sauvegarde.',
      );
    }
    throw mapOpenError(error);
  }
}

function mapOpenError(error: unknown): AppError {
  const code = (error as { code?: string }).code ?? '';
  if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY' || code === 'EACCES') {
    return new AppError(
      'NOT_WRITABLE',
      'Le dossier de données n’est pas accessible en écriture. Vérifiez ses droits ou choisissez ' +
        'un autre dossier.',
    );
  }
  if (code === 'SQLITE_FULL') {
    return new AppError('DISK_FULL', 'Le disque est plein. Libérez de la place puis réessayez.');
  }
  return new AppError('IO_ERROR', 'La base du coffre n’a pas pu être ouverte. Réessayez.');
}
