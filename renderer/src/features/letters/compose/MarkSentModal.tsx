import { Alert, Button, Checkbox, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';

import {
  CHANNEL_LABELS,
  CHANNELS,
  type Channel,
  type LetterDetail,
} from '../../../../../shared/api/letters-api';
import { api } from '../../../api/client';
import { useAction } from '../../../hooks/useAction';
import { todayIso } from '../../cases/format';
import { addDaysIso, addMonthsIso, STEP_LABELS } from '../format';

const CHANNEL_OF: Record<string, Channel> = {
  lrar: 'lrar',
  lre: 'lre',
  email: 'email',
  courrier: 'courrier',
  formulaire: 'formulaire',
};

/** A GDPR request has a month to be answered; other letters get the delay they grant. */
function expectedAnswer(letter: LetterDetail, date: string): string {
  const rgpd = letter.stepId === 'opposition-envoyee' || letter.stepId === 'reponse-ou-delai';
  return rgpd ? addMonthsIso(date, 1) : addDaysIso(date, 15);
}

interface Props {
  letter: LetterDetail;
  onClose: () => void;
  onSent: (letter: LetterDetail) => void;
}

/** Date, channel, LRAR number and expected answer; creates the correspondence entry. */
export function MarkSentModal({ letter, onClose, onSent }: Props) {
  const [date, setDate] = useState(todayIso());
  const [channel, setChannel] = useState<Channel>(
    CHANNEL_OF[letter.sendingMode ?? ''] ?? 'courrier',
  );
  const [lrarNumber, setLrarNumber] = useState(letter.lrarNumber);
  const [answer, setAnswer] = useState(() => expectedAnswer(letter, todayIso()));
  const [markStep, setMarkStep] = useState(false);
  const send = useAction(() =>
    api.letters.markSent({
      letterId: letter.id,
      date,
      channel,
      lrarNumber,
      answerExpected: answer || null,
      markStepDone: markStep,
    }),
  );
  const registered = channel === 'lrar' || channel === 'lre';
  const err = (f: string) => (send.field === f ? (send.error ?? undefined) : undefined);

  return (
    <Modal opened onClose={onClose} title="Marquer comme envoyé">
      <Stack>
        <TextInput
          type="date"
          label="Envoyé le"
          max={todayIso()}
          value={date}
          onChange={(e) => {
            const value = e.currentTarget.value;
            setDate(value);
            if (value) setAnswer(expectedAnswer(letter, value));
          }}
          error={err('date')}
        />
        <Select
          label="Moyen d’envoi"
          data={CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] }))}
          value={channel}
          onChange={(v) => v && setChannel(v as Channel)}
          allowDeselect={false}
        />
        {registered && (
          <TextInput
            label="Numéro du recommandé"
            description="Il figure sur la preuve de dépôt : il prouve l’envoi."
            placeholder="1A 234 567 8901 2"
            value={lrarNumber}
            onChange={(e) => setLrarNumber(e.currentTarget.value)}
            error={err('lrarNumber')}
          />
        )}
        <TextInput
          type="date"
          label="Réponse attendue le"
          description="Le courrier apparaîtra « en retard » dans Courriers passé cette date."
          value={answer}
          onChange={(e) => setAnswer(e.currentTarget.value)}
          error={err('answerExpected')}
        />
        {letter.stepId && (
          <Checkbox
            label={`Marquer l’étape « ${STEP_LABELS[letter.stepId] ?? letter.stepId} » comme faite à cette date`}
            checked={markStep}
            onChange={(e) => setMarkStep(e.currentTarget.checked)}
          />
        )}
        {send.error && !['date', 'lrarNumber', 'answerExpected'].includes(send.field ?? '') && (
          <Alert color="red">{send.error}</Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Annuler
          </Button>
          <Button
            loading={send.pending}
            onClick={() => void send.run().then((l) => l && onSent(l))}
          >
            Enregistrer l’envoi
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
