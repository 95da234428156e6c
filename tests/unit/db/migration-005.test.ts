import { randomBytes } from 'node:crypto';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { appendJournal, verifyJournal } from '../../../electron/core/db/journal';
import { currentVersion, migrate } from '../../../electron/core/db/migrations';
import { openDatabase, type Db } from '../../../electron/core/db/open';
import { tempDir } from '../../helpers/tmp';

let tmp: ReturnType<typeof tempDir>;
let db: Db;
const at = '2026-02-01T09:00:00.000Z';

beforeEach(() => {
  tmp = tempDir();
  db = openDatabase(path.join(tmp.dir, 'vault.db'), randomBytes(32), { create: true });
});
afterEach(() => {
  db.close();
  tmp.cleanup();
});

function seedVersion4(): void {
  migrate(db, 4);
  db.prepare('INSERT INTO accounts (id, label, role, created_at) VALUES (?, ?, ?, ?)').run(
    'a1',
    'Dr X',
    'medecin',
    at,
  );
  db.prepare(
    "INSERT INTO case_files (id, kind, title, created_at, created_by, updated_at) VALUES ('k1', 'listing', 'Fiche', ?, 'a1', ?)",
  ).run(at, at);
  db.prepare(
    `INSERT INTO correspondence (id, case_id, direction, date, channel, subject, created_at, created_by, updated_at)
     VALUES ('c1', 'k1', 'envoye', '2026-01-20', 'lrar', 'Opposition', ?, 'a1', ?)`,
  ).run(at, at);
  appendJournal(db, { accountId: 'a1', action: 'case.create', caseId: 'k1' }, new Date(at));
}

describe('migration 5: deadlines, listings watch and mentions', () => {
  it('brings a version 4 database with data to version 5, keeping rows and the journal', () => {
    seedVersion4();
    expect(migrate(db, 5)).toBe(5);
    expect(currentVersion(db)).toBe(5);
    expect(db.prepare('SELECT subject FROM correspondence').get()).toEqual({
      subject: 'Opposition',
    });
    expect(verifyJournal(db)).toMatchObject({ ok: true, entries: 1 });

    // The new tables accept what the watch writes, linked to existing rows.
    db.prepare(
      "INSERT INTO deadline_overrides (case_id, deadline_key, date, reason, by_account, at) VALUES ('k1', 'gdpr:c1', '2026-02-25', 'Avis de l’avocat', 'a1', ?)",
    ).run(at);
    db.prepare(
      "INSERT INTO follow_ups (id, case_id, correspondence_id, date, label, created_at, created_by) VALUES ('f1', 'k1', 'c1', '2026-03-01', 'Relancer', ?, 'a1')",
    ).run(at);
    db.prepare(
      "INSERT INTO gdpr_extensions (case_id, correspondence_id, at, by_account) VALUES ('k1', 'c1', ?, 'a1')",
    ).run(at);
    db.prepare(
      "INSERT INTO listings_watch (id, entry_id, name, state, created_at, updated_at) VALUES ('w1', 'site:doctoome', 'Doctoome', 'presente', ?, ?)",
    ).run(at, at);
    db.prepare(
      "INSERT INTO feeds (id, url, created_at) VALUES ('r1', 'https://a.example/f', ?)",
    ).run(at);
    db.prepare(
      "INSERT INTO mentions (id, feed_id, guid, title, seen_at) VALUES ('m1', 'r1', 'g1', 'T', ?)",
    ).run(at);
    expect(db.prepare('SELECT count(*) AS n FROM mentions').get()).toEqual({ n: 1 });
  });

  it('keeps deadline corrections as history: no update, no delete', () => {
    seedVersion4();
    migrate(db);
    db.prepare(
      "INSERT INTO deadline_overrides (case_id, deadline_key, date, reason, by_account, at) VALUES ('k1', 'k', '2026-02-25', 'r', 'a1', ?)",
    ).run(at);
    expect(() => db.prepare("UPDATE deadline_overrides SET date = '2026-03-01'").run()).toThrow(
      /history/,
    );
    expect(() => db.prepare('DELETE FROM deadline_overrides').run()).toThrow(/history/);
  });

  it('refuses unknown listing states, a mention seen twice in one feed and dangling links', () => {
    seedVersion4();
    migrate(db);
    expect(() =>
      db
        .prepare(
          "INSERT INTO listings_watch (id, name, state, created_at, updated_at) VALUES ('w2', 'X', 'bogus', ?, ?)",
        )
        .run(at, at),
    ).toThrow(/CHECK/);
    db.prepare(
      "INSERT INTO feeds (id, url, created_at) VALUES ('r1', 'https://a.example/f', ?)",
    ).run(at);
    const mention = db.prepare(
      "INSERT INTO mentions (id, feed_id, guid, title, seen_at) VALUES (?, 'r1', 'same', 'T', ?)",
    );
    mention.run('m1', at);
    expect(() => mention.run('m2', at)).toThrow(/UNIQUE/);
    expect(() =>
      db
        .prepare(
          "INSERT INTO follow_ups (id, case_id, date, label, created_at, created_by) VALUES ('f9', 'nope', '2026-03-01', 'x', ?, 'a1')",
        )
        .run(at),
    ).toThrow(/FOREIGN KEY/);
    expect(() =>
      db
        .prepare("INSERT INTO feeds (id, url, created_at) VALUES ('r2', 'https://a.example/f', ?)")
        .run(at),
    ).toThrow(/UNIQUE/);
  });
});
