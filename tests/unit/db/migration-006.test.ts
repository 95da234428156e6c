import { randomBytes } from 'node:crypto';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { appendJournal, verifyJournal } from '../../../electron/core/db/journal';
import { currentVersion, migrate } from '../../../electron/core/db/migrations';
import { openDatabase, type Db } from '../../../electron/core/db/open';
import { caseTables } from '../../../electron/core/purge/purge';
import { tempDir } from '../../helpers/tmp';

let tmp: ReturnType<typeof tempDir>;
let db: Db;
const at = '2026-01-10T08:00:00.000Z';

beforeEach(() => {
  tmp = tempDir();
  db = openDatabase(path.join(tmp.dir, 'vault.db'), randomBytes(32), { create: true });
});
afterEach(() => {
  db.close();
  tmp.cleanup();
});

function seedCase(id: string): void {
  db.prepare(
    "INSERT INTO case_files (id, kind, title, created_at, created_by, updated_at) VALUES (?, 'review', 'T', ?, 'a1', ?)",
  ).run(id, at, at);
  db.prepare(
    `INSERT INTO pieces (id, case_id, number, title, mime, ext, type_label, size, sha256, blob_id, blob_path, blob_key, capture, added_at, added_by)
     VALUES (?, ?, 1, 'Capture', 'text/plain', 'txt', 'Texte', 1, 'ab', ?, 'ab/x.egb', 'k', '{}', ?, 'a1')`,
  ).run(`p-${id}`, id, `b-${id}`, at);
  db.prepare(
    `INSERT INTO deadline_overrides (case_id, deadline_key, date, reason, by_account, at)
     VALUES (?, 'k', '2026-02-01', 'r', 'a1', ?)`,
  ).run(id, at);
}

describe('migration 6: purge guard', () => {
  it('brings a version 5 database with data to version 6, keeping rows and refusals', () => {
    migrate(db, 5);
    seedCase('k1');
    appendJournal(db, { accountId: 'a1', action: 'case.create', caseId: 'k1' }, new Date(at));

    expect(migrate(db, 6)).toBe(6);
    expect(currentVersion(db)).toBe(6);
    expect(db.prepare('SELECT count(*) AS n FROM pieces').get()).toEqual({ n: 1 });
    expect(verifyJournal(db)).toMatchObject({ ok: true, entries: 1 });

    // Outside a purge nothing changed: pièces and deadline corrections are not deletable.
    expect(() => db.prepare("DELETE FROM pieces WHERE id = 'p-k1'").run()).toThrow(/withdrawn/);
    expect(() => db.prepare("DELETE FROM deadline_overrides WHERE case_id = 'k1'").run()).toThrow(
      /history/,
    );
  });

  it('lets only the case listed in purge_guard lose its pièces', () => {
    migrate(db);
    seedCase('k1');
    seedCase('k2');
    db.transaction(() => {
      db.prepare("INSERT INTO purge_guard (case_id) VALUES ('k1')").run();
      db.prepare("DELETE FROM pieces WHERE case_id = 'k1'").run();
      db.prepare("DELETE FROM deadline_overrides WHERE case_id = 'k1'").run();
      expect(() => db.prepare("DELETE FROM pieces WHERE case_id = 'k2'").run()).toThrow(
        /withdrawn/,
      );
      db.prepare("DELETE FROM purge_guard WHERE case_id = 'k1'").run();
    })();
    expect(db.prepare('SELECT case_id FROM pieces').all()).toEqual([{ case_id: 'k2' }]);
  });

  it('guards every no-delete trigger of a table that holds case rows (a later table must too)', () => {
    migrate(db);
    const { owned } = caseTables(db);
    expect(owned).toEqual(expect.arrayContaining(['pieces', 'case_texts', 'deadline_overrides']));
    const triggers = db
      .prepare("SELECT tbl_name, sql FROM sqlite_master WHERE type = 'trigger'")
      .all() as Array<{ tbl_name: string; sql: string }>;
    const deleteGuards = triggers.filter(
      (t) => owned.includes(t.tbl_name) && /BEFORE\s+DELETE/i.test(t.sql),
    );
    expect(deleteGuards.map((t) => t.tbl_name).sort()).toEqual(['deadline_overrides', 'pieces']);
    for (const t of deleteGuards) expect(t.sql, t.tbl_name).toMatch(/purge_guard/);
  });
});
