import { Anchor, Badge, Button, Group, List, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';

import type { DeadlineView } from '../../../../shared/api/watch-api';
import { frenchDay } from '../cases/format';
import { CERTAINTY_LABELS, daysLeftLabel, URGENCY_COLORS } from './deadline-format';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </Stack>
  );
}

const PROMINENT = /estimée|archive du web|tombe un|pas indiqué comment/;

/** One deadline with everything needed to act on it, and a way to correct its date. */
export function DeadlineCard({
  deadline: d,
  showCase = true,
  onEdit,
}: {
  deadline: DeadlineView;
  showCase?: boolean;
  onEdit: (d: DeadlineView) => void;
}) {
  const [open, setOpen] = useState(false);
  const color = URGENCY_COLORS[d.urgency];
  // What changes how far to trust the date stays in view; the rest is one click away.
  const prominent = d.notes.filter((n) => PROMINENT.test(n));
  return (
    <Paper
      withBorder
      p="sm"
      style={{ borderLeft: `6px solid var(--mantine-color-${color}-6)` }}
      data-testid={`deadline-${d.key}`}
      data-urgency={d.urgency}
    >
      <Stack gap="xs">
        <Group justify="space-between" align="start" wrap="nowrap">
          <Stack gap={2}>
            <Text fw={600}>{d.label}</Text>
            {showCase && (
              <Anchor size="sm" href={`#/dossiers/${encodeURIComponent(d.caseId)}`}>
                Dossier n° {d.caseRef} — {d.caseTitle}
              </Anchor>
            )}
          </Stack>
          <Badge color={color} size="lg" variant="filled" style={{ flexShrink: 0 }}>
            {daysLeftLabel(d.daysLeft)}
          </Badge>
        </Group>
        <SimpleGrid cols={{ base: 2, md: 4 }} spacing="xs">
          <Field label="Échéance retenue">{frenchDay(d.effective)}</Field>
          <Field label="Fin légale calculée">{frenchDay(d.legalEnd)}</Field>
          <Field label="À faire de préférence avant le">{frenchDay(d.recommendedBy)}</Field>
          <Field label={`Point de départ : ${d.runsFrom.label}`}>
            {frenchDay(d.runsFrom.date)}
          </Field>
        </SimpleGrid>
        <Text size="sm">
          {d.rule}
          {d.article && (
            <Text span c="dimmed" size="sm">
              {' '}
              ({d.article})
            </Text>
          )}
        </Text>
        {prominent.map((n) => (
          <Text key={n} size="sm" c="orange.9">
            {n}
          </Text>
        ))}
        {d.override && (
          <Text size="sm" c="orange.8" data-testid="deadline-override">
            Date corrigée au {frenchDay(d.override.date)} — motif : {d.override.reason}
            {d.override.by ? ` (${d.override.by})` : ''}. Date calculée : {frenchDay(d.computed)}.
          </Text>
        )}
        <Group justify="space-between">
          <Badge variant="light" color={d.certainty === 'sure' ? 'gray' : 'orange'}>
            {CERTAINTY_LABELS[d.certainty]}
          </Badge>
          <Group gap="xs">
            <Button size="xs" variant="subtle" onClick={() => setOpen((o) => !o)}>
              {open ? 'Masquer les précisions' : `Précisions (${d.notes.length})`}
            </Button>
            <Button size="xs" variant="light" onClick={() => onEdit(d)}>
              Modifier la date
            </Button>
          </Group>
        </Group>
        {open && (
          <List size="sm" spacing={4}>
            {d.warning && (
              <List.Item>
                <strong>{d.warning}</strong>
              </List.Item>
            )}
            {d.notes.map((n) => (
              <List.Item key={n}>{n}</List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Paper>
  );
}
