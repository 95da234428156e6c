import { useEffect, useState } from 'react';

import type { DueNotification } from '../../../../shared/api/watch-api';
import { api, isHarness } from '../../api/client';

const HOUR_MS = 60 * 60_000;

/**
 * In the browser harness there is no desktop: what is newly due within 7 days comes back here,
 * at start and every hour, for the page to show as a banner (in the page, not a floating toast
 * that could cover the header). In Electron the main process shows a system notification, so
 * the renderer leaves the day's list alone.
 */
export function useDueNotifications(): [DueNotification | null, () => void] {
  const [due, setDue] = useState<DueNotification | null>(null);
  useEffect(() => {
    if (!isHarness()) return;
    const check = () =>
      void api.notifications.due({}).then(
        (next) => next.items.length > 0 && setDue(next),
        () => undefined,
      );
    check();
    const timer = window.setInterval(check, HOUR_MS);
    return () => window.clearInterval(timer);
  }, []);
  return [due, () => setDue(null)];
}
