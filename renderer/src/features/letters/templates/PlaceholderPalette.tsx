import { Button, Group, Stack, Text } from '@mantine/core';

import { PLACEHOLDERS } from '../../../../../shared/templates/schema';

/** The fields a template may use, as buttons that insert them where the cursor is. */
export function PlaceholderPalette({ onInsert }: { onInsert: (key: string) => void }) {
  return (
    <Stack gap={4}>
      <Text size="xs" fw={600} c="dimmed">
        Insérer un champ
      </Text>
      <Group gap={6}>
        {Object.entries(PLACEHOLDERS).map(([key, p]) => (
          <Button
            key={key}
            size="compact-xs"
            variant="light"
            title={`{{${key}}} — par exemple : ${p.example}`}
            onClick={() => onInsert(key)}
          >
            {p.label}
          </Button>
        ))}
      </Group>
    </Stack>
  );
}
