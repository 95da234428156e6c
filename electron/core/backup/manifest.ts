import { promises as fs } from 'node:fs';
import path from 'node:path';

import { z } from 'zod';

import { AppError } from '../../../shared/api/errors';
import type { BackupEntry } from '../../../shared/api/security-api';
import { fsError } from '../fs/atomic';
import { DATABASE_FILE, HEADER_FILE } from '../vault/header';

/**
 * A backup is a folder `Egide-sauvegarde-<date>` holding a copy of vault.json, the database made
 * by VACUUM INTO (still encrypted with the vault's key), the pièce files (already encrypted) and
 * backup.json, which lists every file with its size and SHA-256. It is written under a
 * `.partial-` name and renamed only once complete, so a folder with the final name is whole.
 */
export const BACKUP_PREFIX = 'Egide-sauvegarde-';
export const PARTIAL_PREFIX = '.partial-';

/**
 * The temporary names of one vault in a backup folder: two computers of the cabinet may back up
 * to the same NAS folder, and one must never clean up the other's backup in progress.
 */
export function partialPrefixOf(vaultId: string): string {
  return `${PARTIAL_PREFIX}${vaultId.replace(/[^A-Za-z0-9]/g, '').slice(0, 12)}-`;
}
export const MANIFEST_FILE = 'backup.json';
export const BACKUP_FORMAT = 'egide-backup';
export const BACKUP_VERSION = 1;

/** A pièce file as the database records it (see blobRelPath). */
export const BLOB_REL = /^[a-z0-9_-]{2}\/[A-Za-z0-9_-]{2,128}\.egb$/;

/** The only file names a backup may list: nothing can point outside the folder. */
const FILE_PATH = new RegExp(
  `^(?:${HEADER_FILE.replace('.', '\\.')}|${DATABASE_FILE.replace('.', '\\.')}|blobs/[a-z0-9_-]{2}/[A-Za-z0-9_-]{2,128}\\.egb)$`,
);

const fileSchema = z.object({
  path: z.string().regex(FILE_PATH),
  size: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

export const manifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  createdAt: z.string().datetime(),
  vaultId: z.string().min(8).max(100),
  schemaVersion: z.number().int().min(1),
  journalSeq: z.number().int().min(0),
  trigger: z.enum(['manual', 'lock', 'quit', 'daily']),
  files: z.array(fileSchema).min(2),
  missing: z.array(z.string().regex(FILE_PATH)).default([]),
});

export type BackupManifest = z.infer<typeof manifestSchema>;
export type BackupTrigger = BackupManifest['trigger'];
export type ManifestFile = z.infer<typeof fileSchema>;

/** `Egide-sauvegarde-2026-03-14T10-22-05Z`: no colon, so the name is valid on Windows and FAT. */
export function backupName(at: Date): string {
  return `${BACKUP_PREFIX}${at
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/:/g, '-')}`;
}

const NOT_A_BACKUP =
  'Ce dossier n’est pas une sauvegarde Égide complète (backup.json absent ou illisible). ' +
  'Choisissez un dossier « Egide-sauvegarde-… ».';

export async function readManifest(dir: string): Promise<BackupManifest> {
  let raw: string;
  try {
    raw = await fs.readFile(path.join(dir, MANIFEST_FILE), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new AppError('NOT_FOUND', NOT_A_BACKUP);
    throw fsError(error, 'Lecture de la sauvegarde');
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new AppError('INTEGRITY', NOT_A_BACKUP);
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) throw new AppError('INTEGRITY', NOT_A_BACKUP);
  const names = parsed.data.files.map((f) => f.path);
  if (!names.includes(HEADER_FILE) || !names.includes(DATABASE_FILE)) {
    throw new AppError('INTEGRITY', NOT_A_BACKUP);
  }
  if (new Set(names).size !== names.length) throw new AppError('INTEGRITY', NOT_A_BACKUP);
  return parsed.data;
}

export interface FoundBackup extends BackupEntry {
  dir: string;
  manifest: BackupManifest;
}

/** The complete backups of one vault in a folder, newest first; anything else is ignored. */
export async function listBackups(folder: string, vaultId: string): Promise<FoundBackup[]> {
  const names = await fs.readdir(folder);
  const found: FoundBackup[] = [];
  for (const name of names) {
    if (!name.startsWith(BACKUP_PREFIX)) continue;
    const dir = path.join(folder, name);
    const manifest = await readManifest(dir).catch(() => null);
    if (!manifest || manifest.vaultId !== vaultId) continue;
    found.push({
      name,
      dir,
      manifest,
      createdAt: manifest.createdAt,
      files: manifest.files.length,
      bytes: manifest.files.reduce((sum, f) => sum + f.size, 0),
    });
  }
  // Two backups in the same second differ by their suffix (-2, -3): the name breaks the tie.
  return found.sort(
    (a, b) =>
      b.createdAt.localeCompare(a.createdAt) ||
      b.name.length - a.name.length ||
      b.name.localeCompare(a.name),
  );
}

/** Keeps the `keep` newest backups of this vault; another vault's backups are never touched. */
export async function rotateBackups(
  folder: string,
  vaultId: string,
  keep: number,
): Promise<number> {
  const all = await listBackups(folder, vaultId);
  let removed = 0;
  for (const old of all.slice(keep)) {
    // Renamed first: a crash in the middle of the removal leaves a `.partial-` folder, which the
    // next start removes, never a backup-looking folder with files missing.
    const doomed = path.join(folder, `${partialPrefixOf(vaultId)}old-${old.name}`);
    await fs.rename(old.dir, doomed);
    await fs.rm(doomed, { recursive: true, force: true });
    removed += 1;
  }
  return removed;
}
