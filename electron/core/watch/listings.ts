/**
 * The listings watch: for each directory site of the resources, and each site the user adds,
 * whether the cabinet has a listing there, where, in what state, and when it was last checked.
 * A directory site has no row until the user records something about it.
 */
import { randomUUID } from 'node:crypto';

import type { ListingRow, ListingsReminder, ListingsView } from '../../../shared/api/watch-api';
import { AppError } from '../../../shared/api/errors';
import { diffDays } from '../../../shared/deadlines/dates';
import { LISTING_CHECK_DAYS, type ListingState } from '../../../shared/domain/watch';
import type { Site } from '../../../shared/resources/schema';
import { createCase } from '../cases/repo';
import type { Db } from '../db/open';
import { loadCatalog } from '../directory/catalog';
import type { OpenVault } from '../vault/open-vault';
import { today } from '../deadlines/views';

interface WatchRow {
  id: string;
  entry_id: string | null;
  name: string;
  site_url: string;
  listing_url: string;
  state: ListingState;
  last_checked: string | null;
  notes: string;
  case_id: string | null;
  case_title: string | null;
  case_status: string | null;
}

async function directorySites(resourcesDir: string): Promise<Site[]> {
  return (await loadCatalog(resourcesDir)).resources.sites.sites;
}

function watchRows(db: Db): WatchRow[] {
  return db
    .prepare(
      `SELECT w.*, c.title AS case_title, c.status AS case_status
       FROM listings_watch w LEFT JOIN case_files c ON c.id = w.case_id
       ORDER BY w.created_at, w.rowid`,
    )
    .all() as WatchRow[];
}

function isStale(lastChecked: string | null, day: string): boolean {
  return lastChecked === null || diffDays(lastChecked, day) >= LISTING_CHECK_DAYS;
}

export function reminderOf(rows: readonly Pick<ListingRow, 'stale'>[]): ListingsReminder {
  const stale = rows.filter((r) => r.stale).length;
  return { due: stale > 0, stale, total: rows.length };
}

export async function listListings(
  vault: OpenVault,
  resourcesDir: string,
  now: Date,
): Promise<ListingsView> {
  const day = today(now);
  const stored = watchRows(vault.db);
  const byEntry = new Map(stored.filter((r) => r.entry_id).map((r) => [r.entry_id!, r]));
  const toRow = (key: string, builtIn: boolean, w: WatchRow | undefined, site?: Site) => ({
    key,
    builtIn,
    name: site?.name ?? w?.name ?? '',
    siteUrl: site?.url ?? w?.site_url ?? '',
    listingUrl: w?.listing_url ?? '',
    state: w?.state ?? 'non-verifiee',
    lastChecked: w?.last_checked ?? null,
    notes: w?.notes ?? '',
    // A closed case no longer follows the listing: the user may open a new one.
    caseId: w?.case_status && w.case_status !== 'clos' ? w.case_id : null,
    caseTitle: w?.case_status && w.case_status !== 'clos' ? w.case_title : null,
    stale: isStale(w?.last_checked ?? null, day),
  });
  const rows: ListingRow[] = [
    ...(await directorySites(resourcesDir)).map((s) =>
      toRow(`site:${s.id}`, true, byEntry.get(`site:${s.id}`), s),
    ),
    ...stored.filter((w) => w.entry_id === null).map((w) => toRow(`user:${w.id}`, false, w)),
  ];
  return { today: day, rows, reminder: reminderOf(rows) };
}

/** The watch row of a key, created on first use for a directory site. */
async function ensureRow(
  db: Db,
  resourcesDir: string,
  key: string,
): Promise<WatchRow & { fresh: boolean }> {
  if (key.startsWith('user:')) {
    const row = watchRows(db).find((r) => r.entry_id === null && `user:${r.id}` === key);
    if (!row) throw new AppError('NOT_FOUND', 'Ce site n’est plus dans la veille. Rechargez.');
    return { ...row, fresh: false };
  }
  const existing = watchRows(db).find((r) => r.entry_id === key);
  if (existing) return { ...existing, fresh: false };
  const site = (await directorySites(resourcesDir)).find((s) => `site:${s.id}` === key);
  if (!site) {
    throw new AppError('NOT_FOUND', 'Ce site ne figure pas dans les annuaires d’Égide.', 'key');
  }
  return {
    id: randomUUID(),
    entry_id: key,
    name: site.name,
    site_url: site.url,
    listing_url: '',
    state: 'non-verifiee',
    last_checked: null,
    notes: '',
    case_id: null,
    case_title: null,
    case_status: null,
    fresh: true,
  };
}

function upsert(db: Db, row: WatchRow & { fresh: boolean }, now: Date): void {
  const at = now.toISOString();
  if (row.fresh) {
    db.prepare(
      `INSERT INTO listings_watch (id, entry_id, name, site_url, listing_url, state, last_checked,
         notes, case_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      row.id,
      row.entry_id,
      row.name,
      row.site_url,
      row.listing_url,
      row.state,
      row.last_checked,
      row.notes,
      row.case_id,
      at,
      at,
    );
    return;
  }
  db.prepare(
    `UPDATE listings_watch SET listing_url = ?, state = ?, last_checked = ?, notes = ?,
       case_id = ?, updated_at = ? WHERE id = ?`,
  ).run(row.listing_url, row.state, row.last_checked, row.notes, row.case_id, at, row.id);
}

export async function saveListing(
  vault: OpenVault,
  resourcesDir: string,
  input: { key: string; state: ListingState; listingUrl: string; notes: string },
  now: Date,
): Promise<void> {
  const row = await ensureRow(vault.db, resourcesDir, input.key);
  vault.change(
    {
      action: 'listing.save',
      entity: 'listing',
      entityId: row.id,
      details: { state: input.state, url: input.listingUrl !== '' },
    },
    (db) =>
      upsert(
        db,
        { ...row, state: input.state, listing_url: input.listingUrl, notes: input.notes },
        now,
      ),
    now,
  );
}

/** Records today as the last check: called once the site was opened for the user. */
export async function markChecked(
  vault: OpenVault,
  resourcesDir: string,
  key: string,
  now: Date,
): Promise<void> {
  const row = await ensureRow(vault.db, resourcesDir, key);
  vault.change(
    { action: 'listing.check', entity: 'listing', entityId: row.id },
    (db) => upsert(db, { ...row, last_checked: today(now) }, now),
    now,
  );
}

export function addListing(
  vault: OpenVault,
  input: { name: string; siteUrl: string; listingUrl: string; state: ListingState; notes: string },
  now: Date,
): string {
  if (input.siteUrl === '' && input.listingUrl === '') {
    throw new AppError(
      'INVALID_INPUT',
      'Indiquez l’adresse du site ou celle de la fiche, pour pouvoir la vérifier.',
      'siteUrl',
    );
  }
  const id = randomUUID();
  vault.change(
    { action: 'listing.add', entity: 'listing', entityId: id, details: { state: input.state } },
    (db) =>
      upsert(
        db,
        {
          id,
          entry_id: null,
          name: input.name,
          site_url: input.siteUrl,
          listing_url: input.listingUrl,
          state: input.state,
          last_checked: null,
          notes: input.notes,
          case_id: null,
          case_title: null,
          case_status: null,
          fresh: true,
        },
        now,
      ),
    now,
  );
  return id;
}

/** Only sites the user added can leave the watch; directory sites stay listed. */
export function removeListing(vault: OpenVault, key: string, now: Date): void {
  if (!key.startsWith('user:')) {
    throw new AppError(
      'INVALID_INPUT',
      'Les sites des annuaires d’Égide restent dans la veille : indiquez plutôt « Aucune fiche ».',
    );
  }
  const id = key.slice('user:'.length);
  const found = vault.db
    .prepare('SELECT 1 FROM listings_watch WHERE id = ? AND entry_id IS NULL')
    .get(id);
  if (!found) throw new AppError('NOT_FOUND', 'Ce site n’est plus dans la veille. Rechargez.');
  vault.change(
    { action: 'listing.remove', entity: 'listing', entityId: id },
    (db) => db.prepare('DELETE FROM listings_watch WHERE id = ?').run(id),
    now,
  );
}

/**
 * Opens a 'listing' case file with the site, the listing's address and the directory entry, and
 * links it to the watch row. An open case already linked is returned instead of a duplicate.
 */
export async function openCaseFromListing(
  vault: OpenVault,
  resourcesDir: string,
  key: string,
  now: Date,
): Promise<string> {
  const row = await ensureRow(vault.db, resourcesDir, key);
  if (row.case_id !== null && row.case_status !== null && row.case_status !== 'clos') {
    return row.case_id;
  }
  return vault.change(
    { action: 'listing.case', entity: 'listing', entityId: row.id },
    (db) => {
      const caseId = createCase(
        vault,
        {
          kind: 'listing',
          title: `Fiche nominative — ${row.name}`.slice(0, 200),
          platform: row.name.slice(0, 200),
          platformEntryId: row.entry_id,
          url: row.listing_url,
          authorPseudonym: '',
          authorIdentifiable: false,
          authorIdentity: '',
          rating: null,
          ratingMax: null,
          firstPosted: null,
          firstPostedHow: null,
          discovered: null,
          notes: '',
          tags: [],
        },
        '',
        now,
      );
      upsert(db, { ...row, case_id: caseId }, now);
      return caseId;
    },
    now,
  );
}

/** Hosts of the listings the user recorded: "Vérifier" may open them in the browser. */
export function listingHosts(db: Db): string[] {
  const rows = db.prepare('SELECT site_url, listing_url FROM listings_watch').all() as Array<{
    site_url: string;
    listing_url: string;
  }>;
  const hosts = new Set<string>();
  for (const r of rows) {
    for (const url of [r.site_url, r.listing_url]) {
      if (!url.startsWith('https://')) continue;
      try {
        hosts.add(new URL(url).hostname.replace(/^www\./, ''));
      } catch {
        // An unparsable address opens nothing.
      }
    }
  }
  return [...hosts];
}
