import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  List,
  Loader,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useEffect, useState } from 'react';

import type { GuidePageContent } from '../../../../shared/api/resources-api';
import type { GuidePage } from '../../../../shared/resources/schema';
import { api, errorMessage } from '../../api/client';
import { navigate } from '../../app/router';
import type { ShellContext } from '../shell/Shell';
import { GUIDE_ACTION_ROUTES } from './guide-actions';
import { openExternalLink } from './links';
import { MarkdownView } from './MarkdownView';

/** "#/guide" lists the pages, "#/guide/<id>" shows one. */
export function GuideSection({ route }: ShellContext) {
  const pageId = route[1];
  return pageId === undefined ? <GuideIndex /> : <GuidePageView key={pageId} id={pageId} />;
}

function GuideIndex() {
  const [pages, setPages] = useState<GuidePage[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.resources.guideIndex({}).then(setPages, (e: unknown) => setError(errorMessage(e)));
  }, []);

  return (
    <Stack maw={860}>
      <Title order={2}>Guide</Title>
      <Text c="dimmed">
        L’essentiel du guide de la e-réputation du médecin libéral, à lire hors connexion.
      </Text>
      {error && <Alert color="red">{error}</Alert>}
      {pages === null && !error && <Loader size="sm" aria-label="Chargement" />}
      {pages?.map((p) => (
        <Card key={p.id} withBorder>
          <Stack gap="xs">
            <Title order={4}>{p.title}</Title>
            <Text size="sm">{p.summary}</Text>
            <Group>
              <Button
                size="xs"
                onClick={() => navigate('guide', p.id)}
                aria-label={`Lire « ${p.title} »`}
              >
                Lire
              </Button>
            </Group>
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}

/** A source line may end with an address: that part becomes a checked link. */
function SourceLine({ text }: { text: string }) {
  const parts = text.split(/(https:\/\/\S+)/);
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <Anchor
            key={i}
            component="button"
            type="button"
            style={{ fontSize: 'inherit', wordBreak: 'break-all' }}
            onClick={() => void openExternalLink(part)}
          >
            {part}
          </Anchor>
        ) : (
          part
        ),
      )}
    </>
  );
}

function GuidePageView({ id }: { id: string }) {
  const [content, setContent] = useState<GuidePageContent | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.resources.guidePage({ id }).then(setContent, (e: unknown) => setError(errorMessage(e)));
  }, [id]);

  const back = (
    <Group>
      <Button variant="subtle" size="xs" onClick={() => navigate('guide')}>
        ← Sommaire du guide
      </Button>
    </Group>
  );
  if (error) {
    return (
      <Stack maw={860}>
        {back}
        <Alert color="red">{error}</Alert>
      </Stack>
    );
  }
  if (content === null) return <Loader size="sm" aria-label="Chargement" />;

  const { page, blocks } = content;
  const actions = page.actions.flatMap((a) => {
    const go = GUIDE_ACTION_ROUTES[a.action];
    return go === undefined ? [] : [{ ...a, go }];
  });

  return (
    <Stack maw={860} gap="sm">
      {back}
      <Title order={2}>{page.title}</Title>
      <Text c="dimmed">{page.summary}</Text>
      <MarkdownView blocks={blocks} />
      {actions.length > 0 && (
        <Card withBorder>
          <Text fw={600} mb="xs">
            Passer à l’action
          </Text>
          <Group gap="xs">
            {actions.map((a) => (
              <Button key={a.action} onClick={a.go}>
                {a.label}
              </Button>
            ))}
          </Group>
        </Card>
      )}
      <div>
        <Title order={4} mb={4}>
          Références de cette page
        </Title>
        <List size="sm" spacing={2}>
          {page.sources.map((s) => (
            <List.Item key={s}>
              <SourceLine text={s} />
            </List.Item>
          ))}
        </List>
      </div>
    </Stack>
  );
}
