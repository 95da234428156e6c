import { Alert, Loader, Text, Timeline } from '@mantine/core';
import { useEffect, useState } from 'react';

import type { CaseDetail, ChronologyEvent } from '../../../../../shared/api/cases-api';
import { api, errorMessage } from '../../../api/client';
import { frenchDate } from '../format';

const KIND_LABELS: Record<ChronologyEvent['kind'], string> = {
  publication: 'Publication',
  decouverte: 'Découverte',
  capture: 'Capture',
  qualification: 'Qualification',
  etape: 'Étape',
  piece: 'Pièce',
  texte: 'Texte',
  statut: 'Statut',
  courrier: 'Courrier',
};

const KIND_COLORS: Partial<Record<ChronologyEvent['kind'], string>> = {
  publication: 'red',
  qualification: 'grape',
  etape: 'teal',
  courrier: 'orange',
};

/** The case's dated events, oldest first, as the lawyer will read them in the export. */
export function ChronologyTab({ detail }: { detail: CaseDetail }) {
  const [events, setEvents] = useState<ChronologyEvent[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  // The detail object changes after every action: the chronology follows it.
  useEffect(() => {
    let live = true;
    api.cases.chronology({ caseId: detail.id }).then(
      (e) => live && setEvents(e),
      (e: unknown) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [detail]);

  if (error) return <Alert color="red">{error}</Alert>;
  if (!events) return <Loader aria-label="Chargement de la chronologie" />;
  if (events.length === 0) return <Text c="dimmed">Aucun événement daté pour l’instant.</Text>;

  return (
    <Timeline active={events.length - 1} bulletSize={14} lineWidth={2} maw={760}>
      {events.map((e, i) => (
        <Timeline.Item key={`${e.date}-${e.kind}-${i}`} color={KIND_COLORS[e.kind]} title={e.label}>
          <Text size="xs" c="dimmed">
            {frenchDate(e.date)} · {KIND_LABELS[e.kind]}
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
