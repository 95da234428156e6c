import type { BackupSettings } from '../../../shared/api/security-api';
import type { Db } from '../db/open';

/** Stored in the settings table (key/value) beside the app's other settings. */
const KEYS = { folder: 'backup.folder', keep: 'backup.keep', daily: 'backup.daily' } as const;

export const DEFAULT_BACKUP_SETTINGS: BackupSettings = { folder: null, keep: 7, daily: true };

export function readBackupSettings(db: Db): BackupSettings {
  const rows = db
    .prepare('SELECT key, value FROM settings WHERE key IN (?, ?, ?)')
    .all(KEYS.folder, KEYS.keep, KEYS.daily) as Array<{ key: string; value: string }>;
  const stored = new Map(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
  const folder = stored.get(KEYS.folder);
  const keep = stored.get(KEYS.keep);
  const daily = stored.get(KEYS.daily);
  return {
    folder: typeof folder === 'string' && folder !== '' ? folder : null,
    keep:
      typeof keep === 'number' && Number.isInteger(keep) && keep >= 1
        ? keep
        : DEFAULT_BACKUP_SETTINGS.keep,
    daily: typeof daily === 'boolean' ? daily : DEFAULT_BACKUP_SETTINGS.daily,
  };
}

/** Call inside vault.change: the settings change is journaled like any other. */
export function writeBackupSettings(db: Db, settings: BackupSettings): void {
  const upsert = db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  upsert.run(KEYS.folder, JSON.stringify(settings.folder ?? ''));
  upsert.run(KEYS.keep, JSON.stringify(settings.keep));
  upsert.run(KEYS.daily, JSON.stringify(settings.daily));
}
