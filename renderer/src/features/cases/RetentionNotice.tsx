import { Alert, Button, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';

import type { CaseDetail } from '../../../../shared/api/cases-api';
import type { CaseRetention } from '../../../../shared/api/security-api';
import { api } from '../../api/client';
import { navigate } from '../../app/router';
import { useAction } from '../../hooks/useAction';
import { frenchDay } from './format';

/**
 * Under a closed case file's status: until when it must be kept, and once that date has passed,
 * the doctor's button to delete it for good (the title must be typed to confirm).
 */
export function RetentionNotice({ detail }: { detail: CaseDetail }) {
  const [retention, setRetention] = useState<CaseRetention | null>(null);
  const [isDoctor, setIsDoctor] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [typed, setTyped] = useState('');
  const purge = useAction(() => api.cases.purge({ caseId: detail.id }));

  useEffect(() => {
    let live = true;
    void api.cases.retention({ caseId: detail.id }).then(
      (r) => live && setRetention(r),
      () => live && setRetention(null),
    );
    void api.vault.status({}).then(
      (s) => live && setIsDoctor(s.session?.role === 'medecin'),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [detail]);

  if (!retention?.endsAt) return null;

  const remove = async () => {
    const done = await purge.run();
    if (!done) return;
    setConfirming(false);
    notifications.show({ message: 'Le dossier a été supprimé définitivement.', color: 'teal' });
    navigate('dossiers');
  };

  return (
    <Stack gap={4} align="end" maw={360}>
      <Text size="sm" c="dimmed" ta="right" data-testid="case-retention">
        {retention.canPurge
          ? `Durée de conservation écoulée depuis le ${frenchDay(retention.endsAt)} : le médecin peut supprimer ce dossier.`
          : `À conserver jusqu’au ${frenchDay(retention.endsAt)} (${retention.retentionYears} ans après la clôture).`}
      </Text>
      {retention.canPurge && isDoctor && (
        <Button size="xs" color="red" variant="light" onClick={() => setConfirming(true)}>
          Supprimer définitivement…
        </Button>
      )}
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title="Supprimer définitivement ce dossier"
      >
        <Stack>
          <Text size="sm">
            Le dossier, ses textes, ses pièces, ses courriers et sa correspondance seront effacés du
            coffre, sans retour possible (les sauvegardes plus anciennes les contiennent encore
            jusqu’à leur rotation). Le journal gardera seulement la trace de la suppression.
          </Text>
          <TextInput
            label="Recopiez le titre du dossier pour confirmer"
            description={detail.title}
            value={typed}
            onChange={(e) => setTyped(e.currentTarget.value)}
            autoComplete="off"
          />
          {purge.error && <Alert color="red">{purge.error}</Alert>}
          <Button
            color="red"
            loading={purge.pending}
            disabled={typed.trim() !== detail.title.trim()}
            onClick={() => void remove()}
          >
            Supprimer définitivement
          </Button>
        </Stack>
      </Modal>
    </Stack>
  );
}
