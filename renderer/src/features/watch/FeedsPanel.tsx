import { Alert, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';

import type { FeedRow, Mention } from '../../../../shared/api/watch-api';
import { api, errorMessage } from '../../api/client';
import { useAction } from '../../hooks/useAction';
import { frenchDate } from '../cases/format';
import { MentionsList } from './MentionsList';

/**
 * Opt-in: nothing is fetched until the user pastes a feed and asks for it. The core fetches, in
 * the main process; offline, the lists stay as they were and the error says what happened.
 */
export function FeedsPanel() {
  const [feeds, setFeeds] = useState<FeedRow[]>([]);
  const [mentions, setMentions] = useState<Mention[]>([]);
  const [url, setUrl] = useState('');
  const [label, setLabel] = useState('');
  const [message, setMessage] = useState<{ color: string; text: string } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const add = useAction(api.feeds.add);

  const reload = useCallback(async () => {
    try {
      setFeeds(await api.feeds.list({}));
      setMentions(await api.mentions.list({}));
    } catch (e) {
      setMessage({ color: 'red', text: errorMessage(e) });
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);

  const submit = async () => {
    const list = await add.run({ url, label });
    if (!list) return;
    setFeeds(list);
    setUrl('');
    setLabel('');
  };
  const refresh = async (feed: FeedRow) => {
    setBusy(feed.id);
    try {
      const { newMentions } = await api.feeds.refresh({ id: feed.id });
      setMessage({
        color: 'teal',
        text:
          newMentions === 0
            ? 'Aucune nouvelle mention.'
            : `${newMentions} nouvelle${newMentions > 1 ? 's' : ''} mention${newMentions > 1 ? 's' : ''}.`,
      });
    } catch (e) {
      setMessage({ color: 'red', text: errorMessage(e) });
    } finally {
      setBusy(null);
      await reload();
    }
  };
  const remove = async (feed: FeedRow) => {
    try {
      setFeeds(await api.feeds.remove({ id: feed.id }));
      setMentions(await api.mentions.list({}));
    } catch (e) {
      setMessage({ color: 'red', text: errorMessage(e) });
    }
  };

  return (
    <Stack>
      <Text size="sm">
        Pour être prévenu quand votre nom apparaît sur le web : créez une alerte sur Google Alertes
        (google.fr/alerts) avec votre nom et celui du cabinet, choisissez « Envoyer à : flux RSS »,
        puis collez ici l’adresse du flux. Égide ne le lit que lorsque vous cliquez sur « Actualiser
        ».
      </Text>
      <Group align="end">
        <TextInput
          label="Adresse du flux"
          placeholder="https://www.google.fr/alerts/feeds/…"
          value={url}
          onChange={(e) => setUrl(e.currentTarget.value)}
          error={add.error ?? undefined}
          style={{ flex: 2 }}
        />
        <TextInput
          label="Nom (facultatif)"
          value={label}
          onChange={(e) => setLabel(e.currentTarget.value)}
          style={{ flex: 1 }}
        />
        <Button onClick={() => void submit()} loading={add.pending}>
          Ajouter le flux
        </Button>
      </Group>
      {message && (
        <Alert
          color={message.color}
          withCloseButton
          onClose={() => setMessage(null)}
          data-testid="feed-message"
        >
          {message.text}
        </Alert>
      )}
      {feeds.map((f) => (
        <Paper key={f.id} withBorder p="sm" data-testid="feed-row">
          <Group justify="space-between" align="start">
            <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
              <Text fw={500}>{f.label || 'Flux de veille'}</Text>
              <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                {f.url}
              </Text>
              <Text size="xs">
                {f.lastFetched ? `Lu le ${frenchDate(f.lastFetched)}` : 'Jamais lu'}
                {f.newCount > 0 ? ` · ${f.newCount} mention(s) à examiner` : ''}
              </Text>
              {f.lastError && (
                <Text size="xs" c="red">
                  Dernière erreur : {f.lastError}
                </Text>
              )}
            </Stack>
            <Group gap="xs">
              <Button size="xs" onClick={() => void refresh(f)} loading={busy === f.id}>
                Actualiser
              </Button>
              <Button size="xs" variant="subtle" color="red" onClick={() => void remove(f)}>
                Retirer
              </Button>
            </Group>
          </Group>
        </Paper>
      ))}
      <MentionsList
        mentions={mentions}
        onChange={setMentions}
        onError={(text) => setMessage({ color: 'red', text })}
      />
    </Stack>
  );
}
