import { Card, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

import type { DirectoryNote } from '../../../../shared/api/resources-api';
import { LinkButtons, type LinkItem } from './LinkButtons';
import { NoteEditor } from './NoteEditor';

export interface NoteProps {
  note: (entryId: string) => DirectoryNote | null;
  onNoteSaved: (entryId: string, note: DirectoryNote | null) => void;
}

interface Props extends NoteProps {
  entryId: string;
  title: string;
  badges?: ReactNode;
  description: string;
  links: readonly LinkItem[];
  source?: string;
  children?: ReactNode;
}

/** One directory entry: what it is, where it leads, where the data comes from, the cabinet's note. */
export function EntryCard(props: Props) {
  const { entryId, title, badges, description, links, source, children } = props;
  return (
    <Card withBorder padding="md" data-testid={`entry-${entryId}`}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Title order={4}>{title}</Title>
          {badges && <Group gap={6}>{badges}</Group>}
        </Group>
        <Text size="sm">{description}</Text>
        {children}
        <LinkButtons links={links} />
        {source && (
          <Text size="xs" c="dimmed">
            Source : {source}
          </Text>
        )}
        <NoteEditor entryId={entryId} note={props.note(entryId)} onSaved={props.onNoteSaved} />
      </Stack>
    </Card>
  );
}
