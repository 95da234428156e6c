import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';

import type { CaseDetail, StepStatus } from '../../../../../shared/api/cases-api';
import type { StepState } from '../../../../../shared/domain/cases';
import { api } from '../../../api/client';
import { useAction } from '../../../hooks/useAction';
import { frenchDate, STEP_STATE_COLORS, stepStateLabel, todayIso } from '../format';

interface Props {
  caseId: string;
  step: StepStatus;
  onChanged: (d: CaseDetail) => void;
}

type Mode = 'idle' | 'done' | 'aside';

/** What one step needs, and the three ways to record it: done, set aside, or reopened. */
export function StepPanel({ caseId, step, onChanged }: Props) {
  const [mode, setMode] = useState<Mode>('idle');
  const [date, setDate] = useState(todayIso());
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const save = useAction((state: StepState) =>
    api.cases.setStep({
      caseId,
      stepId: step.id,
      state,
      date: state === 'fait' ? date || null : null,
      reason: state === 'ecarte' ? reason : '',
      note,
    }),
  );

  const submit = async (state: StepState) => {
    const d = await save.run(state);
    if (d) onChanged(d);
  };

  return (
    <Paper withBorder p="md" data-testid="step-panel">
      <Stack gap="sm">
        <Title order={5}>{step.label}</Title>
        <Badge color={STEP_STATE_COLORS[step.state]} variant="light">
          {stepStateLabel(step.state, step.date, step.reason)}
        </Badge>
        <Text size="sm">
          <Text span fw={600}>
            Ce qu’il faut :{' '}
          </Text>
          {step.needs}
        </Text>
        {step.note && <Text size="sm">Note : {step.note}</Text>}
        {step.by && step.at && (
          <Text size="xs" c="dimmed">
            Enregistré par {step.by} le {frenchDate(step.at)}
          </Text>
        )}

        {mode === 'idle' && (
          <Group>
            {step.state !== 'fait' && (
              <Button size="sm" onClick={() => setMode('done')}>
                Marquer comme fait
              </Button>
            )}
            {step.state !== 'ecarte' && (
              <Button size="sm" variant="default" onClick={() => setMode('aside')}>
                Écarter
              </Button>
            )}
            {step.state !== 'a-faire' && (
              <Button
                size="sm"
                variant="subtle"
                loading={save.pending}
                onClick={() => void submit('a-faire')}
              >
                Rouvrir
              </Button>
            )}
          </Group>
        )}

        {mode === 'done' && (
          <Stack gap="xs">
            <TextInput
              type="date"
              label="Fait le"
              w={200}
              value={date}
              max={todayIso()}
              onChange={(e) => setDate(e.currentTarget.value)}
            />
            <Textarea
              label="Note (facultative)"
              autosize
              minRows={2}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
            />
            <Group>
              <Button loading={save.pending} disabled={!date} onClick={() => void submit('fait')}>
                Confirmer
              </Button>
              <Button variant="default" onClick={() => setMode('idle')}>
                Annuler
              </Button>
            </Group>
          </Stack>
        )}

        {mode === 'aside' && (
          <Stack gap="xs">
            <Textarea
              label="Motif"
              description="Pourquoi cette étape n’est pas suivie (par exemple : l’auteur est inconnu)."
              required
              autosize
              minRows={2}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
            />
            <Group>
              <Button
                loading={save.pending}
                disabled={!reason.trim()}
                onClick={() => void submit('ecarte')}
              >
                Écarter cette étape
              </Button>
              <Button variant="default" onClick={() => setMode('idle')}>
                Annuler
              </Button>
            </Group>
          </Stack>
        )}
        {save.error && <Alert color="red">{save.error}</Alert>}
      </Stack>
    </Paper>
  );
}
