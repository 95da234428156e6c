import {
  Alert,
  Badge,
  Group,
  Loader,
  Paper,
  Stack,
  Tabs,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useEffect, useState } from 'react';

import {
  LETTER_STATUS_LABELS,
  type CorrespondenceEntry,
  type LetterSummary,
} from '../../../../../shared/api/letters-api';
import { api, errorMessage } from '../../../api/client';
import { navigate } from '../../../app/router';
import { frenchDate } from '../../cases/format';
import type { ShellContext } from '../../shell/Shell';
import { CorrespondenceList } from './CorrespondenceList';

const TABS = ['attente', 'journal', 'brouillons'] as const;
type Tab = (typeof TABS)[number];

interface Data {
  awaiting: CorrespondenceEntry[];
  log: CorrespondenceEntry[];
  drafts: LetterSummary[];
}

/**
 * Every case file's correspondence: what awaits an answer, the full log, letters in progress.
 * Limitation: a link opens the case file on its summary; the case route has no tab part yet.
 */
export function CourriersPage({ route }: ShellContext) {
  const tab: Tab = (TABS as readonly string[]).includes(route[1] ?? '')
    ? (route[1] as Tab)
    : 'attente';
  const [data, setData] = useState<Data | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    Promise.all([
      api.correspondence.awaiting({}),
      api.correspondence.list({}),
      api.letters.list({}),
    ]).then(
      ([awaiting, log, letters]) =>
        setData({
          awaiting,
          log,
          drafts: letters.filter((l) => l.status === 'brouillon' || l.status === 'validee'),
        }),
      (e: unknown) => setError(errorMessage(e)),
    );
  }, []);

  const overdue = data?.awaiting.filter((e) => e.overdue).length ?? 0;

  return (
    <Stack maw={960}>
      <Title order={2}>Courriers</Title>
      {error && <Alert color="red">{error}</Alert>}
      {!data && !error && <Loader aria-label="Chargement des courriers" />}
      {data && (
        <Tabs value={tab} onChange={(v) => v && navigate('courriers', v)} keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab
              value="attente"
              rightSection={
                overdue > 0 ? (
                  <Badge color="red" size="sm">
                    {overdue}
                  </Badge>
                ) : null
              }
            >
              En attente de réponse ({data.awaiting.length})
            </Tabs.Tab>
            <Tabs.Tab value="journal">Journal ({data.log.length})</Tabs.Tab>
            <Tabs.Tab value="brouillons">En préparation ({data.drafts.length})</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="attente" pt="md">
            {data.awaiting.length === 0 ? (
              <Text c="dimmed">Aucun envoi n’attend de réponse.</Text>
            ) : (
              <CorrespondenceList entries={data.awaiting} showCase />
            )}
          </Tabs.Panel>
          <Tabs.Panel value="journal" pt="md">
            {data.log.length === 0 ? (
              <Text c="dimmed">Aucun échange enregistré.</Text>
            ) : (
              <CorrespondenceList entries={data.log} showCase />
            )}
          </Tabs.Panel>
          <Tabs.Panel value="brouillons" pt="md">
            <Stack gap="sm">
              {data.drafts.length === 0 && <Text c="dimmed">Aucun courrier en préparation.</Text>}
              {data.drafts.map((l) => (
                <UnstyledButton key={l.id} onClick={() => navigate('dossiers', l.caseId)}>
                  <Paper withBorder p="sm" data-testid="draft-letter">
                    <Group justify="space-between">
                      <Stack gap={2}>
                        <Text fw={600}>{l.title}</Text>
                        <Text size="xs" c="dimmed">
                          Dossier : {l.caseTitle} · modifié le {frenchDate(l.updatedAt)} par{' '}
                          {l.updatedBy}
                        </Text>
                      </Stack>
                      <Badge color={l.status === 'validee' ? 'teal' : 'gray'}>
                        {l.status === 'brouillon' && l.kind !== 'reply'
                          ? 'À valider par le médecin'
                          : LETTER_STATUS_LABELS[l.status]}
                      </Badge>
                    </Group>
                  </Paper>
                </UnstyledButton>
              ))}
            </Stack>
          </Tabs.Panel>
        </Tabs>
      )}
    </Stack>
  );
}
