import { Button, Code, Group, Text } from '@mantine/core';
import { useClipboard } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';

/**
 * The full SHA-256, copyable. The clipboard may be refused (permissions, a locked-down PC):
 * the hash is then selected so that Ctrl+C still works.
 */
export function HashLine({ sha256 }: { sha256: string }) {
  const clipboard = useClipboard({ timeout: 1500 });
  const ref = useRef<HTMLElement>(null);
  const [selected, setSelected] = useState(false);

  useEffect(() => {
    if (!clipboard.error || !ref.current) return;
    window.getSelection()?.selectAllChildren(ref.current);
    setSelected(true);
  }, [clipboard.error]);

  return (
    <Group gap="xs" wrap="nowrap" align="center">
      <Text size="sm" fw={500}>
        SHA-256
      </Text>
      <Code ref={ref} data-testid="piece-sha256" style={{ wordBreak: 'break-all' }}>
        {sha256}
      </Code>
      <Button
        size="compact-xs"
        variant="subtle"
        onClick={() => {
          setSelected(false);
          clipboard.copy(sha256);
        }}
      >
        {clipboard.copied ? 'Copié' : 'Copier'}
      </Button>
      {selected && (
        <Text size="xs" c="dimmed">
          Copie refusée par le système : l’empreinte est sélectionnée, faites Ctrl + C.
        </Text>
      )}
    </Group>
  );
}
