import { randomBytes } from 'node:crypto';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { appendJournal, verifyJournal } from '../../../electron/core/db/journal';
import { currentVersion, migrate } from '../../../electron/core/db/migrations';
import { openDatabase, type Db } from '../../../electron/core/db/open';
import { tempDir } from '../../helpers/tmp';

let tmp: ReturnType<typeof tempDir>;
let db: Db;

beforeEach(() => {
  tmp = tempDir();
  db = openDatabase(path.join(tmp.dir, 'vault.db'), randomBytes(32), { create: true });
});
afterEach(() => {
  db.close();
  tmp.cleanup();
});

describe('migration 3: case files and pièces', () => {
  it('brings a version 2 database with data to version 3, keeping rows and the journal chain', () => {
    migrate(db, 2);
    const at = '2026-01-10T08:00:00.000Z';
    db.prepare('INSERT INTO accounts (id, label, role, created_at) VALUES (?, ?, ?, ?)').run(
      'a1',
      'Dr X',
      'medecin',
      at,
    );
    db.prepare(
      "INSERT INTO contacts (id, role, name, created_at, updated_at) VALUES ('c1', 'avocat', 'Me Y', ?, ?)",
    ).run(at, at);
    appendJournal(db, { accountId: 'a1', action: 'contact.save' }, new Date(at));

    expect(migrate(db, 3)).toBe(3);
    expect(currentVersion(db)).toBe(3);
    expect(db.prepare('SELECT name FROM contacts').get()).toEqual({ name: 'Me Y' });
    expect(verifyJournal(db)).toMatchObject({ ok: true, entries: 1 });

    db.prepare(
      "INSERT INTO case_files (id, kind, title, created_at, created_by, updated_at) VALUES ('k1', 'review', 'T', ?, 'a1', ?)",
    ).run(at, at);
    db.prepare(
      "INSERT INTO case_texts (case_id, version, text, captured_at, captured_by) VALUES ('k1', 1, 'mot', ?, 'a1')",
    ).run(at);
    // Verbatim versions are immutable, pièces are never deleted: the database itself refuses.
    expect(() =>
      db.prepare("UPDATE case_texts SET text = 'autre' WHERE case_id = 'k1'").run(),
    ).toThrow(/immutable/);
    expect(() =>
      db
        .prepare(
          "INSERT INTO case_files (id, kind, title, created_at, created_by, updated_at) VALUES ('k2', 'bogus', 'T', ?, 'a1', ?)",
        )
        .run(at, at),
    ).toThrow(/CHECK/);
  });

  it('refuses to renumber, rehash or delete a pièce', () => {
    migrate(db);
    const at = '2026-01-10T08:00:00.000Z';
    db.prepare(
      "INSERT INTO case_files (id, kind, title, created_at, created_by, updated_at) VALUES ('k1', 'review', 'T', ?, 'a1', ?)",
    ).run(at, at);
    db.prepare(
      `INSERT INTO pieces (id, case_id, number, title, mime, ext, type_label, size, sha256, blob_id, blob_path, blob_key, capture, added_at, added_by)
       VALUES ('p1', 'k1', 1, 'Capture', 'image/png', 'png', 'Image PNG', 10, 'ab', 'b1', 'x/b1.egb', 'key', '{}', ?, 'a1')`,
    ).run(at);
    expect(() => db.prepare("UPDATE pieces SET number = 2 WHERE id = 'p1'").run()).toThrow(
      /number/,
    );
    expect(() => db.prepare("UPDATE pieces SET sha256 = 'cd' WHERE id = 'p1'").run()).toThrow();
    expect(() => db.prepare("DELETE FROM pieces WHERE id = 'p1'").run()).toThrow(/withdrawn/);
    db.prepare("UPDATE pieces SET title = 'Capture de l’avis' WHERE id = 'p1'").run();
  });
});
