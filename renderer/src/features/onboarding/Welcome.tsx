import { Alert, Anchor, Button, Container, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';

import { api } from '../../api/client';
import { useAction } from '../../hooks/useAction';
import { RestoreBackup } from '../lock/RestoreBackup';
import { CreateVaultWizard } from './CreateVaultWizard';

/** First launch: create the cabinet's vault, or try the app on example data in a separate folder. */
export function Welcome({ onDone }: { onDone: () => void }) {
  const [creating, setCreating] = useState(false);
  const demo = useAction(() => api.vault.openDemo({}));
  const [restoring, setRestoring] = useState(false);

  if (creating) return <CreateVaultWizard onDone={onDone} onCancel={() => setCreating(false)} />;
  if (restoring) {
    return <RestoreBackup hasVault={false} onDone={onDone} onCancel={() => setRestoring(false)} />;
  }

  return (
    <Container size="sm" py={60}>
      <Paper withBorder p="xl">
        <Stack>
          <Title order={1}>Bienvenue dans Égide</Title>
          <Text>
            Égide aide le cabinet à garder la maîtrise de sa réputation en ligne : fiches des
            annuaires, page Google, avis de patients, commentaires illicites. Tout reste sur cet
            ordinateur, dans un coffre chiffré protégé par une phrase de passe.
          </Text>
          <Group>
            <Button size="md" onClick={() => setCreating(true)}>
              Créer le coffre du cabinet
            </Button>
            <Button
              size="md"
              variant="default"
              loading={demo.pending}
              onClick={() => void demo.run().then((r) => r && onDone())}
            >
              Essayer avec des données d'exemple
            </Button>
          </Group>
          {demo.error && <Alert color="red">{demo.error}</Alert>}
          <Anchor component="button" type="button" size="sm" onClick={() => setRestoring(true)}>
            Restaurer une sauvegarde
          </Anchor>
          <Text size="sm" c="dimmed">
            Les données d'exemple sont fictives et rangées dans un dossier séparé : elles ne se
            mélangent jamais à celles du cabinet.
          </Text>
        </Stack>
      </Paper>
    </Container>
  );
}
