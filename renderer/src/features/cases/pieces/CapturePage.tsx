import { Alert, Button, Group, List, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';

import type { CaseDetail } from '../../../../../shared/api/cases-api';
import { api, isHarness } from '../../../api/client';
import { useAction } from '../../../hooks/useAction';

/**
 * "Capturer une page": the desktop app opens the page in its own sandboxed window; once the user
 * has scrolled or logged in, "Capturer maintenant" stores a full-page image and a PDF as pièces.
 * The browser test harness has no such window, so the action is not offered there.
 */
export function CapturePage({
  detail,
  onCaptured,
}: {
  detail: CaseDetail;
  onCaptured: () => void;
}) {
  const [opened, setOpened] = useState(false);
  const [url, setUrl] = useState(detail.fields.url);
  const [windowOpen, setWindowOpen] = useState(false);
  const open = useAction(() => api.capture.open({ caseId: detail.id, url }));
  const take = useAction(() => api.capture.take({ caseId: detail.id }));

  if (isHarness()) return null;

  const close = () => {
    if (windowOpen) void api.capture.close({});
    setWindowOpen(false);
    setOpened(false);
  };

  return (
    <>
      <Button variant="default" onClick={() => setOpened(true)}>
        Capturer une page
      </Button>
      <Modal opened={opened} onClose={close} title="Capturer une page web" size="lg">
        <Stack>
          <TextInput
            label="Adresse de la page"
            value={url}
            onChange={(e) => setUrl(e.currentTarget.value)}
            error={open.field === 'url' ? open.error : undefined}
          />
          <List size="sm">
            <List.Item>
              La page s’ouvre dans une fenêtre séparée, sans accès à vos dossiers.
            </List.Item>
            <List.Item>Faites défiler jusqu’au contenu, connectez-vous si nécessaire.</List.Item>
            <List.Item>
              Revenez ici et cliquez sur « Capturer maintenant » : une image de la page entière et
              un PDF deviennent des pièces, avec l’adresse, l’heure et les versions des logiciels.
            </List.Item>
          </List>
          {(open.error && open.field !== 'url') || take.error ? (
            <Alert color="red">{take.error ?? open.error}</Alert>
          ) : null}
          <Group>
            <Button
              variant="default"
              loading={open.pending}
              onClick={() => void open.run().then((r) => r && setWindowOpen(true))}
            >
              Ouvrir la page
            </Button>
            <Button
              disabled={!windowOpen}
              loading={take.pending}
              onClick={() =>
                void take.run().then((r) => {
                  if (!r) return;
                  notifications.show({
                    color: 'teal',
                    message: `${r.pieces.length} pièces ajoutées : ${r.pieces.map((p) => `n° ${p.number}`).join(', ')}.`,
                  });
                  onCaptured();
                  close();
                })
              }
            >
              Capturer maintenant
            </Button>
          </Group>
          <Text size="xs" c="dimmed">
            Une capture d’écran reste une preuve fragile : pour un contenu grave, demandez aussi un
            constat à un commissaire de justice (palier 3).
          </Text>
        </Stack>
      </Modal>
    </>
  );
}
