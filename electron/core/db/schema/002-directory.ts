import type { Migration } from '../migrations';

/**
 * The cabinet's own additions to the shipped directories: a note per directory entry (a contract
 * number, a contact name) and its address book. Contacts are removed softly (removed_at), so a
 * letter that named one can still show who it was sent to.
 */
export const MIGRATION_2: Migration = {
  version: 2,
  name: 'directory',
  sql: `
    CREATE TABLE directory_notes (
      entry_id TEXT PRIMARY KEY,
      text TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      updated_by TEXT
    );

    CREATE TABLE contacts (
      id TEXT PRIMARY KEY,
      role TEXT NOT NULL CHECK (role IN ('avocat', 'commissaire', 'assureur', 'ordre', 'autre')),
      name TEXT NOT NULL,
      organisation TEXT,
      address TEXT,
      email TEXT,
      phone TEXT,
      notes TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      removed_at TEXT
    );
    CREATE INDEX contacts_active ON contacts (removed_at, role, name);
  `,
};
