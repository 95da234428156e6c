import { Alert, Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';

import { api } from '../../api/client';
import { useAction } from '../../hooks/useAction';

export interface FollowUpTarget {
  caseId: string;
  correspondenceId?: string;
  /** Suggested label and date. */
  label: string;
  date: string;
}

/** A reminder the user sets, for an unanswered letter or anything else in a case file. */
export function FollowUpModal({
  target,
  onClose,
  onSaved,
}: {
  target: FollowUpTarget | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  if (!target) return null;
  // Mounted per opening, so the form starts from the suggestion every time.
  return (
    <Modal opened onClose={onClose} title="Programmer une relance">
      <FollowUpForm target={target} onClose={onClose} onSaved={onSaved} />
    </Modal>
  );
}

function FollowUpForm({
  target,
  onClose,
  onSaved,
}: {
  target: FollowUpTarget;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [label, setLabel] = useState(target.label);
  const [date, setDate] = useState(target.date);
  const add = useAction(api.followups.add);

  const submit = async () => {
    const done = await add.run({
      caseId: target.caseId,
      correspondenceId: target.correspondenceId ?? null,
      date,
      label,
    });
    if (done) onSaved();
  };

  return (
    <Stack>
      <TextInput
        label="Intitulé"
        value={label}
        onChange={(e) => setLabel(e.currentTarget.value)}
        error={add.field === 'label' ? add.error : undefined}
        required
      />
      <TextInput
        type="date"
        label="Date de la relance"
        value={date}
        onChange={(e) => setDate(e.currentTarget.value)}
        error={add.field === 'date' ? add.error : undefined}
        required
      />
      {add.error && add.field !== 'label' && add.field !== 'date' && (
        <Alert color="red">{add.error}</Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          Annuler
        </Button>
        <Button onClick={() => void submit()} loading={add.pending}>
          Programmer
        </Button>
      </Group>
    </Stack>
  );
}
