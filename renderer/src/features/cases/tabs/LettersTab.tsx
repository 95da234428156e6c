import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  Paper,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';

import type { CaseDetail } from '../../../../../shared/api/cases-api';
import {
  LETTER_STATUS_LABELS,
  type LetterDetail,
  type LetterSummary,
} from '../../../../../shared/api/letters-api';
import { api, errorMessage } from '../../../api/client';
import { LetterEditor } from '../../letters/compose/LetterEditor';
import { NewLetterModal } from '../../letters/compose/NewLetterModal';
import { useSession } from '../../letters/useSession';
import { frenchDate } from '../format';

interface Props {
  detail: CaseDetail;
  onChanged: () => void;
}

/** The case file's letters: prepare from a template, have the doctor validate, export, send. */
export function LettersTab({ detail, onChanged }: Props) {
  const session = useSession();
  const [letters, setLetters] = useState<LetterSummary[] | null>(null);
  const [open, setOpen] = useState<LetterDetail | null>(null);
  const [creating, setCreating] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const all = await api.letters.list({ caseId: detail.id });
      setLetters(all.filter((l) => l.kind !== 'reply'));
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [detail.id]);

  useEffect(() => {
    void load();
  }, [load]);

  const openLetter = async (id: string) => {
    try {
      setOpen(await api.letters.get({ letterId: id }));
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <Stack>
      <Group>
        <Button onClick={() => setCreating(true)}>Nouveau courrier</Button>
      </Group>
      {error && <Alert color="red">{error}</Alert>}
      {letters === null && !error && <Loader aria-label="Chargement des courriers" />}
      {letters?.length === 0 && (
        <Text c="dimmed" size="sm">
          Aucun courrier pour ce dossier. « Nouveau courrier » propose les modèles adaptés à l’étape
          en cours.
        </Text>
      )}
      <Stack gap="xs" maw={960}>
        {letters?.map((l) => (
          <UnstyledButton key={l.id} onClick={() => void openLetter(l.id)}>
            <Paper
              withBorder
              p="sm"
              data-testid="letter-row"
              bg={open?.id === l.id ? 'var(--mantine-color-blue-light)' : undefined}
            >
              <Group justify="space-between">
                <Stack gap={2}>
                  <Text fw={600}>{l.objet || l.title}</Text>
                  <Text size="xs" c="dimmed">
                    {l.title} · {l.recipientName || 'destinataire à choisir'} · modifié le{' '}
                    {frenchDate(l.updatedAt)}
                  </Text>
                </Stack>
                <Badge color={l.status === 'brouillon' ? 'gray' : 'teal'}>
                  {LETTER_STATUS_LABELS[l.status]}
                </Badge>
              </Group>
            </Paper>
          </UnstyledButton>
        ))}
      </Stack>
      {open && (
        <Paper withBorder p="md" data-testid="letter-editor">
          <LetterEditor
            key={open.id}
            letter={open}
            detail={detail}
            role={session?.role ?? null}
            onChanged={(l) => {
              setOpen(l);
              void load();
            }}
            onRemoved={() => {
              setOpen(null);
              void load();
            }}
            onCaseChanged={onChanged}
          />
        </Paper>
      )}
      {creating && (
        <NewLetterModal
          detail={detail}
          onClose={() => setCreating(false)}
          onCreated={(l) => {
            setCreating(false);
            setOpen(l);
            void load();
          }}
        />
      )}
    </Stack>
  );
}
