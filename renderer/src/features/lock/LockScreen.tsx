import {
  Alert,
  Anchor,
  Button,
  Container,
  Paper,
  PasswordInput,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';

import type { VaultStatus } from '../../../../shared/api/vault-api';
import { ROLE_LABELS } from '../../../../shared/domain/accounts';
import { api } from '../../api/client';
import { useAction } from '../../hooks/useAction';
import { RestoreBackup } from './RestoreBackup';

/** Choose the account, type the passphrase; or open with the printed recovery key. */
export function LockScreen({
  status,
  onUnlocked,
}: {
  status: VaultStatus;
  onUnlocked: () => void;
}) {
  const [accountId, setAccountId] = useState(status.accounts[0]?.id ?? '');
  const [passphrase, setPassphrase] = useState('');
  const [recovering, setRecovering] = useState(false);
  const [recoveryKey, setRecoveryKey] = useState('');
  const unlock = useAction(() => api.vault.unlock({ accountId, passphrase }));
  const recover = useAction(() => api.vault.recover({ accountId, recoveryKey }));
  const leaveDemo = useAction(() => api.vault.leaveDemo({}));
  const [restoring, setRestoring] = useState(false);

  const submit = async () => {
    const done = recovering ? await recover.run() : await unlock.run();
    setPassphrase('');
    if (done) onUnlocked();
  };
  const error = recovering ? recover.error : unlock.error;

  if (restoring) {
    return (
      <RestoreBackup
        hasVault
        onDone={() => setRestoring(false)}
        onCancel={() => setRestoring(false)}
      />
    );
  }

  return (
    <Container size={460} py={60}>
      <Paper
        withBorder
        p="xl"
        component="form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack>
          <Title order={2}>Égide est verrouillé</Title>
          {status.demo && (
            <Alert color="grape" title="Mode démonstration">
              Ce coffre contient des données fictives.{' '}
              <Anchor
                component="button"
                type="button"
                onClick={() => void leaveDemo.run().then(onUnlocked)}
              >
                Quitter la démonstration
              </Anchor>
            </Alert>
          )}
          <div>
            <Text size="sm" fw={500} mb={4}>
              Compte
            </Text>
            <SegmentedControl
              fullWidth
              orientation={status.accounts.length > 3 ? 'vertical' : 'horizontal'}
              value={accountId}
              onChange={setAccountId}
              data={status.accounts.map((a) => ({
                value: a.id,
                label: `${a.label} (${ROLE_LABELS[a.role]})`,
              }))}
            />
          </div>
          {recovering ? (
            <TextInput
              label="Clé de secours"
              description="Les 8 groupes de 4 caractères de la feuille imprimée, tirets facultatifs."
              value={recoveryKey}
              onChange={(e) => setRecoveryKey(e.currentTarget.value)}
              autoComplete="off"
              autoFocus
            />
          ) : (
            <PasswordInput
              label="Phrase de passe"
              value={passphrase}
              onChange={(e) => setPassphrase(e.currentTarget.value)}
              autoComplete="current-password"
              autoFocus
            />
          )}
          {error && <Alert color="red">{error}</Alert>}
          <Button type="submit" loading={unlock.pending || recover.pending} disabled={!accountId}>
            {recovering ? 'Ouvrir avec la clé de secours' : 'Déverrouiller'}
          </Button>
          <Anchor
            component="button"
            type="button"
            size="sm"
            onClick={() => setRecovering(!recovering)}
          >
            {recovering ? 'Revenir à la phrase de passe' : "J'ai perdu ma phrase de passe"}
          </Anchor>
          <Anchor component="button" type="button" size="sm" onClick={() => setRestoring(true)}>
            Restaurer une sauvegarde
          </Anchor>
        </Stack>
      </Paper>
    </Container>
  );
}
