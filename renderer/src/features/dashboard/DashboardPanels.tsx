import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';

import type { CaseGroup, OverdueLetter, RecentActivity } from '../../../../shared/api/watch-api';
import { CASE_STATUS_LABELS } from '../../../../shared/domain/cases';
import { frenchDate, frenchDay, STATUS_COLORS } from '../cases/format';

export function OverdueLetters({
  letters,
  onFollowUp,
}: {
  letters: OverdueLetter[];
  onFollowUp: (letter: OverdueLetter) => void;
}) {
  return (
    <Stack gap="xs" data-testid="overdue-letters">
      <Title order={3}>Courriers sans réponse</Title>
      {letters.length === 0 ? (
        <Text c="dimmed" size="sm">
          Aucun courrier n’attend une réponse au-delà de la date prévue.
        </Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Dossier</Table.Th>
              <Table.Th>Courrier</Table.Th>
              <Table.Th>Envoyé le</Table.Th>
              <Table.Th>Réponse attendue le</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {letters.map((l) => (
              <Table.Tr key={l.correspondenceId}>
                <Table.Td>
                  <Anchor size="sm" href={`#/dossiers/${encodeURIComponent(l.caseId)}`}>
                    {l.caseTitle}
                  </Anchor>
                </Table.Td>
                <Table.Td>{l.subject}</Table.Td>
                <Table.Td>{frenchDay(l.date)}</Table.Td>
                <Table.Td>
                  <Group gap="xs">
                    {frenchDay(l.answerExpected)}
                    <Badge color="red" variant="light">
                      {l.daysLate} jour{l.daysLate > 1 ? 's' : ''} de retard
                    </Badge>
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Button size="xs" variant="light" onClick={() => onFollowUp(l)}>
                    Programmer une relance
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

export function CasesByPath({ groups }: { groups: CaseGroup[] }) {
  return (
    <Stack gap="xs" data-testid="cases-by-path">
      <Title order={3}>Dossiers ouverts</Title>
      {groups.length === 0 && (
        <Text c="dimmed" size="sm">
          Aucun dossier ouvert.
        </Text>
      )}
      {groups.map((g) => (
        <Paper key={g.path} withBorder p="sm">
          <Text fw={600} mb="xs">
            {g.label} ({g.cases.length})
          </Text>
          <Stack gap={6}>
            {g.cases.map((c) => (
              <Group key={c.id} justify="space-between" align="start" wrap="nowrap">
                <Stack gap={0}>
                  <Anchor size="sm" href={`#/dossiers/${encodeURIComponent(c.id)}`}>
                    {c.title}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {c.nextStep ? `Prochaine étape : ${c.nextStep}. ` : ''}Attend : {c.waitsFor}
                  </Text>
                </Stack>
                <Badge color={STATUS_COLORS[c.status]} variant="light" style={{ flexShrink: 0 }}>
                  {CASE_STATUS_LABELS[c.status]}
                </Badge>
              </Group>
            ))}
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}

export function RecentActivityList({ items }: { items: RecentActivity[] }) {
  return (
    <Stack gap="xs" data-testid="recent-activity">
      <Title order={3}>Activité récente</Title>
      {items.map((r) => (
        <Text key={r.seq} size="sm">
          <Text span c="dimmed" size="xs">
            {frenchDate(r.at)} ·{' '}
          </Text>
          {r.label}
          {r.caseTitle && r.caseId && (
            <>
              {' — '}
              <Anchor size="sm" href={`#/dossiers/${encodeURIComponent(r.caseId!)}`}>
                {r.caseTitle}
              </Anchor>
            </>
          )}
          <Text span c="dimmed" size="xs">
            {' '}
            ({r.account})
          </Text>
        </Text>
      ))}
    </Stack>
  );
}
