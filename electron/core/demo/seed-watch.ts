import { randomUUID } from 'node:crypto';

import { isoDateInTimeZone } from '../../../shared/deadlines/dates';
import { computeDeadlines } from '../../../shared/deadlines/engine';
import { accountLabels } from '../cases/repo';
import type { CaseRow } from '../cases/rows';
import { recordOverride } from '../deadlines/changes';
import { loadCaseFacts } from '../deadlines/facts';
import type { OpenVault } from '../vault/open-vault';

const DAY = 86_400_000;

/** Directory sites with invented states: some checked lately, one never, one a month ago. */
const LISTINGS = [
  { entry: 'site:doctoome', name: 'Doctoome', state: 'suppression-demandee', checked: 12 },
  { entry: 'site:choisir-un-medecin', name: 'Choisir un médecin', state: 'presente', checked: 3 },
  { entry: 'site:societe-com', name: 'Société.com', state: 'absente', checked: 45 },
  { entry: 'site:doctolib', name: 'Doctolib', state: 'reclamee', checked: 3 },
] as const;

/**
 * The watch's demo data: listings in several states (one stale, so the monthly reminder shows),
 * the Google page checklist half done, and one corrected deadline to show how a correction looks.
 * No feed: the demo must work offline.
 */
export function seedWatchDemo(vault: OpenVault, now: Date): void {
  const at = now.toISOString();
  const daysAgo = (n: number) => isoDateInTimeZone(new Date(now.getTime() - n * DAY));
  vault.change(
    { action: 'demo.seed', details: { part: 'watch' } },
    (db) => {
      const listing = db.prepare(
        `INSERT OR IGNORE INTO listings_watch (id, entry_id, name, site_url, listing_url, state,
           last_checked, notes, created_at, updated_at) VALUES (?, ?, ?, '', ?, ?, ?, '', ?, ?)`,
      );
      for (const l of LISTINGS) {
        const url =
          l.state === 'absente' ? '' : `https://www.${l.entry.slice(5)}.example/dr-exemple`;
        listing.run(randomUUID(), l.entry, l.name, url, l.state, daysAgo(l.checked), at, at);
      }
      const gbp = db.prepare(
        'INSERT OR IGNORE INTO gbp_checklist (item_id, done_at, by_account) VALUES (?, ?, ?)',
      );
      gbp.run('revendiquer', new Date(now.getTime() - 20 * DAY).toISOString(), vault.account.id);
      gbp.run('valider', new Date(now.getTime() - 14 * DAY).toISOString(), vault.account.id);
    },
    now,
  );

  // A correction on the first running prescription of the demo case files.
  const label = accountLabels(vault.db);
  const rows = vault.db
    .prepare("SELECT * FROM case_files WHERE status != 'clos' ORDER BY created_at")
    .all() as CaseRow[];
  for (const row of rows) {
    const deadline = computeDeadlines(loadCaseFacts(vault.db, row, label).facts).find(
      (d) => d.kind === 'prescription',
    );
    if (!deadline) continue;
    const earlier = new Date(Date.parse(`${deadline.legalEnd}T12:00:00Z`) - 2 * DAY);
    recordOverride(
      vault,
      {
        caseId: row.id,
        deadlineKey: deadline.key,
        date: earlier.toISOString().slice(0, 10),
        reason: 'Date de mise en ligne à confirmer : deux jours de marge, sur conseil de l’avocat.',
      },
      now,
    );
    break;
  }
}
