import { Alert, Button, NumberInput, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';

import type { AppSettings, SessionInfo } from '../../../../shared/api/vault-api';
import { api } from '../../api/client';
import { PassphraseField, passphraseOk } from '../../components/PassphraseField';
import { useAction } from '../../hooks/useAction';

export function SecurityPanel({ canEdit, session }: { canEdit: boolean; session: SessionInfo }) {
  const [settings, setSettings] = useState<AppSettings | null>(null);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const save = useAction((s: AppSettings) =>
    api.settings.update({ idleMinutes: s.idleMinutes, maxPieceMiB: s.maxPieceMiB }),
  );
  const change = useAction(() => api.session.changePassphrase({ current, next }));

  useEffect(() => {
    void api.settings.get({}).then(setSettings);
  }, []);

  return (
    <Stack maw={520}>
      <Title order={4}>Verrouillage automatique</Title>
      {settings && (
        <>
          <NumberInput
            label="Délai d'inactivité avant verrouillage (minutes)"
            min={1}
            max={120}
            value={settings.idleMinutes}
            readOnly={!canEdit}
            onChange={(v) => typeof v === 'number' && setSettings({ ...settings, idleMinutes: v })}
          />
          <NumberInput
            label="Taille maximale d'une pièce importée (Mio)"
            min={1}
            max={2048}
            value={settings.maxPieceMiB}
            readOnly={!canEdit}
            onChange={(v) => typeof v === 'number' && setSettings({ ...settings, maxPieceMiB: v })}
          />
          {save.error && <Alert color="red">{save.error}</Alert>}
          {canEdit && (
            <Button
              w="fit-content"
              loading={save.pending}
              onClick={() =>
                void save.run(settings).then((s) => {
                  if (!s) return;
                  setSettings(s);
                  notifications.show({ message: 'Réglages enregistrés.', color: 'teal' });
                })
              }
            >
              Enregistrer les réglages
            </Button>
          )}
        </>
      )}
      <Title order={4} mt="lg">
        Changer ma phrase de passe
      </Title>
      <Text size="sm" c="dimmed">
        Seule la clé d'accès de votre compte ({session.label}) change ; les autres comptes et la clé
        de secours restent valables.
      </Text>
      <PasswordInput
        label="Phrase de passe actuelle"
        value={current}
        onChange={(e) => setCurrent(e.currentTarget.value)}
        autoComplete="current-password"
      />
      <PassphraseField
        label="Nouvelle phrase de passe"
        value={next}
        onChange={setNext}
        context={[session.label]}
      />
      <PasswordInput
        label="Confirmez la nouvelle phrase de passe"
        value={confirm}
        onChange={(e) => setConfirm(e.currentTarget.value)}
        error={confirm && confirm !== next ? 'Les deux saisies diffèrent.' : undefined}
      />
      {change.error && <Alert color="red">{change.error}</Alert>}
      <Button
        w="fit-content"
        loading={change.pending}
        disabled={!current || !passphraseOk(next, [session.label]) || next !== confirm}
        onClick={() =>
          void change.run().then((r) => {
            if (!r) return;
            setCurrent('');
            setNext('');
            setConfirm('');
            notifications.show({ message: 'Phrase de passe modifiée.', color: 'teal' });
          })
        }
      >
        Changer la phrase de passe
      </Button>
    </Stack>
  );
}
