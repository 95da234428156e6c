import { promises as fs } from 'node:fs';
import path from 'node:path';

import { AppError } from '../../../shared/api/errors';
import type { CaseRetention } from '../../../shared/api/security-api';
import { readSettings } from '../app/settings';
import { BLOB_REL } from '../backup/manifest';
import type { Db } from '../db/open';
import { getLogger } from '../log';
import { blobDir } from '../pieces/pieces';
import type { OpenVault } from '../vault/open-vault';

const log = () => getLogger().child({ subsystem: 'purge' });

/** Tables that keep their rows: the journal says a case was deleted, with codes only. */
const KEPT_TABLES = new Set(['journal', 'purge_guard', 'schema_version', 'case_files']);

const FR_DATE = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' });

export function frenchDate(isoDate: string): string {
  return FR_DATE.format(new Date(`${isoDate}T00:00:00Z`));
}

/** The retention period runs from the closing date; it ends on the same day N years later. */
export function retentionEnd(closedAt: string, years: number): string {
  const end = new Date(closedAt);
  end.setUTCFullYear(end.getUTCFullYear() + years);
  return end.toISOString().slice(0, 10);
}

export function caseRetention(vault: OpenVault, caseId: string, now: Date): CaseRetention {
  const row = vault.db
    .prepare('SELECT status, closed_at FROM case_files WHERE id = ?')
    .get(caseId) as { status: string; closed_at: string | null } | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'Ce dossier est introuvable.');
  const years = readSettings(vault.db).retentionYears;
  const closedAt = row.status === 'clos' ? row.closed_at : null;
  const endsAt = closedAt ? retentionEnd(closedAt, years) : null;
  return {
    closedAt,
    endsAt,
    retentionYears: years,
    canPurge: endsAt !== null && now.toISOString().slice(0, 10) >= endsAt,
  };
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Every table holding rows of a case file, found from the schema rather than listed by hand, so a
 * table added by a later migration is purged too. A row whose case_id may be NULL exists without
 * the case (a directory watched, a mention found) and is only unlinked; the others are deleted.
 * FTS shadow tables are skipped: they are emptied through their virtual table.
 */
export function caseTables(db: Db): { owned: string[]; linked: string[]; fts: string[] } {
  const tables = db
    .prepare(
      "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
    )
    .all() as Array<{ name: string; sql: string | null }>;
  const virtual = tables.filter((t) => /^\s*CREATE\s+VIRTUAL\s+TABLE/i.test(t.sql ?? ''));
  const isShadow = (name: string) => virtual.some((v) => name.startsWith(`${v.name}_`));
  const result = { owned: [] as string[], linked: [] as string[], fts: [] as string[] };
  for (const t of tables) {
    if (KEPT_TABLES.has(t.name) || isShadow(t.name)) continue;
    const column = (
      db.prepare('SELECT name, "notnull" AS nn FROM pragma_table_info(?)').all(t.name) as Array<{
        name: string;
        nn: number;
      }>
    ).find((c) => c.name === 'case_id');
    if (!column) continue;
    if (virtual.includes(t)) result.fts.push(t.name);
    else if (column.nn === 1) result.owned.push(t.name);
    else result.linked.push(t.name);
  }
  return result;
}

/**
 * Deletes a closed case file whose retention has ended: every row of it in every table, its
 * search index entries (the index is then rebuilt so no token of it remains), and its pièce
 * files. secure_delete zeroes the freed pages and VACUUM rewrites the file without them.
 */
export async function purgeCase(
  vault: OpenVault,
  caseId: string,
  now: Date,
): Promise<{ purged: true; pieces: number }> {
  const retention = caseRetention(vault, caseId, now);
  if (!retention.closedAt || !retention.endsAt) {
    throw new AppError(
      'CONFLICT',
      'Seul un dossier clos peut être supprimé, à la fin de sa durée de conservation. Clôturez-le d’abord.',
    );
  }
  if (!retention.canPurge) {
    throw new AppError(
      'CONFLICT',
      `Ce dossier doit être conservé jusqu’au ${frenchDate(retention.endsAt)} ` +
        `(${retention.retentionYears} ans après sa clôture) : il ne peut pas être supprimé avant cette date.`,
    );
  }
  const db = vault.db;
  const blobs = (
    db.prepare('SELECT blob_path FROM pieces WHERE case_id = ?').all(caseId) as Array<{
      blob_path: string;
    }>
  ).map((r) => r.blob_path);
  const { owned, linked, fts } = caseTables(db);

  try {
    vault.change(
      {
        action: 'case.purge',
        entity: 'case',
        entityId: caseId,
        caseId,
        details: { pieces: blobs.length },
      },
      (tx) => {
        // Rows reference each other (letters, correspondence): checked once, at commit.
        tx.pragma('defer_foreign_keys = ON');
        tx.prepare('INSERT INTO purge_guard (case_id) VALUES (?)').run(caseId);
        for (const table of owned) {
          tx.prepare(`DELETE FROM ${quote(table)} WHERE case_id = ?`).run(caseId);
        }
        for (const table of linked) {
          tx.prepare(`UPDATE ${quote(table)} SET case_id = NULL WHERE case_id = ?`).run(caseId);
        }
        for (const table of fts) {
          tx.prepare(`DELETE FROM ${quote(table)} WHERE case_id = ?`).run(caseId);
          // A delete only adds a tombstone; merging every segment drops the words themselves.
          tx.prepare(`INSERT INTO ${quote(table)} (${quote(table)}) VALUES ('optimize')`).run();
        }
        tx.prepare('DELETE FROM case_files WHERE id = ?').run(caseId);
        tx.prepare('DELETE FROM purge_guard WHERE case_id = ?').run(caseId);
      },
      now,
    );
  } catch (error) {
    if (error instanceof AppError) throw error;
    // A table whose trigger refuses deletion and does not know purge_guard: nothing was changed.
    log().error({ err: error }, 'purge refused by the database');
    throw new AppError(
      'INTERNAL',
      'La suppression du dossier a été refusée par la base : rien n’a été supprimé. Signalez-le ' +
        'au support (rapport dans le journal technique).',
    );
  }

  // Limitation: VACUUM rewrites the whole database (a few seconds for a very large vault) and
  // blocks other calls meanwhile; it is a rare, deliberate act of the doctor.
  db.exec('VACUUM');
  db.pragma('wal_checkpoint(TRUNCATE)');

  // Limitation: a crash right here leaves the pièce files on disk. They stay unreadable: each was
  // encrypted with its own key, and that key was only stored in the rows just deleted.
  const dir = blobDir(vault);
  for (const rel of blobs) {
    if (!BLOB_REL.test(rel)) continue;
    await fs.rm(path.join(dir, ...rel.split('/')), { force: true }).catch((error: unknown) => {
      log().warn({ err: error }, 'purged pièce file not removed');
    });
  }
  return { purged: true, pieces: blobs.length };
}
