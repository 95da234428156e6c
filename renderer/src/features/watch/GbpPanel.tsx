import {
  Alert,
  Button,
  Checkbox,
  Group,
  Loader,
  Paper,
  Progress,
  Stack,
  Text,
} from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';

import type { GbpView } from '../../../../shared/api/watch-api';
import { api, errorMessage } from '../../api/client';
import { frenchDate } from '../cases/format';
import { openOutside } from './open-link';

/** The Google Business Profile page of the cabinet: claim it, verify it, keep it right. */
export function GbpPanel() {
  const [view, setView] = useState<GbpView | null>(null);
  const [error, setError] = useState<string | null>(null);

  const act = useCallback(async (fn: () => Promise<GbpView>) => {
    try {
      setView(await fn());
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, []);
  useEffect(() => {
    void act(() => api.gbp.get({}));
  }, [act]);

  if (!view) return error ? <Alert color="red">{error}</Alert> : <Loader />;
  const done = view.items.filter((i) => i.doneAt !== null).length;
  return (
    <Stack data-testid="gbp-checklist">
      <Text size="sm">
        Google crée seul une page pour votre cabinet à partir des annuaires publics. Tant que vous
        ne l’avez pas revendiquée, vous ne pouvez ni corriger ses informations ni répondre aux avis
        au nom du cabinet.
      </Text>
      <Group justify="space-between">
        <Progress value={(done / view.items.length) * 100} w={240} aria-label="Avancement" />
        <Text size="sm">
          {done} étape{done > 1 ? 's' : ''} sur {view.items.length}
        </Text>
        <Button
          variant="light"
          onClick={() =>
            void openOutside(view.helpUrl).then((failed) => failed && setError(failed))
          }
        >
          Aide de Google : gérer la fiche d’établissement
        </Button>
      </Group>
      {error && <Alert color="red">{error}</Alert>}
      {view.items.map((item) => (
        <Paper key={item.id} withBorder p="sm">
          <Checkbox
            label={item.label}
            description={item.detail}
            checked={item.doneAt !== null}
            onChange={(e) =>
              void act(() => api.gbp.set({ itemId: item.id, done: e.currentTarget.checked }))
            }
          />
          {item.doneAt && (
            <Text size="xs" c="dimmed" ml={32} mt={4}>
              Fait le {frenchDate(item.doneAt)} ({item.by})
            </Text>
          )}
        </Paper>
      ))}
    </Stack>
  );
}
