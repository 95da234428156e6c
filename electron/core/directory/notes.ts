import type { DirectoryNote } from '../../../shared/api/resources-api';
import type { Db } from '../db/open';
import type { OpenVault } from '../vault/open-vault';

interface NoteRow {
  entry_id: string;
  text: string;
  updated_at: string;
  label: string | null;
}

/** Every note of the cabinet, keyed by directory entry id. */
export function readNotes(db: Db): Map<string, DirectoryNote> {
  const rows = db
    .prepare(
      `SELECT n.entry_id, n.text, n.updated_at, a.label
       FROM directory_notes n LEFT JOIN accounts a ON a.id = n.updated_by`,
    )
    .all() as NoteRow[];
  return new Map(
    rows.map((r) => [r.entry_id, { text: r.text, updatedAt: r.updated_at, updatedBy: r.label }]),
  );
}

/**
 * Writes or, for a blank text, deletes the note on one entry. The journal records which entry
 * changed and whether the note was cleared, never its words.
 */
export function setNote(
  vault: OpenVault,
  entryId: string,
  text: string,
  now: Date,
): DirectoryNote | null {
  const cleared = text.trim() === '';
  vault.change(
    { action: 'note.set', entity: 'directory_note', entityId: entryId, details: { cleared } },
    (db) => {
      if (cleared) {
        db.prepare('DELETE FROM directory_notes WHERE entry_id = ?').run(entryId);
        return;
      }
      db.prepare(
        `INSERT INTO directory_notes (entry_id, text, updated_at, updated_by) VALUES (?, ?, ?, ?)
         ON CONFLICT (entry_id) DO UPDATE SET
           text = excluded.text, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      ).run(entryId, text, now.toISOString(), vault.account.id);
    },
    now,
  );
  return cleared ? null : (readNotes(vault.db).get(entryId) ?? null);
}
