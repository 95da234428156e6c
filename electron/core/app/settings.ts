import type { AppSettings } from '../../../shared/api/vault-api';
import type { Db } from '../db/open';

export const DEFAULT_SETTINGS: AppSettings = {
  idleMinutes: 10,
  maxPieceMiB: 200,
  retentionYears: 10,
};

export function readSettings(db: Db): AppSettings {
  const rows = db.prepare('SELECT key, value FROM settings').all() as Array<{
    key: string;
    value: string;
  }>;
  const stored: Record<string, unknown> = {};
  for (const r of rows) stored[r.key] = JSON.parse(r.value) as unknown;
  return {
    idleMinutes:
      typeof stored.idleMinutes === 'number' ? stored.idleMinutes : DEFAULT_SETTINGS.idleMinutes,
    maxPieceMiB:
      typeof stored.maxPieceMiB === 'number' ? stored.maxPieceMiB : DEFAULT_SETTINGS.maxPieceMiB,
    retentionYears:
      typeof stored.retentionYears === 'number'
        ? stored.retentionYears
        : DEFAULT_SETTINGS.retentionYears,
  };
}

export function writeSettings(db: Db, patch: Partial<AppSettings>): void {
  const upsert = db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  for (const [key, value] of Object.entries(patch)) {
    if (value !== undefined) upsert.run(key, JSON.stringify(value));
  }
}
