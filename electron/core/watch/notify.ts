/**
 * Deadlines due within DUE_SOON_DAYS that the user has not been told about today. The Electron
 * main process turns them into a desktop notification; the browser harness into a banner.
 */
import type { DeadlineView, DueItem, DueNotification } from '../../../shared/api/watch-api';
import { DUE_SOON_DAYS } from '../../../shared/domain/watch';
import type { Db } from '../db/open';
import { listDeadlines } from '../deadlines/views';
import type { OpenVault } from '../vault/open-vault';

const SETTING_KEY = 'watch.notified';
const MAX_LINES = 5;

interface Notified {
  on: string;
  keys: string[];
}

function readNotified(db: Db): Notified | null {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(SETTING_KEY) as
    { value: string } | undefined;
  if (!row) return null;
  try {
    const value = JSON.parse(row.value) as Partial<Notified>;
    return typeof value.on === 'string' && Array.isArray(value.keys)
      ? { on: value.on, keys: value.keys.filter((k): k is string => typeof k === 'string') }
      : null;
  } catch {
    return null;
  }
}

function when(days: number): string {
  if (days < 0) return `dépassée depuis ${-days} jour${days < -1 ? 's' : ''}`;
  if (days === 0) return 'aujourd’hui';
  return `dans ${days} jour${days > 1 ? 's' : ''}`;
}

/** Case numbers and the engine's labels only: a notification shows on screen to anyone near. */
function line(d: DeadlineView): string {
  const label = d.kind === 'follow-up' ? 'Relance prévue' : d.label;
  return `Dossier n° ${d.caseRef} — ${label} : ${when(d.daysLeft)}`;
}

export function dueNotification(vault: OpenVault, now: Date): DueNotification {
  const { today, deadlines } = listDeadlines(vault, now);
  const due = deadlines.filter((d) => d.daysLeft <= DUE_SOON_DAYS);
  const stored = readNotified(vault.db);
  const already = new Set(stored?.on === today ? stored.keys : []);
  const fresh = due.filter((d) => !already.has(`${d.caseId}:${d.key}`));
  if (fresh.length === 0) return { items: [], title: '', body: '' };

  const keys = [...already, ...fresh.map((d) => `${d.caseId}:${d.key}`)];
  vault.change(
    { action: 'notify.due', entity: 'settings', details: { count: fresh.length } },
    (db) =>
      db
        .prepare(
          'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
        )
        .run(SETTING_KEY, JSON.stringify({ on: today, keys })),
    now,
  );

  const items: DueItem[] = fresh.map((d) => ({
    key: d.key,
    caseId: d.caseId,
    caseRef: d.caseRef,
    label: d.kind === 'follow-up' ? 'Relance prévue' : d.label,
    effective: d.effective,
    daysLeft: d.daysLeft,
  }));
  const overdue = fresh.some((d) => d.daysLeft < 0);
  const title =
    fresh.length === 1
      ? `Égide : une échéance ${overdue ? 'dépassée' : `dans les ${DUE_SOON_DAYS} jours`}`
      : `Égide : ${fresh.length} échéances dans les ${DUE_SOON_DAYS} jours` +
        (overdue ? ' ou dépassées' : '');
  const lines = fresh.slice(0, MAX_LINES).map(line);
  if (fresh.length > MAX_LINES) lines.push(`et ${fresh.length - MAX_LINES} autre(s)`);
  return { items, title, body: lines.join('\n') };
}
