import { Alert, Button, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';

import {
  journalActionLabel,
  type JournalItem,
  type JournalVerification,
} from '../../../../shared/api/security-api';
import { api, errorMessage } from '../../api/client';
import { useAction } from '../../hooks/useAction';
import { frenchDate } from '../cases/format';

const PAGE = 200;

/** Recent entries of the hash-chained journal, and the integrity check of the whole chain. */
export function JournalPanel() {
  const [entries, setEntries] = useState<JournalItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [check, setCheck] = useState<JournalVerification | null>(null);
  const verify = useAction(() => api.journal.verify({}));

  const load = useCallback(async () => {
    try {
      setEntries(await api.journal.list({ limit: PAGE }));
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <Stack maw={900}>
      <Title order={4}>Journal des modifications</Title>
      <Text size="sm" c="dimmed">
        Chaque modification est inscrite avec le compte et l’heure, sans jamais recopier les textes
        saisis. Les entrées sont chaînées : une entrée modifiée ou supprimée se voit à la
        vérification.
      </Text>
      <Group>
        <Button
          variant="light"
          loading={verify.pending}
          onClick={() => void verify.run().then((r) => r && setCheck(r))}
        >
          Vérifier l’intégrité
        </Button>
      </Group>
      {verify.error && <Alert color="red">{verify.error}</Alert>}
      {check && (
        <Alert
          color={check.ok ? 'teal' : 'red'}
          title={check.ok ? 'Journal intact' : 'Journal altéré'}
          data-testid="journal-check"
        >
          {check.ok
            ? `Les ${check.entries} entrées se suivent sans rupture (vérifié le ${frenchDate(check.checkedAt)}).`
            : `La chaîne est rompue à l’entrée n° ${check.firstBroken} : elle, ou l’entrée qui la ` +
              `précède, a été modifiée ou supprimée hors d’Égide. Les ${check.entries} entrées ` +
              'précédentes sont intactes. Conservez une sauvegarde antérieure et signalez-le.'}
        </Alert>
      )}
      {error && <Alert color="red">{error}</Alert>}
      {!entries && !error && <Loader aria-label="Chargement du journal" />}
      {entries && <JournalTable entries={entries} />}
      {entries?.length === PAGE && (
        <Text size="xs" c="dimmed">
          Seules les {PAGE} dernières entrées sont affichées ; la vérification porte sur tout le
          journal.
        </Text>
      )}
    </Stack>
  );
}

/** Also used by the case file's Historique tab. */
export function JournalTable({ entries }: { entries: JournalItem[] }) {
  if (entries.length === 0) return <Text c="dimmed">Aucune entrée.</Text>;
  return (
    <Table striped highlightOnHover data-testid="journal-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>N°</Table.Th>
          <Table.Th>Date</Table.Th>
          <Table.Th>Compte</Table.Th>
          <Table.Th>Action</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {entries.map((e) => (
          <Table.Tr key={e.seq}>
            <Table.Td>{e.seq}</Table.Td>
            <Table.Td>{frenchDate(e.at)}</Table.Td>
            <Table.Td>{e.account}</Table.Td>
            <Table.Td>{journalActionLabel(e.action)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
