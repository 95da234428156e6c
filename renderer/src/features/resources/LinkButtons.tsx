import { Button, Group } from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';

import { openExternalLink } from './links';

export interface LinkItem {
  label: string;
  url: string;
}

/** Outside links as buttons: the core decides whether each may open. */
export function LinkButtons({ links }: { links: readonly LinkItem[] }) {
  if (links.length === 0) return null;
  return (
    <Group gap="xs">
      {links.map((link) => (
        <Button
          key={link.url}
          size="xs"
          variant="light"
          leftSection={<IconExternalLink size={14} aria-hidden />}
          onClick={() => void openExternalLink(link.url)}
          title={link.url}
        >
          {link.label}
        </Button>
      ))}
    </Group>
  );
}
