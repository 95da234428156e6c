import { createHash } from 'node:crypto';

import type { Db } from './open';

export interface JournalInput {
  accountId: string | null;
  action: string;
  entity?: string;
  entityId?: string;
  caseId?: string;
  /** Field names and codes only: the journal says what changed, never the words themselves. */
  details?: Record<string, unknown>;
}

export interface JournalEntry {
  seq: number;
  at: string;
  accountId: string | null;
  action: string;
  entity: string | null;
  entityId: string | null;
  caseId: string | null;
  details: string | null;
  prevHash: string;
  hash: string;
}

const GENESIS = '0'.repeat(64);

function entryHash(prevHash: string, e: Omit<JournalEntry, 'hash' | 'prevHash'>): string {
  const canonical = JSON.stringify([
    e.seq,
    e.at,
    e.accountId,
    e.action,
    e.entity,
    e.entityId,
    e.caseId,
    e.details,
  ]);
  return createHash('sha256').update(prevHash).update(canonical).digest('hex');
}

/** Appends one entry chained to the previous one. Call inside the change's transaction. */
export function appendJournal(db: Db, input: JournalInput, now: Date = new Date()): JournalEntry {
  const last = db.prepare('SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1').get() as
    { seq: number; hash: string } | undefined;
  const base = {
    seq: (last?.seq ?? 0) + 1,
    at: now.toISOString(),
    accountId: input.accountId,
    action: input.action,
    entity: input.entity ?? null,
    entityId: input.entityId ?? null,
    caseId: input.caseId ?? null,
    details: input.details === undefined ? null : JSON.stringify(input.details),
  };
  const prevHash = last?.hash ?? GENESIS;
  const entry: JournalEntry = { ...base, prevHash, hash: entryHash(prevHash, base) };
  db.prepare(
    `INSERT INTO journal (seq, at, account_id, action, entity, entity_id, case_id, details,
       prev_hash, hash)
     VALUES (@seq, @at, @accountId, @action, @entity, @entityId, @caseId, @details, @prevHash, @hash)`,
  ).run(entry);
  return entry;
}

export function listJournal(
  db: Db,
  filter: { caseId?: string; limit?: number } = {},
): JournalEntry[] {
  const limit = filter.limit ?? 500;
  const rows = filter.caseId
    ? db
        .prepare('SELECT * FROM journal WHERE case_id = ? ORDER BY seq DESC LIMIT ?')
        .all(filter.caseId, limit)
    : db.prepare('SELECT * FROM journal ORDER BY seq DESC LIMIT ?').all(limit);
  return (rows as Record<string, unknown>[]).map(rowToEntry);
}

function rowToEntry(r: Record<string, unknown>): JournalEntry {
  return {
    seq: r.seq as number,
    at: r.at as string,
    accountId: (r.account_id as string | null) ?? null,
    action: r.action as string,
    entity: (r.entity as string | null) ?? null,
    entityId: (r.entity_id as string | null) ?? null,
    caseId: (r.case_id as string | null) ?? null,
    details: (r.details as string | null) ?? null,
    prevHash: r.prev_hash as string,
    hash: r.hash as string,
  };
}

export interface JournalCheck {
  ok: boolean;
  entries: number;
  /** The first entry whose link or content does not match, when the chain is broken. */
  firstBroken: number | null;
}

/** Walks the whole chain in order; stops at the first entry whose hash or link is wrong. */
export function verifyJournal(db: Db): JournalCheck {
  let prev = GENESIS;
  let expectedSeq = 1;
  let count = 0;
  for (const row of db.prepare('SELECT * FROM journal ORDER BY seq').iterate()) {
    const e = rowToEntry(row as Record<string, unknown>);
    const { hash, prevHash, ...rest } = e;
    if (e.seq !== expectedSeq || prevHash !== prev || entryHash(prev, rest) !== hash) {
      return { ok: false, entries: count, firstBroken: e.seq };
    }
    prev = hash;
    expectedSeq += 1;
    count += 1;
  }
  return { ok: true, entries: count, firstBroken: null };
}
