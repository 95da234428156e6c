import type { Migration } from '../migrations';

/** Case files, verbatim text versions, qualifications, path steps, pièces and the search index. */
export const MIGRATION_3: Migration = {
  version: 3,
  name: 'cases',
  sql: `
    CREATE TABLE case_files (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('review', 'listing', 'google', 'other')),
      title TEXT NOT NULL,
      platform TEXT NOT NULL DEFAULT '',
      platform_entry_id TEXT,
      url TEXT NOT NULL DEFAULT '',
      author_pseudonym TEXT NOT NULL DEFAULT '',
      author_identifiable INTEGER NOT NULL DEFAULT 0,
      author_identity TEXT NOT NULL DEFAULT '',
      rating REAL,
      rating_max INTEGER,
      first_posted TEXT,
      first_posted_how TEXT,
      discovered TEXT,
      notes TEXT NOT NULL DEFAULT '',
      tags TEXT NOT NULL DEFAULT '[]',
      status TEXT NOT NULL DEFAULT 'ouvert' CHECK (status IN ('ouvert', 'attente', 'clos')),
      outcome TEXT,
      outcome_note TEXT NOT NULL DEFAULT '',
      closed_at TEXT,
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE INDEX case_files_status ON case_files (status, updated_at);

    -- The verbatim words as captured; a correction adds a version, version 1 stays.
    CREATE TABLE case_texts (
      case_id TEXT NOT NULL REFERENCES case_files (id),
      version INTEGER NOT NULL,
      text TEXT NOT NULL,
      reason TEXT NOT NULL DEFAULT '',
      captured_at TEXT NOT NULL,
      captured_by TEXT NOT NULL,
      PRIMARY KEY (case_id, version)
    );
    CREATE TRIGGER case_texts_no_update BEFORE UPDATE ON case_texts
    BEGIN SELECT RAISE(ABORT, 'verbatim text versions are immutable'); END;

    CREATE TABLE qualifications (
      id TEXT PRIMARY KEY,
      case_id TEXT NOT NULL REFERENCES case_files (id),
      lawful INTEGER NOT NULL,
      categories TEXT NOT NULL,
      answers TEXT NOT NULL,
      note TEXT NOT NULL DEFAULT '',
      by_account TEXT NOT NULL,
      at TEXT NOT NULL
    );
    CREATE INDEX qualifications_case ON qualifications (case_id, at);

    CREATE TABLE case_steps (
      case_id TEXT NOT NULL REFERENCES case_files (id),
      step_id TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('a-faire', 'fait', 'ecarte')),
      date TEXT,
      reason TEXT NOT NULL DEFAULT '',
      note TEXT NOT NULL DEFAULT '',
      by_account TEXT NOT NULL,
      at TEXT NOT NULL,
      PRIMARY KEY (case_id, step_id)
    );

    CREATE TABLE pieces (
      id TEXT PRIMARY KEY,
      case_id TEXT NOT NULL REFERENCES case_files (id),
      number INTEGER NOT NULL,
      title TEXT NOT NULL,
      mime TEXT NOT NULL,
      ext TEXT NOT NULL,
      type_label TEXT NOT NULL,
      size INTEGER NOT NULL,
      sha256 TEXT NOT NULL,
      blob_id TEXT NOT NULL UNIQUE,
      blob_path TEXT NOT NULL,
      blob_key TEXT NOT NULL,
      original_name TEXT NOT NULL DEFAULT '',
      width INTEGER,
      height INTEGER,
      warnings TEXT NOT NULL DEFAULT '[]',
      capture TEXT NOT NULL,
      added_at TEXT NOT NULL,
      added_by TEXT NOT NULL,
      withdrawn_at TEXT,
      withdrawn_reason TEXT,
      withdrawn_by TEXT,
      UNIQUE (case_id, number)
    );
    -- Numbers and hashes never change once given.
    CREATE TRIGGER pieces_stable BEFORE UPDATE OF number, sha256, size, blob_id, case_id ON pieces
    BEGIN SELECT RAISE(ABORT, 'a pièce keeps its number and its bytes'); END;
    CREATE TRIGGER pieces_no_delete BEFORE DELETE ON pieces
    BEGIN SELECT RAISE(ABORT, 'a pièce is withdrawn, never deleted'); END;

    CREATE VIRTUAL TABLE case_search USING fts5 (
      case_id UNINDEXED,
      source UNINDEXED,
      content,
      tokenize = 'unicode61 remove_diacritics 2'
    );
  `,
};
