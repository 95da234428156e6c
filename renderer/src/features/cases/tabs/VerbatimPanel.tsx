import {
  Accordion,
  Alert,
  Badge,
  Button,
  Code,
  Group,
  Modal,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';

import type { CaseDetail } from '../../../../../shared/api/cases-api';
import { api } from '../../../api/client';
import { useAction } from '../../../hooks/useAction';
import { isField } from '../caseDraft';
import { frenchDate } from '../format';

interface Props {
  detail: CaseDetail;
  onChanged: (d: CaseDetail) => void;
}

const verbatimStyle = { whiteSpace: 'pre-wrap', wordBreak: 'break-word' } as const;

/** The words as published, read-only: a correction adds a version, version 1 stays. */
export function VerbatimPanel({ detail, onChanged }: Props) {
  const versions = [...detail.texts].sort((a, b) => a.version - b.version);
  const current = versions.at(-1) ?? null;
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [reason, setReason] = useState('');
  const correct = useAction(() => api.cases.correctText({ caseId: detail.id, text, reason }));

  const start = () => {
    setText(current?.text ?? '');
    setReason('');
    correct.clearError();
    setOpen(true);
  };

  const submit = async () => {
    const d = await correct.run();
    if (!d) return;
    onChanged(d);
    setOpen(false);
  };

  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Group gap="xs">
          <Title order={4}>Texte publié</Title>
          {current && <Badge variant="light">Version {current.version}</Badge>}
        </Group>
        <Button size="xs" variant="default" onClick={start}>
          Corriger le texte
        </Button>
      </Group>
      {current && current.text ? (
        <Code block style={verbatimStyle} data-testid="verbatim">
          {current.text}
        </Code>
      ) : (
        <Text c="dimmed" size="sm">
          Aucun texte enregistré.
        </Text>
      )}
      {versions.length > 1 && (
        <Accordion variant="contained">
          <Accordion.Item value="versions">
            <Accordion.Control>Versions précédentes ({versions.length - 1})</Accordion.Control>
            <Accordion.Panel>
              <Stack gap="sm">
                {versions.slice(0, -1).map((v) => (
                  <Stack key={v.version} gap={4} data-testid={`text-version-${v.version}`}>
                    <Text size="sm" fw={600}>
                      Version {v.version} · {frenchDate(v.capturedAt)}
                      {v.by ? ` · ${v.by}` : ''}
                    </Text>
                    {v.reason && (
                      <Text size="sm" c="dimmed">
                        Motif : {v.reason}
                      </Text>
                    )}
                    <Code block style={verbatimStyle}>
                      {v.text}
                    </Code>
                  </Stack>
                ))}
              </Stack>
            </Accordion.Panel>
          </Accordion.Item>
        </Accordion>
      )}
      {current && current.version > 1 && current.reason && (
        <Text size="xs" c="dimmed">
          Version {current.version} enregistrée le {frenchDate(current.capturedAt)} · motif :{' '}
          {current.reason}
        </Text>
      )}
      <Modal opened={open} onClose={() => setOpen(false)} title="Corriger le texte" size="lg">
        <Stack>
          <Text size="sm">
            Le texte actuel reste conservé ; le texte corrigé devient une nouvelle version.
          </Text>
          <Textarea
            label="Texte corrigé"
            autosize
            minRows={6}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            value={text}
            error={isField(correct.field, 'text') ? correct.error : undefined}
            onChange={(e) => setText(e.currentTarget.value)}
          />
          <TextInput
            label="Motif de la correction"
            placeholder="Par exemple : l’auteur a modifié son avis le 4 mars"
            required
            value={reason}
            error={isField(correct.field, 'reason') ? correct.error : undefined}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
          {correct.error && !correct.field && <Alert color="red">{correct.error}</Alert>}
          <Button loading={correct.pending} disabled={!reason.trim()} onClick={() => void submit()}>
            Enregistrer la nouvelle version
          </Button>
        </Stack>
      </Modal>
    </Stack>
  );
}
