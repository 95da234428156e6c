import { useEffect } from 'react';

import { api } from '../api/client';

const TOUCH_EVERY_MS = 30_000;
const POLL_EVERY_MS = 10_000;

/**
 * Tells the core the user is active (at most every 30 s) and polls the lock state, so that an idle
 * lock decided by the core brings the lock screen back even when nobody clicks.
 */
export function useIdleTouch(active: boolean, onLocked: () => void): void {
  useEffect(() => {
    if (!active) return undefined;
    let last = 0;
    const touch = () => {
      const now = Date.now();
      if (now - last < TOUCH_EVERY_MS) return;
      last = now;
      void api.session.touch({}).then((r) => r.locked && onLocked());
    };
    const events = ['keydown', 'pointerdown', 'wheel', 'pointermove'] as const;
    for (const e of events) window.addEventListener(e, touch, { passive: true });
    const poll = window.setInterval(() => {
      void api.vault.status({}).then((s) => s.state !== 'unlocked' && onLocked());
    }, POLL_EVERY_MS);
    return () => {
      for (const e of events) window.removeEventListener(e, touch);
      window.clearInterval(poll);
    };
  }, [active, onLocked]);
}
