import type { Migration } from '../migrations';

/**
 * Deleting a case file at the end of its retention period. Pièces and deadline corrections stay
 * undeletable, except those of a case listed in purge_guard: only the purge transaction inserts
 * that row and removes it before committing, so outside a purge the table is always empty and
 * the old refusals hold. A later table of case rows with a no-delete trigger must do the same
 * (a unit test checks it).
 */
export const MIGRATION_6: Migration = {
  version: 6,
  name: 'purge',
  sql: `
    CREATE TABLE purge_guard (
      case_id TEXT PRIMARY KEY
    );

    DROP TRIGGER pieces_no_delete;
    CREATE TRIGGER pieces_no_delete BEFORE DELETE ON pieces
    WHEN NOT EXISTS (SELECT 1 FROM purge_guard WHERE case_id = OLD.case_id)
    BEGIN SELECT RAISE(ABORT, 'a pièce is withdrawn, never deleted'); END;

    DROP TRIGGER deadline_overrides_no_delete;
    CREATE TRIGGER deadline_overrides_no_delete BEFORE DELETE ON deadline_overrides
    WHEN NOT EXISTS (SELECT 1 FROM purge_guard WHERE case_id = OLD.case_id)
    BEGIN SELECT RAISE(ABORT, 'deadline corrections are kept as history'); END;
  `,
};
