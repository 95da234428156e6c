import { Alert, Button, Container, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';

import type { SessionInfo } from '../../../../shared/api/vault-api';
import { api } from '../../api/client';
import { PassphraseField, passphraseOk } from '../../components/PassphraseField';
import { useAction } from '../../hooks/useAction';

/** After opening with the recovery key, nothing else is possible until a new passphrase is set. */
export function ForcePassphrase({ session, onDone }: { session: SessionInfo; onDone: () => void }) {
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const change = useAction(() => api.session.changePassphrase({ next }));
  return (
    <Container size={460} py={60}>
      <Paper withBorder p="xl">
        <Stack>
          <Title order={2}>Nouvelle phrase de passe</Title>
          <Text size="sm">
            Le coffre a été ouvert avec la clé de secours pour le compte « {session.label} ».
            Choisissez une nouvelle phrase de passe pour continuer.
          </Text>
          <PassphraseField
            label="Nouvelle phrase de passe"
            value={next}
            onChange={setNext}
            context={[session.label]}
            autoFocus
          />
          <PasswordInput
            label="Confirmez"
            value={confirm}
            onChange={(e) => setConfirm(e.currentTarget.value)}
            error={confirm && confirm !== next ? 'Les deux saisies diffèrent.' : undefined}
          />
          {change.error && <Alert color="red">{change.error}</Alert>}
          <Button
            loading={change.pending}
            disabled={!passphraseOk(next, [session.label]) || next !== confirm}
            onClick={() => void change.run().then((r) => r && onDone())}
          >
            Enregistrer et continuer
          </Button>
        </Stack>
      </Paper>
    </Container>
  );
}
