import type { Db } from '../db/open';

/**
 * The FTS5 index holds, per case file, its title, latest verbatim text, notes and its pièces'
 * titles and descriptions; it is rebuilt for one case inside the transaction that changed it.
 */
export function reindexCase(db: Db, caseId: string): void {
  db.prepare('DELETE FROM case_search WHERE case_id = ?').run(caseId);
  const c = db
    .prepare('SELECT title, notes, platform, author_pseudonym FROM case_files WHERE id = ?')
    .get(caseId) as
    { title: string; notes: string; platform: string; author_pseudonym: string } | undefined;
  if (!c) return;
  const insert = db.prepare('INSERT INTO case_search (case_id, source, content) VALUES (?, ?, ?)');
  insert.run(caseId, 'titre', [c.title, c.platform, c.author_pseudonym].join(' '));
  if (c.notes) insert.run(caseId, 'notes', c.notes);
  const text = db
    .prepare('SELECT text FROM case_texts WHERE case_id = ? ORDER BY version DESC LIMIT 1')
    .get(caseId) as { text: string } | undefined;
  if (text?.text) insert.run(caseId, 'texte', text.text);
  const pieces = db
    .prepare('SELECT title, capture FROM pieces WHERE case_id = ?')
    .all(caseId) as Array<{
    title: string;
    capture: string;
  }>;
  for (const p of pieces) {
    const description = (JSON.parse(p.capture) as { description?: string }).description ?? '';
    insert.run(caseId, 'piece', `${p.title} ${description}`);
  }
}

/**
 * Turns what a person types into a safe FTS5 query: each word becomes a quoted prefix term, so
 * punctuation and FTS operators in the input are never interpreted.
 */
export function toFtsQuery(input: string): string | null {
  const words = input
    .normalize('NFC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 12);
  if (words.length === 0) return null;
  return words.map((w) => `"${w.replace(/"/g, '')}"*`).join(' ');
}

// Limitation: a search returns at most 200 case files; the list asks to refine beyond that.
export const SEARCH_LIMIT = 200;

export function searchCaseIds(db: Db, query: string, limit = SEARCH_LIMIT): string[] | null {
  const fts = toFtsQuery(query);
  if (!fts) return null;
  // No bm25 ranking: ranking every match of a common word costs hundreds of milliseconds on
  // 100,000 texts, and the list is sorted by date afterwards anyway.
  const rows = db
    .prepare('SELECT DISTINCT case_id FROM case_search WHERE case_search MATCH ? LIMIT ?')
    .all(fts, limit) as Array<{ case_id: string }>;
  return rows.map((r) => r.case_id);
}
