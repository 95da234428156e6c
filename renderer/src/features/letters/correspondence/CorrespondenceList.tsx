import { Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';

import {
  CHANNEL_LABELS,
  LETTER_STATUS_LABELS,
  type CorrespondenceEntry,
} from '../../../../../shared/api/letters-api';
import { navigate } from '../../../app/router';
import { frenchDay } from '../../cases/format';
import { daysLeftLabel } from '../format';

interface Props {
  entries: CorrespondenceEntry[];
  /** The global view names the case file of each entry. */
  showCase?: boolean;
  onEdit?: (entry: CorrespondenceEntry) => void;
}

/** Sent and received entries, each with its channel, pièces, AR and expected answer. */
export function CorrespondenceList({ entries, showCase = false, onEdit }: Props) {
  const byId = new Map(entries.map((e) => [e.id, e]));
  return (
    <Stack gap="sm">
      {entries.map((e) => {
        const answer = e.answeredBy ? byId.get(e.answeredBy) : undefined;
        return (
          <Paper key={e.id} withBorder p="sm" data-testid="correspondence-entry">
            <Stack gap={4}>
              <Group justify="space-between" wrap="nowrap" align="start">
                <Group gap="xs">
                  <Badge color={e.direction === 'envoye' ? 'blue' : 'teal'} variant="light">
                    {e.direction === 'envoye' ? 'Envoyé' : 'Reçu'}
                  </Badge>
                  <Text size="sm" fw={600}>
                    {frenchDay(e.date)}
                  </Text>
                  <Text size="sm">
                    {CHANNEL_LABELS[e.channel]}
                    {e.lrarNumber ? ` n° ${e.lrarNumber}` : ''}
                  </Text>
                </Group>
                <Group gap="xs">
                  {e.overdue && (
                    <Badge color="red" data-testid="overdue-badge">
                      Réponse en retard
                    </Badge>
                  )}
                  {onEdit && (
                    <Button size="compact-xs" variant="subtle" onClick={() => onEdit(e)}>
                      Modifier
                    </Button>
                  )}
                </Group>
              </Group>
              {showCase && (
                <Anchor size="sm" onClick={() => navigate('dossiers', e.caseId)}>
                  Dossier : {e.caseTitle}
                </Anchor>
              )}
              <Text size="sm">
                {e.direction === 'envoye' ? 'À' : 'De'} : {e.counterpart.name}
              </Text>
              <Text fw={600}>{e.subject}</Text>
              {e.summary && (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {e.summary}
                </Text>
              )}
              {e.letter && (
                <Text size="sm" c="dimmed">
                  Courrier : {e.letter.title} ({LETTER_STATUS_LABELS[e.letter.status]})
                </Text>
              )}
              {e.pieces.length > 0 && (
                <Text size="sm" c="dimmed">
                  {e.pieces.map((p) => `Pièce n° ${p.number} — ${p.title}`).join(' · ')}
                </Text>
              )}
              <Group gap="md">
                {e.arReceived && (
                  <Text size="xs">Accusé de réception signé le {frenchDay(e.arReceived)}</Text>
                )}
                {e.answerExpected && !e.answeredBy && (
                  <Text size="xs" c={e.overdue ? 'red' : undefined}>
                    Réponse attendue le {frenchDay(e.answerExpected)} ({daysLeftLabel(e.daysLeft)})
                  </Text>
                )}
                {e.answeredBy && (
                  <Text size="xs" c="teal">
                    Réponse reçue{answer ? ` le ${frenchDay(answer.date)}` : ''}
                  </Text>
                )}
                {e.answers.length > 0 && (
                  <Text size="xs" c="dimmed">
                    En réponse à :{' '}
                    {e.answers
                      .map((id) => byId.get(id))
                      .map((s) => (s ? `${s.subject} (${frenchDay(s.date)})` : 'un envoi'))
                      .join(', ')}
                  </Text>
                )}
              </Group>
            </Stack>
          </Paper>
        );
      })}
    </Stack>
  );
}
