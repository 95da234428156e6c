import type { Migration } from '../migrations';

export const MIGRATION_1: Migration = {
  version: 1,
  name: 'foundation',
  sql: `
    CREATE TABLE accounts (
      id TEXT PRIMARY KEY,
      label TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('medecin', 'secretariat')),
      created_at TEXT NOT NULL,
      revoked_at TEXT
    );

    CREATE TABLE practice (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      data TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );

    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    );

    CREATE TABLE journal (
      seq INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      account_id TEXT,
      action TEXT NOT NULL,
      entity TEXT,
      entity_id TEXT,
      case_id TEXT,
      details TEXT,
      prev_hash TEXT NOT NULL,
      hash TEXT NOT NULL
    );
    CREATE INDEX journal_case ON journal (case_id, seq);

    CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal
    BEGIN SELECT RAISE(ABORT, 'journal is append-only'); END;
    CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal
    BEGIN SELECT RAISE(ABORT, 'journal is append-only'); END;
  `,
};
