/** The Google Business Profile checklist: which steps the cabinet has done, when and by whom. */
import type { GbpView } from '../../../shared/api/watch-api';
import { AppError } from '../../../shared/api/errors';
import { GBP_CHECKLIST, GBP_HELP_URL } from '../../../shared/domain/watch';
import { accountLabels } from '../cases/repo';
import type { OpenVault } from '../vault/open-vault';

export function getGbp(vault: OpenVault): GbpView {
  const label = accountLabels(vault.db);
  const done = new Map(
    (
      vault.db.prepare('SELECT item_id, done_at, by_account FROM gbp_checklist').all() as Array<{
        item_id: string;
        done_at: string;
        by_account: string;
      }>
    ).map((r) => [r.item_id, r]),
  );
  return {
    helpUrl: GBP_HELP_URL,
    items: GBP_CHECKLIST.map((item) => {
      const row = done.get(item.id);
      return { ...item, doneAt: row?.done_at ?? null, by: row ? label(row.by_account) : '' };
    }),
  };
}

export function setGbp(vault: OpenVault, itemId: string, done: boolean, now: Date): GbpView {
  if (!GBP_CHECKLIST.some((i) => i.id === itemId)) {
    throw new AppError(
      'NOT_FOUND',
      'Cette étape ne figure pas dans la liste de contrôle.',
      'itemId',
    );
  }
  vault.change(
    { action: 'gbp.set', entity: 'gbp_item', entityId: itemId, details: { done } },
    (db) => {
      if (!done) {
        db.prepare('DELETE FROM gbp_checklist WHERE item_id = ?').run(itemId);
        return;
      }
      db.prepare(
        `INSERT INTO gbp_checklist (item_id, done_at, by_account) VALUES (?, ?, ?)
         ON CONFLICT (item_id) DO NOTHING`,
      ).run(itemId, now.toISOString(), vault.account.id);
    },
    now,
  );
  return getGbp(vault);
}
