/**
 * Turns low-level failures of the pièce store into AppError with French messages that say what
 * to do. System error codes are read from Node's errors; nothing private goes into a message.
 */
import { AppError } from '../../../shared/api/errors';
import { BlobFormatError } from './blob-format';

/** Marks an error raised while reading the file being imported (not the vault folder). */
export class SourceReadError extends Error {
  override readonly cause: unknown;

  constructor(cause: unknown) {
    super('source read failed');
    this.name = 'SourceReadError';
    this.cause = cause;
  }
}

export function systemCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}

export function formatBytesFr(bytes: number): string {
  const units = ['octets', 'Ko', 'Mo', 'Go', 'To'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const rounded = unit === 0 ? String(value) : value.toFixed(1).replace('.', ',');
  return `${rounded} ${units[unit]}`;
}

export function tooLargeError(size: number | null, maxBytes: number): AppError {
  const what =
    size === null ? 'Ce fichier dépasse' : `Ce fichier pèse ${formatBytesFr(size)}, soit plus que`;
  return new AppError(
    'FILE_TOO_LARGE',
    `${what} la limite de ${formatBytesFr(maxBytes)} pour une pièce. Réduisez sa taille (par ` +
      'exemple en l’exportant en PDF ou en le découpant en plusieurs fichiers), puis réessayez.',
  );
}

export function cancelledError(): AppError {
  return new AppError('CANCELLED', 'Import annulé : aucune pièce n’a été enregistrée.');
}

export function integrityError(): AppError {
  return new AppError(
    'INTEGRITY',
    'Cette pièce a été altérée ou tronquée : son contenu ne correspond plus à ce qui a été ' +
      'enregistré dans le coffre. Ne l’utilisez pas telle quelle ; restaurez le coffre depuis une ' +
      'sauvegarde ou importez à nouveau le fichier d’origine.',
  );
}

export function missingBlobError(): AppError {
  return new AppError(
    'NOT_FOUND',
    'Le fichier chiffré de cette pièce est introuvable dans le coffre : il a été supprimé ou ' +
      'déplacé. Restaurez le coffre depuis une sauvegarde ou importez à nouveau le fichier d’origine.',
  );
}

/** Errors raised while writing into the vault folder (imports) or an export destination. */
export function writeError(error: unknown, target: 'vault' | 'export'): AppError {
  if (error instanceof AppError) return error;
  const place = target === 'vault' ? 'Le dossier du coffre' : 'Le dossier de destination';
  const code = systemCode(error);
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new AppError(
        'DISK_FULL',
        'Le disque est plein : le fichier n’a pas pu être enregistré. Libérez de l’espace (au ' +
          'moins la taille du fichier), puis réessayez.',
      );
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
    case 'ENOTDIR':
    case 'EEXIST':
    case 'ENOENT':
      return new AppError(
        'NOT_WRITABLE',
        `${place} n’est pas accessible en écriture : le fichier n’a pas pu être enregistré. ` +
          'Vérifiez les droits sur ce dossier ou choisissez un autre emplacement.',
      );
    default:
      return new AppError(
        'IO_ERROR',
        'Une erreur du disque a empêché d’enregistrer le fichier. Réessayez ; si le problème ' +
          'persiste, vérifiez l’état du disque ou choisissez un autre emplacement.',
      );
  }
}

/** Errors raised while reading the file the user chose to import. */
export function sourceError(error: unknown): AppError {
  const cause = error instanceof SourceReadError ? error.cause : error;
  if (cause instanceof AppError) return cause;
  const code = systemCode(cause);
  if (code === 'ENOENT') {
    return new AppError(
      'NOT_FOUND',
      'Le fichier à importer est introuvable : il a peut-être été déplacé ou supprimé. ' +
        'Sélectionnez-le à nouveau.',
    );
  }
  if (code === 'EISDIR') {
    return new AppError(
      'FILE_REFUSED',
      'Un dossier ne peut pas être importé comme pièce. Sélectionnez un fichier.',
    );
  }
  return new AppError(
    'IO_ERROR',
    'Le fichier à importer n’a pas pu être lu. Vérifiez qu’il est toujours accessible (clé USB ' +
      'branchée, dossier partagé disponible, droits de lecture), puis réessayez.',
  );
}

/** Errors raised while reading a stored pièce back from the vault. */
export function readError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof BlobFormatError) return integrityError();
  const code = systemCode(error);
  if (code === 'ENOENT') return missingBlobError();
  // Anything that is not a system I/O error happened while decoding: the data is not trusted.
  if (code === undefined || !/^E[A-Z]+$/.test(code)) return integrityError();
  return new AppError(
    'IO_ERROR',
    'La pièce n’a pas pu être lue sur le disque. Réessayez ; si le problème persiste, vérifiez ' +
      'l’état du disque et restaurez le coffre depuis une sauvegarde.',
  );
}
