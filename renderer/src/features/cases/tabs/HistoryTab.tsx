import { Alert, Loader, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';

import type { CaseDetail } from '../../../../../shared/api/cases-api';
import type { JournalItem } from '../../../../../shared/api/security-api';
import { api, errorMessage } from '../../../api/client';
import { JournalTable } from '../../settings/JournalPanel';

/** Who changed what in this case file and when, from the journal (codes only, never texts). */
export function HistoryTab({ detail }: { detail: CaseDetail }) {
  const [entries, setEntries] = useState<JournalItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  // The detail object changes after every action: the history follows it.
  useEffect(() => {
    let live = true;
    api.journal.list({ caseId: detail.id, limit: 500 }).then(
      (e) => live && setEntries(e),
      (e: unknown) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [detail]);

  if (error) return <Alert color="red">{error}</Alert>;
  if (!entries) return <Loader aria-label="Chargement de l’historique" />;
  return (
    <Stack maw={900}>
      <Text size="sm" c="dimmed">
        Chaque modification de ce dossier, avec le compte et l’heure, telle qu’inscrite au journal
        du coffre.
      </Text>
      <JournalTable entries={entries} />
    </Stack>
  );
}
