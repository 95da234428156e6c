import { Alert, Badge, Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core';

import type { SecrecyFlag } from '../../../../../shared/secrecy/check';
import { Highlighted, type Span } from '../Highlighted';

export const FLAG_COLORS = {
  alerte: 'var(--mantine-color-red-2)',
  attention: 'var(--mantine-color-yellow-2)',
} as const;

export function flagSpans(flags: SecrecyFlag[]): Span[] {
  return flags.map((f) => ({
    start: f.start,
    end: f.end,
    color: FLAG_COLORS[f.severity],
    title: f.message,
    testId: 'secrecy-mark',
  }));
}

interface Props {
  text: string;
  flags: SecrecyFlag[];
  onSelect: (flag: SecrecyFlag) => void;
}

/** The flagged words in the text, and for each flag why and under which rule. It never blocks. */
export function SecrecyFlags({ text, flags, onSelect }: Props) {
  if (text.trim() === '') return null;
  if (flags.length === 0) {
    return (
      <Alert color="teal" data-testid="secrecy-clear">
        Aucun passage signalé au regard du secret médical. Relisez tout de même : la vérification
        lit des mots, pas le sens.
      </Alert>
    );
  }
  return (
    <Stack gap="sm">
      <Paper withBorder p="sm">
        <Text size="xs" fw={600} c="dimmed" mb={4}>
          Passages signalés
        </Text>
        <Highlighted text={text} spans={flagSpans(flags)} testId="secrecy-highlight" />
      </Paper>
      <Stack gap="xs" data-testid="secrecy-flags">
        {flags.map((f) => (
          <UnstyledButton key={`${f.start}-${f.end}-${f.kind}`} onClick={() => onSelect(f)}>
            <Paper withBorder p="xs" data-testid="secrecy-flag">
              <Group gap="xs" mb={2}>
                <Badge color={f.severity === 'alerte' ? 'red' : 'yellow'} size="sm">
                  {f.severity === 'alerte' ? 'Alerte' : 'Attention'}
                </Badge>
                <Text size="sm" fw={600}>
                  « {f.excerpt} »
                </Text>
              </Group>
              <Text size="sm">{f.message}</Text>
              <Text size="xs" c="dimmed">
                Règle : {f.rule}
              </Text>
            </Paper>
          </UnstyledButton>
        ))}
      </Stack>
    </Stack>
  );
}
