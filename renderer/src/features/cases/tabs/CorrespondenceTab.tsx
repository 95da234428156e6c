import { Alert, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';

import type { CaseDetail } from '../../../../../shared/api/cases-api';
import type { CorrespondenceEntry, Direction } from '../../../../../shared/api/letters-api';
import { api, errorMessage } from '../../../api/client';
import { CorrespondenceList } from '../../letters/correspondence/CorrespondenceList';
import { EntryModal } from '../../letters/correspondence/EntryModal';

interface Props {
  detail: CaseDetail;
  /** Reloads the case file: a scan imported here is a new pièce. */
  onChanged: () => void;
}

/** The case file's correspondence: what was sent and received, and what is awaited. */
export function CorrespondenceTab({ detail, onChanged }: Props) {
  const [entries, setEntries] = useState<CorrespondenceEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<CorrespondenceEntry | Direction | null>(null);

  const load = useCallback(async () => {
    try {
      setEntries(await api.correspondence.list({ caseId: detail.id }));
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [detail.id]);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <Stack maw={960}>
      <Group>
        <Button onClick={() => setEditing('recu')}>Enregistrer une réception</Button>
        <Button variant="default" onClick={() => setEditing('envoye')}>
          Enregistrer un envoi
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        Un courrier marqué comme envoyé depuis l’onglet « Courriers » apparaît ici de lui-même.
        Notez chaque réponse reçue et rattachez-la à l’envoi auquel elle répond.
      </Text>
      {error && <Alert color="red">{error}</Alert>}
      {entries === null && !error && <Loader aria-label="Chargement de la correspondance" />}
      {entries?.length === 0 && (
        <Text c="dimmed" size="sm">
          Aucun échange enregistré pour ce dossier.
        </Text>
      )}
      {entries && entries.length > 0 && (
        <CorrespondenceList entries={entries} onEdit={(e) => setEditing(e)} />
      )}
      {editing !== null && entries && (
        <EntryModal
          detail={detail}
          entries={entries}
          editing={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void load();
            onChanged();
          }}
          onPieceImported={onChanged}
        />
      )}
    </Stack>
  );
}
