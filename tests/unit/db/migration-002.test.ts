import { randomBytes } from 'node:crypto';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { appendJournal, verifyJournal } from '../../../electron/core/db/journal';
import { currentVersion, LATEST_VERSION, migrate } from '../../../electron/core/db/migrations';
import { openDatabase, type Db } from '../../../electron/core/db/open';
import { tempDir } from '../../helpers/tmp';

let tmp: ReturnType<typeof tempDir>;
let db: Db;
const key = randomBytes(32);

beforeEach(() => {
  tmp = tempDir();
  db = openDatabase(path.join(tmp.dir, 'vault.db'), key, { create: true });
});
afterEach(() => {
  db.close();
  tmp.cleanup();
});

function tables(): string[] {
  return (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
      name: string;
    }[]
  ).map((r) => r.name);
}

function fillVersion1(): void {
  const at = '2025-03-01T09:00:00.000Z';
  db.prepare('INSERT INTO accounts (id, label, role, created_at) VALUES (?, ?, ?, ?)').run(
    'acc-1',
    'Dr Lefort',
    'medecin',
    at,
  );
  db.prepare('INSERT INTO practice (id, data, updated_at) VALUES (1, ?, ?)').run(
    JSON.stringify({ name: 'Cabinet du Parc' }),
    at,
  );
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('idleMinutes', '7');
  appendJournal(db, { accountId: 'acc-1', action: 'vault.create' }, new Date(at));
  appendJournal(db, { accountId: 'acc-1', action: 'settings.update' }, new Date(at));
}

describe('migration 2: directory notes and contacts', () => {
  it('brings a version 1 database with data to version 2 and keeps every row', () => {
    expect(migrate(db, 1)).toBe(1);
    expect(tables()).not.toContain('contacts');
    fillVersion1();

    // Target 2 explicitly: later migrations are tested from their own previous version.
    expect(migrate(db, 2)).toBe(2);
    expect(LATEST_VERSION).toBeGreaterThanOrEqual(2);
    expect(currentVersion(db)).toBe(2);
    expect(tables()).toEqual(expect.arrayContaining(['contacts', 'directory_notes']));

    expect(db.prepare('SELECT id, label, role FROM accounts').all()).toEqual([
      { id: 'acc-1', label: 'Dr Lefort', role: 'medecin' },
    ]);
    const practice = db.prepare('SELECT data FROM practice').get() as { data: string };
    expect(JSON.parse(practice.data)).toEqual({ name: 'Cabinet du Parc' });
    expect(db.prepare('SELECT value FROM settings WHERE key = ?').get('idleMinutes')).toEqual({
      value: '7',
    });
    expect(verifyJournal(db)).toEqual({ ok: true, entries: 2, firstBroken: null });
  });

  it('is applied once: migrating again changes nothing', () => {
    migrate(db, 2);
    db.prepare(
      `INSERT INTO contacts (id, role, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`,
    ).run('c-1', 'avocat', 'Maître Renaud', 'x', 'x');
    expect(migrate(db, 2)).toBe(2);
    expect(db.prepare('SELECT count(*) AS n FROM contacts').get()).toEqual({ n: 1 });
    expect(db.prepare('SELECT count(*) AS n FROM schema_version WHERE version = 2').get()).toEqual({
      n: 1,
    });
  });

  it('refuses a contact role outside the list and a note without text', () => {
    migrate(db);
    expect(() =>
      db
        .prepare(
          `INSERT INTO contacts (id, role, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`,
        )
        .run('c-2', 'plombier', 'Quelqu’un', 'x', 'x'),
    ).toThrow(/CHECK constraint/);
    expect(() =>
      db
        .prepare('INSERT INTO directory_notes (entry_id, text, updated_at) VALUES (?, ?, ?)')
        .run('insurer:macsf', null, 'x'),
    ).toThrow(/NOT NULL/);
  });
});
