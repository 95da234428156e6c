import { Alert, Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';

import { NOTE_MAX, type DirectoryNote } from '../../../../shared/api/resources-api';
import { api } from '../../api/client';
import { useAction } from '../../hooks/useAction';
import { formatDateTime } from './links';

interface Props {
  entryId: string;
  note: DirectoryNote | null;
  onSaved: (entryId: string, note: DirectoryNote | null) => void;
}

/** The cabinet's own note on a directory entry: a contract number, a name, a date. */
export function NoteEditor({ entryId, note, onSaved }: Props) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState('');
  const save = useAction((text: string) => api.notes.set({ entryId, text }));

  const submit = async (text: string) => {
    const result = await save.run(text);
    if (result === undefined) return;
    onSaved(entryId, result);
    setEditing(false);
  };

  const remove = () => {
    if (window.confirm('Supprimer la note du cabinet sur cette entrée ?')) void submit('');
  };

  return (
    <Paper withBorder p="sm" bg="var(--mantine-color-gray-0)">
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600} size="sm">
            Note du cabinet
          </Text>
          {!editing && (
            <Button
              size="xs"
              variant="subtle"
              onClick={() => {
                setDraft(note?.text ?? '');
                save.clearError();
                setEditing(true);
              }}
            >
              {note === null ? 'Ajouter une note' : 'Modifier la note'}
            </Button>
          )}
        </Group>
        {editing ? (
          <>
            <Textarea
              label="Texte de la note"
              description="Par exemple : numéro de contrat, interlocuteur, date d’un signalement."
              autosize
              minRows={2}
              maxLength={NOTE_MAX}
              value={draft}
              onChange={(e) => setDraft(e.currentTarget.value)}
              data-autofocus
            />
            {save.error && <Alert color="red">{save.error}</Alert>}
            <Group gap="xs">
              <Button size="xs" loading={save.pending} onClick={() => void submit(draft)}>
                Enregistrer la note
              </Button>
              <Button size="xs" variant="default" onClick={() => setEditing(false)}>
                Annuler
              </Button>
              {note !== null && (
                <Button size="xs" color="red" variant="subtle" onClick={remove}>
                  Supprimer la note
                </Button>
              )}
            </Group>
          </>
        ) : note === null ? (
          <Text size="sm" c="dimmed">
            Aucune note.
          </Text>
        ) : (
          <>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="note-text">
              {note.text}
            </Text>
            <Text size="xs" c="dimmed">
              Modifiée le {formatDateTime(note.updatedAt)}
              {note.updatedBy === null ? '' : ` par ${note.updatedBy}`}
            </Text>
          </>
        )}
      </Stack>
    </Paper>
  );
}
