import {
  Alert,
  Button,
  Group,
  List,
  NumberInput,
  Progress,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';

import type { BackupStatus, BackupSummary } from '../../../../shared/api/security-api';
import { api, errorMessage, isHarness } from '../../api/client';
import { useAction } from '../../hooks/useAction';
import { useJob } from '../../hooks/useJob';
import { frenchDate } from '../cases/format';

function size(bytes: number): string {
  const mb = bytes / 1e6;
  return mb >= 1
    ? `${mb.toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Mo`
    : `${Math.max(1, Math.ceil(bytes / 1e3))} ko`;
}

/**
 * Where the encrypted backups go (a USB drive, an external disk, a NAS), how many are kept, the
 * daily backup, and "Sauvegarder maintenant" with its progress. The doctor chooses the folder;
 * both roles can start a backup.
 */
export function BackupPanel({ canEdit }: { canEdit: boolean }) {
  const [status, setStatus] = useState<BackupStatus | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [folder, setFolder] = useState('');
  const [keep, setKeep] = useState(7);
  const [daily, setDaily] = useState(true);
  const job = useJob<BackupSummary>();
  const save = useAction(() => api.backup.configure({ folder, keep, daily }));
  const start = useAction(() => api.backup.run({}));
  const choose = useAction(() =>
    api.system.chooseFolder({ title: 'Dossier des sauvegardes (clé USB, disque externe, NAS)' }),
  );

  const load = useCallback(async () => {
    try {
      const next = await api.backup.status({});
      setStatus(next);
      if (next.settings) {
        setFolder(next.settings.folder ?? '');
        setKeep(next.settings.keep);
        setDaily(next.settings.daily);
      }
    } catch (e) {
      setLoadError(errorMessage(e));
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  // The list of backups and the last result change when a backup ends.
  const ended = job.status && job.status.state !== 'running';
  useEffect(() => {
    if (ended) void load();
  }, [ended, load]);

  const launch = async () => {
    job.reset();
    const started = await start.run();
    if (started) job.follow(started.jobId);
  };

  const configured = Boolean(status?.settings?.folder);
  const busy = start.pending || job.running;

  return (
    <Stack maw={720}>
      <Title order={4}>Sauvegardes chiffrées</Title>
      <Text size="sm">
        Égide copie le coffre tel quel, toujours chiffré, dans le dossier choisi : à chaque
        verrouillage, à la fermeture et une fois par jour. Choisissez un support distinct de cet
        ordinateur (clé USB, disque externe, NAS du cabinet) et rangez-le à part. Une sauvegarde se
        restaure depuis l’écran de verrouillage, avec la phrase de passe du médecin ou la clé de
        secours.
      </Text>
      {loadError && <Alert color="red">{loadError}</Alert>}

      <Group align="end" wrap="nowrap">
        <TextInput
          label="Dossier des sauvegardes"
          description={
            isHarness() ? 'Saisissez le chemin complet d’un dossier existant.' : undefined
          }
          placeholder="E:\Sauvegardes Égide"
          value={folder}
          readOnly={!canEdit}
          onChange={(e) => setFolder(e.currentTarget.value)}
          error={save.field === 'folder' ? save.error : undefined}
          style={{ flex: 1 }}
        />
        {canEdit && !isHarness() && (
          <Button
            variant="default"
            loading={choose.pending}
            onClick={() =>
              void choose.run().then((r) => {
                if (r?.path) setFolder(r.path);
              })
            }
          >
            Choisir…
          </Button>
        )}
      </Group>
      <NumberInput
        label="Nombre de sauvegardes gardées"
        description="Les plus anciennes au-delà de ce nombre sont supprimées du dossier."
        min={1}
        max={100}
        value={keep}
        readOnly={!canEdit}
        onChange={(v) => typeof v === 'number' && setKeep(v)}
        maw={320}
      />
      <Switch
        label="Sauvegarde quotidienne (quand Égide est ouvert)"
        checked={daily}
        disabled={!canEdit}
        onChange={(e) => setDaily(e.currentTarget.checked)}
      />
      {save.error && save.field !== 'folder' && <Alert color="red">{save.error}</Alert>}
      {canEdit ? (
        <Button
          w="fit-content"
          loading={save.pending}
          disabled={!folder.trim()}
          onClick={() => void save.run().then((s) => s && setStatus(s))}
        >
          Enregistrer les réglages de sauvegarde
        </Button>
      ) : (
        <Text size="sm" c="dimmed">
          Seul le médecin choisit le dossier des sauvegardes.
        </Text>
      )}

      <Title order={5} mt="md">
        Sauvegarder maintenant
      </Title>
      <Button w="fit-content" onClick={() => void launch()} loading={busy} disabled={!configured}>
        Sauvegarder maintenant
      </Button>
      {start.error && <Alert color="red">{start.error}</Alert>}
      {job.jobId && (
        <Stack gap={4}>
          <Progress value={job.percent} aria-label="Progression de la sauvegarde" />
          <Text size="sm" c="dimmed">
            {job.status?.message ?? 'Préparation…'}
          </Text>
        </Stack>
      )}
      {job.status?.state === 'done' && job.status.result && (
        <Alert color="teal" title="Sauvegarde terminée">
          {job.status.result.name} — {job.status.result.files} fichiers,{' '}
          {size(job.status.result.bytes)}.
          {job.status.result.missing > 0 &&
            ` Attention : ${job.status.result.missing} fichier(s) de pièce manquaient dans le coffre.`}
        </Alert>
      )}
      {job.status?.state === 'failed' && (
        <Alert color="red" title="Sauvegarde impossible">
          {job.status.error?.message ?? job.status.message}
        </Alert>
      )}
      {job.error && <Alert color="red">{job.error}</Alert>}

      {status?.last && !status.last.ok && !job.jobId && (
        <Alert color="orange" title="La dernière sauvegarde a échoué">
          {frenchDate(status.last.at)} : {status.last.message}
        </Alert>
      )}
      {status && configured && (
        <>
          <Title order={5} mt="md">
            Sauvegardes présentes dans le dossier
          </Title>
          {status.backups.length === 0 ? (
            <Text size="sm" c="dimmed">
              Aucune sauvegarde de ce coffre dans ce dossier (ou le support n’est pas branché).
            </Text>
          ) : (
            <List size="sm" data-testid="backup-list">
              {status.backups.map((b) => (
                <List.Item key={b.name}>
                  {frenchDate(b.createdAt)} — {b.name} ({size(b.bytes)})
                </List.Item>
              ))}
            </List>
          )}
        </>
      )}
    </Stack>
  );
}
