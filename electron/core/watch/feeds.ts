/**
 * The opt-in mentions watch: feeds the user pasted (Google Alerts), the mentions found in them,
 * and what the user did with each (dismissed, or turned into a case file). Fetching happens only
 * when the user asks; offline, the lists stay as they were and the error says why.
 */
import { randomUUID } from 'node:crypto';

import type { FeedRow, Mention } from '../../../shared/api/watch-api';
import { AppError } from '../../../shared/api/errors';
import { isoDateInTimeZone } from '../../../shared/deadlines/dates';
import { createCase } from '../cases/repo';
import type { Db } from '../db/open';
import type { OpenVault } from '../vault/open-vault';
import { checkFeedUrl, fetchFeed, type FetchFeedOptions } from './feed-fetch';
import { parseFeed } from './feed-parse';

export function listFeeds(db: Db): FeedRow[] {
  return (
    db
      .prepare(
        `SELECT f.*, (SELECT count(*) FROM mentions m WHERE m.feed_id = f.id
           AND m.dismissed_at IS NULL AND m.case_id IS NULL) AS new_count
         FROM feeds f ORDER BY f.created_at, f.rowid`,
      )
      .all() as Array<{
      id: string;
      url: string;
      label: string;
      created_at: string;
      last_fetched: string | null;
      last_error: string | null;
      new_count: number;
    }>
  ).map((f) => ({
    id: f.id,
    url: f.url,
    label: f.label,
    createdAt: f.created_at,
    lastFetched: f.last_fetched,
    lastError: f.last_error,
    newCount: f.new_count,
  }));
}

export function addFeed(
  vault: OpenVault,
  input: { url: string; label: string },
  allowLoopback: boolean,
  now: Date,
): string {
  const url = checkFeedUrl(input.url, allowLoopback).href;
  if (vault.db.prepare('SELECT 1 FROM feeds WHERE url = ?').get(url)) {
    throw new AppError('CONFLICT', 'Ce flux est déjà suivi.', 'url');
  }
  const id = randomUUID();
  vault.change(
    { action: 'feed.add', entity: 'feed', entityId: id },
    (db) =>
      db
        .prepare('INSERT INTO feeds (id, url, label, created_at) VALUES (?, ?, ?, ?)')
        .run(id, url, input.label, now.toISOString()),
    now,
  );
  return id;
}

function requireFeed(db: Db, id: string): { id: string; url: string } {
  const row = db.prepare('SELECT id, url FROM feeds WHERE id = ?').get(id) as
    { id: string; url: string } | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'Ce flux n’est plus suivi. Rechargez la page.');
  return row;
}

/** Removes the feed and its mentions; case files opened from a mention keep their own copy. */
export function removeFeed(vault: OpenVault, id: string, now: Date): void {
  requireFeed(vault.db, id);
  vault.change(
    { action: 'feed.remove', entity: 'feed', entityId: id },
    (db) => {
      db.prepare('DELETE FROM mentions WHERE feed_id = ?').run(id);
      db.prepare('DELETE FROM feeds WHERE id = ?').run(id);
    },
    now,
  );
}

/**
 * Fetches one feed and records the mentions not seen before. A failure is recorded on the feed
 * (so the panel shows it later too) and thrown as the French AppError.
 */
export async function refreshFeed(
  vault: OpenVault,
  id: string,
  options: FetchFeedOptions,
  now: Date,
): Promise<number> {
  const feed = requireFeed(vault.db, id);
  let entries;
  try {
    entries = parseFeed(await fetchFeed(feed.url, options)).entries;
  } catch (error) {
    const appError =
      error instanceof AppError
        ? error
        : new AppError('NETWORK', 'Flux non récupéré : erreur inattendue. Réessayez plus tard.');
    if (!vault.isClosed && vault.db.prepare('SELECT 1 FROM feeds WHERE id = ?').get(id)) {
      vault.change(
        { action: 'feed.refresh', entity: 'feed', entityId: id, details: { ok: false } },
        (db) =>
          db
            .prepare('UPDATE feeds SET last_fetched = ?, last_error = ? WHERE id = ?')
            .run(now.toISOString(), appError.message, id),
        now,
      );
    }
    throw appError;
  }
  if (vault.isClosed) {
    throw new AppError('VAULT_LOCKED', 'Le coffre s’est verrouillé pendant la lecture du flux.');
  }
  requireFeed(vault.db, id);
  return vault.change(
    { action: 'feed.refresh', entity: 'feed', entityId: id, details: { ok: true } },
    (db) => {
      const insert = db.prepare(
        `INSERT OR IGNORE INTO mentions (id, feed_id, guid, title, link, published, seen_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      );
      let added = 0;
      for (const e of entries) {
        added += insert.run(
          randomUUID(),
          id,
          e.guid,
          e.title,
          e.link,
          e.published,
          now.toISOString(),
        ).changes;
      }
      db.prepare('UPDATE feeds SET last_fetched = ?, last_error = NULL WHERE id = ?').run(
        now.toISOString(),
        id,
      );
      return added;
    },
    now,
  );
}

interface MentionRow {
  id: string;
  feed_id: string;
  title: string;
  link: string | null;
  published: string | null;
  seen_at: string;
  dismissed_at: string | null;
  case_id: string | null;
}

function toMention(r: MentionRow): Mention {
  return {
    id: r.id,
    feedId: r.feed_id,
    title: r.title,
    link: r.link,
    published: r.published,
    seenAt: r.seen_at,
    dismissedAt: r.dismissed_at,
    caseId: r.case_id,
  };
}

export function listMentions(db: Db, includeDismissed: boolean): Mention[] {
  const where = includeDismissed ? '' : 'WHERE dismissed_at IS NULL';
  return (
    db
      .prepare(
        `SELECT * FROM mentions ${where} ORDER BY coalesce(published, seen_at) DESC, id LIMIT 500`,
      )
      .all() as MentionRow[]
  ).map(toMention);
}

function requireMention(db: Db, id: string): MentionRow {
  const row = db.prepare('SELECT * FROM mentions WHERE id = ?').get(id) as MentionRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'Cette mention est introuvable. Rechargez la page.');
  return row;
}

export function dismissMention(vault: OpenVault, id: string, now: Date): void {
  const row = requireMention(vault.db, id);
  if (row.dismissed_at !== null) return;
  vault.change(
    { action: 'mention.dismiss', entity: 'mention', entityId: id },
    (db) =>
      db.prepare('UPDATE mentions SET dismissed_at = ? WHERE id = ?').run(now.toISOString(), id),
    now,
  );
}

function hostOf(link: string | null): string {
  if (link === null) return '';
  try {
    return new URL(link).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

/**
 * A case file from a mention: its title and link, discovered when the watch saw it. The alert's
 * date becomes an estimated first posting, which can only bring the prescription end closer.
 */
export function mentionToCase(
  vault: OpenVault,
  id: string,
  kind: 'review' | 'other',
  now: Date,
): string {
  const m = requireMention(vault.db, id);
  if (m.case_id !== null) return m.case_id;
  const discovered = isoDateInTimeZone(new Date(m.seen_at));
  const published = m.published ? isoDateInTimeZone(new Date(m.published)) : null;
  const firstPosted = published !== null && published <= discovered ? published : null;
  return vault.change(
    { action: 'mention.case', entity: 'mention', entityId: id, details: { kind } },
    (db) => {
      const caseId = createCase(
        vault,
        {
          kind,
          title: m.title.slice(0, 200),
          platform: hostOf(m.link),
          platformEntryId: null,
          url: m.link ?? '',
          authorPseudonym: '',
          authorIdentifiable: false,
          authorIdentity: '',
          rating: null,
          ratingMax: null,
          firstPosted,
          firstPostedHow: firstPosted ? 'estimated' : null,
          discovered,
          notes: firstPosted
            ? 'Dossier ouvert depuis la veille des mentions. Date de mise en ligne estimée ' +
              'd’après la date de l’alerte : vérifiez-la sur la page.'
            : 'Dossier ouvert depuis la veille des mentions.',
          tags: ['veille'],
        },
        '',
        now,
      );
      db.prepare('UPDATE mentions SET case_id = ? WHERE id = ?').run(caseId, id);
      return caseId;
    },
    now,
  );
}

/** Hosts of mentions still listed: their links may open in the browser. */
export function mentionHosts(db: Db): string[] {
  const rows = db
    .prepare('SELECT link FROM mentions WHERE dismissed_at IS NULL AND link IS NOT NULL LIMIT 500')
    .all() as Array<{ link: string }>;
  return [...new Set(rows.map((r) => hostOf(r.link)).filter((h) => h !== ''))];
}
