import { Alert, Button, Group, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';

import type { Practice } from '../../../../shared/domain/accounts';
import { api } from '../../api/client';
import { useAction } from '../../hooks/useAction';

const FIELDS: Array<{ key: keyof Practice; label: string; multiline?: boolean }> = [
  { key: 'name', label: 'Nom du cabinet' },
  { key: 'address', label: 'Adresse', multiline: true },
  { key: 'city', label: 'Ville' },
  { key: 'phone', label: 'Téléphone' },
  { key: 'email', label: 'E-mail' },
  { key: 'doctorName', label: 'Nom du médecin' },
  { key: 'rpps', label: 'Numéro RPPS' },
];

/** The cabinet's details, used by every letter's letterhead. Only the doctor edits them. */
export function PracticePanel({ canEdit }: { canEdit: boolean }) {
  const [practice, setPractice] = useState<Practice | null>(null);
  const save = useAction((p: Practice) => api.practice.update(p));

  useEffect(() => {
    void api.practice.get({}).then(setPractice);
  }, []);
  if (!practice) return null;

  return (
    <Stack maw={560}>
      {FIELDS.map((f) =>
        f.multiline ? (
          <Textarea
            key={f.key}
            label={f.label}
            autosize
            minRows={2}
            value={practice[f.key]}
            readOnly={!canEdit}
            onChange={(e) => setPractice({ ...practice, [f.key]: e.currentTarget.value })}
          />
        ) : (
          <TextInput
            key={f.key}
            label={f.label}
            value={practice[f.key]}
            readOnly={!canEdit}
            error={save.field === f.key ? save.error : undefined}
            onChange={(e) => setPractice({ ...practice, [f.key]: e.currentTarget.value })}
          />
        ),
      )}
      {save.error && !save.field && <Alert color="red">{save.error}</Alert>}
      {canEdit ? (
        <Group>
          <Button
            loading={save.pending}
            onClick={() =>
              void save.run(practice).then((p) => {
                if (!p) return;
                setPractice(p);
                notifications.show({
                  message: 'Coordonnées du cabinet enregistrées.',
                  color: 'teal',
                });
              })
            }
          >
            Enregistrer
          </Button>
        </Group>
      ) : (
        <Alert color="gray">Seul le médecin peut modifier les coordonnées du cabinet.</Alert>
      )}
    </Stack>
  );
}
