import { Alert, Button, Menu, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';

import type { CaseDetail } from '../../../../shared/api/cases-api';
import {
  CASE_STATUS_LABELS,
  CASE_STATUSES,
  OUTCOME_LABELS,
  OUTCOMES,
  type CaseStatus,
  type Outcome,
} from '../../../../shared/domain/cases';
import { api } from '../../api/client';
import { useAction } from '../../hooks/useAction';
import { STATUS_COLORS } from './format';
import { RetentionNotice } from './RetentionNotice';

interface Props {
  detail: CaseDetail;
  onChanged: (d: CaseDetail) => void;
}

/** Open, waiting or closed; closing asks how the case ended, for the record and the export. */
export function StatusMenu({ detail, onChanged }: Props) {
  const [closing, setClosing] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(detail.outcome);
  const [note, setNote] = useState(detail.outcomeNote);
  const change = useAction((status: CaseStatus, o: Outcome | null, n: string) =>
    api.cases.setStatus({ caseId: detail.id, status, outcome: o, outcomeNote: n }),
  );

  const apply = async (status: CaseStatus) => {
    if (status === 'clos') {
      setClosing(true);
      return;
    }
    const d = await change.run(status, null, '');
    if (d) onChanged(d);
  };

  const close = async () => {
    const d = await change.run('clos', outcome, note);
    if (!d) return;
    onChanged(d);
    setClosing(false);
  };

  return (
    <Stack gap={4} align="end">
      <Menu position="bottom-end">
        <Menu.Target>
          <Button variant="light" color={STATUS_COLORS[detail.status]} loading={change.pending}>
            Statut : {CASE_STATUS_LABELS[detail.status]}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>Changer le statut</Menu.Label>
          {CASE_STATUSES.map((s) => (
            <Menu.Item key={s} disabled={s === detail.status} onClick={() => void apply(s)}>
              {CASE_STATUS_LABELS[s]}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      {detail.status === 'clos' && detail.outcome && (
        <Text size="sm" c="dimmed" data-testid="case-outcome">
          Issue : {OUTCOME_LABELS[detail.outcome]}
          {detail.outcomeNote ? ` — ${detail.outcomeNote}` : ''}
        </Text>
      )}
      {detail.status === 'clos' && <RetentionNotice detail={detail} />}
      {change.error && !closing && (
        <Alert color="red" maw={360}>
          {change.error}
        </Alert>
      )}
      <Modal opened={closing} onClose={() => setClosing(false)} title="Clore le dossier">
        <Stack>
          <Select
            label="Issue du dossier"
            placeholder="Choisir"
            data={OUTCOMES.map((o) => ({ value: o, label: OUTCOME_LABELS[o] }))}
            value={outcome}
            onChange={(v) => setOutcome(v as Outcome | null)}
            comboboxProps={{ withinPortal: false }}
          />
          <Textarea
            label="Précision"
            autosize
            minRows={2}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
          {change.error && <Alert color="red">{change.error}</Alert>}
          <Button loading={change.pending} disabled={!outcome} onClick={() => void close()}>
            Clore le dossier
          </Button>
        </Stack>
      </Modal>
    </Stack>
  );
}
