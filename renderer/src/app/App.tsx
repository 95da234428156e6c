import { Center, Loader } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';

import type { VaultStatus } from '../../../shared/api/vault-api';
import { api, onVaultLocked } from '../api/client';
import { ForcePassphrase } from '../features/lock/ForcePassphrase';
import { LockScreen } from '../features/lock/LockScreen';
import { Welcome } from '../features/onboarding/Welcome';
import { Shell } from '../features/shell/Shell';
import { useIdleTouch } from '../hooks/useIdleTouch';

/** Chooses the screen from the vault's state: first run, lock screen, or the app itself. */
export function App() {
  const [status, setStatus] = useState<VaultStatus | null>(null);

  const refresh = useCallback(async () => {
    setStatus(await api.vault.status({}));
  }, []);

  useEffect(() => {
    void refresh();
    return onVaultLocked(() => void refresh());
  }, [refresh]);

  const unlocked = status?.state === 'unlocked';
  useIdleTouch(unlocked, refresh);

  if (!status) {
    return (
      <Center h="100vh">
        <Loader aria-label="Chargement" />
      </Center>
    );
  }
  if (status.state === 'absent') return <Welcome onDone={refresh} />;
  if (status.state === 'locked' || !status.session)
    return <LockScreen status={status} onUnlocked={refresh} />;
  if (status.session.mustChangePassphrase)
    return <ForcePassphrase session={status.session} onDone={refresh} />;
  return <Shell status={status} onStatusChange={refresh} />;
}
