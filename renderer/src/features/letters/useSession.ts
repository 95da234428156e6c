import { useEffect, useState } from 'react';

import type { SessionInfo } from '../../../../shared/api/vault-api';
import { api } from '../../api/client';

/** The signed-in account: the doctor sees « Valider », the secretary sees who must do it. */
export function useSession(): SessionInfo | null {
  const [session, setSession] = useState<SessionInfo | null>(null);
  useEffect(() => {
    let live = true;
    api.vault.status({}).then(
      (s) => live && setSession(s.session),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return session;
}
