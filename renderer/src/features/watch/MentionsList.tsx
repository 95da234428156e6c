import { Anchor, Button, Group, Menu, Paper, Stack, Text, Title } from '@mantine/core';

import type { Mention } from '../../../../shared/api/watch-api';
import { api, errorMessage } from '../../api/client';
import { navigate } from '../../app/router';
import { frenchDate } from '../cases/format';
import { openOutside } from './open-link';

/** New mentions: each one is dismissed, or becomes a case file with its title and link. */
export function MentionsList({
  mentions,
  onChange,
  onError,
}: {
  mentions: Mention[];
  onChange: (list: Mention[]) => void;
  onError: (message: string) => void;
}) {
  const dismiss = async (m: Mention) => {
    try {
      onChange(await api.mentions.dismiss({ id: m.id }));
    } catch (e) {
      onError(errorMessage(e));
    }
  };
  const toCase = async (m: Mention, kind: 'review' | 'other') => {
    try {
      const c = await api.mentions.toCase({ id: m.id, kind });
      navigate('dossiers', c.id);
    } catch (e) {
      onError(errorMessage(e));
    }
  };

  return (
    <Stack gap="xs" data-testid="mentions">
      <Title order={4}>Mentions</Title>
      {mentions.length === 0 && (
        <Text size="sm" c="dimmed">
          Aucune mention à examiner.
        </Text>
      )}
      {mentions.map((m) => (
        <Paper key={m.id} withBorder p="xs" data-testid="mention">
          <Group justify="space-between" wrap="nowrap">
            <Stack gap={0} style={{ minWidth: 0 }}>
              {m.link ? (
                <Anchor
                  size="sm"
                  onClick={() =>
                    void openOutside(m.link!).then((failed) => failed && onError(failed))
                  }
                >
                  {m.title}
                </Anchor>
              ) : (
                <Text size="sm">{m.title}</Text>
              )}
              <Text size="xs" c="dimmed">
                {m.published ? `Publié le ${frenchDate(m.published)}` : 'Date inconnue'}
                {m.link ? '' : ' · lien non sécurisé (http) ignoré'}
              </Text>
            </Stack>
            <Group gap="xs" wrap="nowrap">
              {m.caseId ? (
                <Button size="xs" variant="subtle" onClick={() => navigate('dossiers', m.caseId!)}>
                  Voir le dossier
                </Button>
              ) : (
                <Menu>
                  <Menu.Target>
                    <Button size="xs" variant="light">
                      Créer un dossier
                    </Button>
                  </Menu.Target>
                  <Menu.Dropdown>
                    <Menu.Item onClick={() => void toCase(m, 'review')}>
                      Avis ou commentaire
                    </Menu.Item>
                    <Menu.Item onClick={() => void toCase(m, 'other')}>Autre contenu</Menu.Item>
                  </Menu.Dropdown>
                </Menu>
              )}
              <Button size="xs" variant="subtle" color="gray" onClick={() => void dismiss(m)}>
                Écarter
              </Button>
            </Group>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
