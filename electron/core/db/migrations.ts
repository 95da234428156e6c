import type { Db } from './open';
import { MIGRATION_1 } from './schema/001-foundation';
import { MIGRATION_2 } from './schema/002-directory';
import { MIGRATION_3 } from './schema/003-cases';
import { MIGRATION_4 } from './schema/004-letters';
import { MIGRATION_5 } from './schema/005-watch';
import { MIGRATION_6 } from './schema/006-purge';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** In order; each applies on top of the previous version and is tested from it. */
export const MIGRATIONS: readonly Migration[] = [
  MIGRATION_1,
  MIGRATION_2,
  MIGRATION_3,
  MIGRATION_4,
  MIGRATION_5,
  MIGRATION_6,
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

export function currentVersion(db: Db): number {
  const exists = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'")
    .get();
  if (!exists) return 0;
  const row = db.prepare('SELECT max(version) AS v FROM schema_version').get() as {
    v: number | null;
  };
  return row.v ?? 0;
}

/** Brings the database to `target` (default: latest), each step in its own transaction. */
export function migrate(db: Db, target: number = LATEST_VERSION, now = new Date()): number {
  db.exec(
    `CREATE TABLE IF NOT EXISTS schema_version (
       version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`,
  );
  let version = currentVersion(db);
  if (version > LATEST_VERSION) {
    throw new Error(`schema version ${version} is newer than this build (${LATEST_VERSION})`);
  }
  for (const m of MIGRATIONS) {
    if (m.version <= version || m.version > target) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)').run(
        m.version,
        m.name,
        now.toISOString(),
      );
    })();
    version = m.version;
  }
  return version;
}
