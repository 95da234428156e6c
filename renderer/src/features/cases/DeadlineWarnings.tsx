import { Alert, Button, Collapse, Group, Stack, Text } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';

import type { CaseDetail } from '../../../../shared/api/cases-api';
import type { CaseDeadlines, DeadlineView } from '../../../../shared/api/watch-api';
import { PRESCRIPTION_WARNING } from '../../../../shared/deadlines/types';
import { api, errorMessage } from '../../api/client';
import { DeadlineCard } from '../dashboard/DeadlineCard';
import { daysLeftLabel, URGENCY_COLORS } from '../dashboard/deadline-format';
import { FollowUpModal, type FollowUpTarget } from '../dashboard/FollowUpModal';
import { OverrideModal } from '../dashboard/OverrideModal';
import { frenchDay } from './format';

/**
 * At the top of a case file: the days left before the prescription, the reminder that paliers 1
 * and 2 do not stop it, what is missing for the dates to be right, and the case's deadlines.
 */
export function DeadlineWarnings({ detail }: { detail: CaseDetail }) {
  const [view, setView] = useState<CaseDeadlines | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [editing, setEditing] = useState<DeadlineView | null>(null);
  const [followUp, setFollowUp] = useState<FollowUpTarget | null>(null);

  const run = useCallback(async (fn: () => Promise<CaseDeadlines>) => {
    try {
      setView(await fn());
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, []);
  // Reload whenever the case changes (qualification, dates, steps).
  useEffect(() => {
    void run(() => api.deadlines.forCase({ caseId: detail.id }));
  }, [run, detail.id, detail.updatedAt]);

  if (error) return <Alert color="red">{error}</Alert>;
  if (!view) return null;
  const prescription = view.deadlines.find((d) => d.kind === 'prescription');
  const extendable = view.gdprRequests.filter((g) => !g.extended);

  return (
    <Stack gap="xs" data-testid="deadline-warnings">
      {view.problems.map((p) => (
        <Alert key={p.caseId} color="red">
          {p.message}
        </Alert>
      ))}
      {prescription && (
        <Alert
          color={URGENCY_COLORS[prescription.urgency]}
          title={`Prescription : ${daysLeftLabel(prescription.daysLeft)}`}
          data-testid="case-prescription"
        >
          Échéance le {frenchDay(prescription.effective)} ({prescription.article}). L’action de
          votre avocat doit être engagée avant cette date
          {prescription.recommendedBy !== prescription.effective
            ? ` ; transmettez-lui le dossier de préférence avant le ${frenchDay(prescription.recommendedBy)}`
            : ''}
          .
        </Alert>
      )}
      {view.paliersWarning && (
        <Alert color="orange" variant="filled" data-testid="paliers-warning">
          {PRESCRIPTION_WARNING}
        </Alert>
      )}
      {view.warnings.map((w) => (
        <Alert key={w} color="yellow">
          {w}
        </Alert>
      ))}
      <Group gap="xs">
        <Button size="xs" variant="subtle" onClick={() => setOpen((o) => !o)}>
          {open ? 'Masquer les échéances' : `Échéances du dossier (${view.deadlines.length})`}
        </Button>
        <Button
          size="xs"
          variant="subtle"
          onClick={() => setFollowUp({ caseId: detail.id, label: 'Relance', date: view.today })}
          disabled={detail.status === 'clos'}
        >
          Programmer une relance
        </Button>
      </Group>
      <Collapse expanded={open}>
        <Stack gap="xs">
          {view.deadlines.length === 0 && (
            <Text size="sm" c="dimmed">
              Aucune échéance en cours pour ce dossier.
            </Text>
          )}
          {view.deadlines.map((d) => (
            <DeadlineCard key={d.key} deadline={d} showCase={false} onEdit={setEditing} />
          ))}
          {extendable.map((g) => (
            <Group key={g.correspondenceId} gap="xs">
              <Text size="sm">
                Demande RGPD du {frenchDay(g.sent)} : le responsable a annoncé une prolongation de
                deux mois ?
              </Text>
              <Button
                size="xs"
                variant="light"
                onClick={() =>
                  void run(() =>
                    api.gdpr.markExtended({
                      caseId: detail.id,
                      correspondenceId: g.correspondenceId,
                    }),
                  )
                }
              >
                Noter la prolongation
              </Button>
            </Group>
          ))}
        </Stack>
      </Collapse>
      <OverrideModal
        deadline={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          void run(() => api.deadlines.forCase({ caseId: detail.id }));
        }}
      />
      <FollowUpModal
        target={followUp}
        onClose={() => setFollowUp(null)}
        onSaved={() => {
          setFollowUp(null);
          void run(() => api.deadlines.forCase({ caseId: detail.id }));
        }}
      />
    </Stack>
  );
}
