import type { Migration } from '../migrations';

/**
 * Deadlines the user corrects or adds (overrides with their history, follow-ups, GDPR requests
 * and extensions), the directory listings watch, the Google Business Profile checklist, and the
 * opt-in mentions watch (feeds and the mentions found in them).
 */
export const MIGRATION_5: Migration = {
  version: 5,
  name: 'watch',
  sql: `
    -- A correction of a computed deadline. Rows are only added: the latest per key wins, and a
    -- row with a NULL date restores the computed date. Earlier corrections stay as history.
    CREATE TABLE deadline_overrides (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      case_id TEXT NOT NULL REFERENCES case_files (id),
      deadline_key TEXT NOT NULL,
      date TEXT,
      reason TEXT NOT NULL,
      by_account TEXT NOT NULL,
      at TEXT NOT NULL
    );
    CREATE INDEX deadline_overrides_case ON deadline_overrides (case_id, deadline_key, id);
    CREATE TRIGGER deadline_overrides_no_update BEFORE UPDATE ON deadline_overrides
    BEGIN SELECT RAISE(ABORT, 'deadline corrections are kept as history'); END;
    CREATE TRIGGER deadline_overrides_no_delete BEFORE DELETE ON deadline_overrides
    BEGIN SELECT RAISE(ABORT, 'deadline corrections are kept as history'); END;

    CREATE TABLE follow_ups (
      id TEXT PRIMARY KEY,
      case_id TEXT NOT NULL REFERENCES case_files (id),
      correspondence_id TEXT REFERENCES correspondence (id),
      date TEXT NOT NULL,
      label TEXT NOT NULL,
      done_at TEXT,
      done_by TEXT,
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL
    );
    CREATE INDEX follow_ups_case ON follow_ups (case_id, date);

    -- Whether a sent letter is a GDPR request, when the user says so; latest row wins. Without
    -- a row, a letter of the step 'opposition-envoyee' counts as one.
    CREATE TABLE gdpr_requests (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      case_id TEXT NOT NULL REFERENCES case_files (id),
      correspondence_id TEXT NOT NULL REFERENCES correspondence (id),
      is_request INTEGER NOT NULL CHECK (is_request IN (0, 1)),
      by_account TEXT NOT NULL,
      at TEXT NOT NULL
    );
    CREATE INDEX gdpr_requests_corr ON gdpr_requests (correspondence_id, id);

    -- The controller said it takes two more months (RGPD art. 12.3).
    CREATE TABLE gdpr_extensions (
      case_id TEXT NOT NULL REFERENCES case_files (id),
      correspondence_id TEXT NOT NULL PRIMARY KEY REFERENCES correspondence (id),
      at TEXT NOT NULL,
      by_account TEXT NOT NULL
    );

    -- One row per directory site once the user recorded something, or per site the user added
    -- (entry_id NULL).
    CREATE TABLE listings_watch (
      id TEXT PRIMARY KEY,
      entry_id TEXT UNIQUE,
      name TEXT NOT NULL,
      site_url TEXT NOT NULL DEFAULT '',
      listing_url TEXT NOT NULL DEFAULT '',
      state TEXT NOT NULL DEFAULT 'non-verifiee' CHECK (state IN ('non-verifiee', 'absente',
        'presente', 'reclamee', 'suppression-demandee', 'supprimee', 'refus',
        'dereferencement-demande')),
      last_checked TEXT,
      notes TEXT NOT NULL DEFAULT '',
      case_id TEXT REFERENCES case_files (id),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );

    CREATE TABLE gbp_checklist (
      item_id TEXT PRIMARY KEY,
      done_at TEXT NOT NULL,
      by_account TEXT NOT NULL
    );

    CREATE TABLE feeds (
      id TEXT PRIMARY KEY,
      url TEXT NOT NULL UNIQUE,
      label TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      last_fetched TEXT,
      last_error TEXT
    );

    CREATE TABLE mentions (
      id TEXT PRIMARY KEY,
      feed_id TEXT NOT NULL REFERENCES feeds (id),
      guid TEXT NOT NULL,
      title TEXT NOT NULL,
      link TEXT,
      published TEXT,
      seen_at TEXT NOT NULL,
      dismissed_at TEXT,
      case_id TEXT REFERENCES case_files (id),
      UNIQUE (feed_id, guid)
    );
    CREATE INDEX mentions_seen ON mentions (dismissed_at, seen_at);
  `,
};
