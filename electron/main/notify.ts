import { Notification, type BrowserWindow } from 'electron';

import type { AppHost } from '../core/app/host';
import { getLogger } from '../core/log';
import type { OpenVault } from '../core/vault/open-vault';
import { dueNotification } from '../core/watch/notify';

/** A new unlock is noticed within this delay; the core notifies each deadline once a day. */
const POLL_MS = 30_000;
const RECHECK_MS = 15 * 60_000;

/**
 * Desktop notifications for deadlines due within 7 days: right after each unlock, then as the
 * day changes. It calls the core directly rather than host.call(): a dispatched call counts as
 * activity and would keep the vault from locking when the cabinet leaves the PC.
 */
export function startDueNotifications(
  host: AppHost,
  window: () => BrowserWindow | null,
): () => void {
  const log = getLogger().child({ subsystem: 'notify' });
  let seen: OpenVault | null = null;
  let lastCheck = 0;

  const check = (vault: OpenVault) => {
    lastCheck = Date.now();
    if (!Notification.isSupported()) return;
    try {
      const due = dueNotification(vault, host.now());
      if (due.items.length === 0) return;
      const notification = new Notification({ title: due.title, body: due.body });
      notification.on('click', () => {
        const win = window();
        if (!win) return;
        if (win.isMinimized()) win.restore();
        win.focus();
      });
      notification.show();
    } catch (error) {
      // A notification is a convenience: the dashboard lists the same deadlines.
      log.warn({ err: error }, 'due notification failed');
    }
  };

  const timer = setInterval(() => {
    const vault = host.session;
    if (!vault || vault.isClosed || vault.mustChangePassphrase) {
      seen = null;
      return;
    }
    if (vault !== seen || Date.now() - lastCheck >= RECHECK_MS) {
      seen = vault;
      check(vault);
    }
  }, POLL_MS);
  return () => clearInterval(timer);
}
