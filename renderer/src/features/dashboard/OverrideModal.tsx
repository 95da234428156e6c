import { Alert, Button, Group, List, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';

import type { DeadlineView, OverrideRecord } from '../../../../shared/api/watch-api';
import { api } from '../../api/client';
import { useAction } from '../../hooks/useAction';
import { frenchDate, frenchDay } from '../cases/format';

/**
 * Corrects a computed date with a reason. Both dates stay visible afterwards, and every
 * correction is kept: the list below shows them all, oldest first.
 */
export function OverrideModal({
  deadline,
  onClose,
  onSaved,
}: {
  deadline: DeadlineView | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  if (!deadline) return null;
  // Mounted per opening, so the form starts from the deadline's current date every time.
  return (
    <Modal opened onClose={onClose} title="Modifier la date de l’échéance" size="lg">
      <OverrideForm deadline={deadline} onClose={onClose} onSaved={onSaved} />
    </Modal>
  );
}

function OverrideForm({
  deadline,
  onClose,
  onSaved,
}: {
  deadline: DeadlineView;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [date, setDate] = useState(deadline.effective);
  const [reason, setReason] = useState('');
  const [history, setHistory] = useState<OverrideRecord[]>([]);
  const save = useAction(api.deadlines.override);
  const restore = useAction(api.deadlines.clearOverride);
  const { caseId, key } = deadline;

  useEffect(() => {
    let live = true;
    void api.deadlines.forCase({ caseId }).then(
      (view) => live && setHistory(view.overrideHistory.filter((o) => o.deadlineKey === key)),
      () => live && setHistory([]),
    );
    return () => {
      live = false;
    };
  }, [caseId, key]);

  const base = { caseId, deadlineKey: key };
  const submit = async () => {
    if (await save.run({ ...base, date, reason })) onSaved();
  };
  const back = async () => {
    if (await restore.run({ ...base, reason: reason || 'Retour à la date calculée' })) onSaved();
  };

  return (
    <Stack>
      <Text size="sm">
        <strong>{deadline.label}</strong> — date calculée : {frenchDay(deadline.computed)}
      </Text>
      <Alert color="orange" variant="light">
        Ne retardez une échéance légale que sur preuve ou sur l’avis de votre avocat. La date
        calculée reste affichée à côté de la vôtre.
      </Alert>
      <TextInput
        type="date"
        label="Date retenue"
        value={date}
        onChange={(e) => setDate(e.currentTarget.value)}
        error={save.field === 'date' ? save.error : undefined}
        required
      />
      <Textarea
        label="Motif de la correction"
        description="Par exemple : date de mise en ligne confirmée par une archive, avis de Me …"
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={save.field === 'reason' ? save.error : undefined}
        autosize
        minRows={2}
        required
      />
      {save.error && save.field !== 'date' && save.field !== 'reason' && (
        <Alert color="red">{save.error}</Alert>
      )}
      {restore.error && <Alert color="red">{restore.error}</Alert>}
      {history.length > 0 && (
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            Corrections enregistrées
          </Text>
          <List size="sm" data-testid="override-history">
            {history.map((o, i) => (
              <List.Item key={`${o.at}-${i}`}>
                {o.date ? `Date corrigée au ${frenchDay(o.date)}` : 'Retour à la date calculée'} —{' '}
                {o.reason} ({o.by}, {frenchDate(o.at)})
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
      <Group justify="space-between">
        {deadline.override ? (
          <Button variant="subtle" onClick={() => void back()} loading={restore.pending}>
            Revenir à la date calculée
          </Button>
        ) : (
          <span />
        )}
        <Group>
          <Button variant="default" onClick={onClose}>
            Annuler
          </Button>
          <Button onClick={() => void submit()} loading={save.pending}>
            Enregistrer la date
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}
