import {
  Alert,
  Anchor,
  Button,
  Container,
  Paper,
  PasswordInput,
  Progress,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useEffect, useState } from 'react';

import type {
  BackupInspection,
  JobProgress,
  RestoreResult,
} from '../../../../shared/api/security-api';
import { api } from '../../api/client';
import { useAction } from '../../hooks/useAction';
import { frenchDate } from '../cases/format';

/** Follows the restore's progress while the restore call itself is pending. */
function useRestoreProgress(active: boolean): JobProgress | null {
  const [job, setJob] = useState<JobProgress | null>(null);
  useEffect(() => {
    if (!active) return;
    let live = true;
    const timer = setInterval(() => {
      void api.backup.status({}).then(
        (s) => live && s.job?.kind === 'restore' && setJob(s.job),
        () => undefined,
      );
    }, 300);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [active]);
  return job;
}

/**
 * From the lock screen or the welcome screen: pick a backup folder, see what it holds, and
 * restore it with a doctor's passphrase or the recovery key. Égide never writes over a vault:
 * where one exists, the restore goes to another, empty folder (to check a backup).
 */
export function RestoreBackup({
  hasVault,
  onDone,
  onCancel,
}: {
  hasVault: boolean;
  onDone: () => void;
  onCancel: () => void;
}) {
  const [path, setPath] = useState('');
  const [how, setHow] = useState<'passphrase' | 'recovery'>('passphrase');
  const [accountId, setAccountId] = useState<string | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [recoveryKey, setRecoveryKey] = useState('');
  const [targetDir, setTargetDir] = useState('');
  const [seen, setSeen] = useState<BackupInspection | null>(null);
  const [done, setDone] = useState<RestoreResult | null>(null);
  const inspect = useAction(() => api.backup.inspect({ path }));
  const restore = useAction(() =>
    api.backup.restore({
      path,
      ...(how === 'recovery' ? { recoveryKey } : { accountId: accountId ?? undefined, passphrase }),
      ...(targetDir.trim() ? { targetDir } : {}),
    }),
  );
  const progress = useRestoreProgress(restore.pending);
  const percent = progress && progress.total > 0 ? (progress.done / progress.total) * 100 : 0;

  const examine = async () => {
    setSeen(null);
    const found = await inspect.run();
    if (!found) return;
    setSeen(found);
    setAccountId(found.doctors[0]?.id ?? null);
  };

  const run = async () => {
    const result = await restore.run();
    setPassphrase('');
    if (result) setDone(result);
  };

  if (done) {
    return (
      <Container size={520} py={60}>
        <Paper withBorder p="xl">
          <Stack>
            <Title order={2}>Sauvegarde restaurée</Title>
            <Alert color="teal" title="Vérifiée">
              {done.files} fichiers copiés, empreintes SHA-256 conformes, contrôle d’intégrité de la
              base : ok.
            </Alert>
            <Text size="sm">
              {done.target === 'current'
                ? 'Déverrouillez maintenant le coffre restauré avec votre phrase de passe.'
                : `La copie vérifiée se trouve dans ${done.dataDir}. Le coffre de ce poste n’a pas changé.`}
            </Text>
            <Button onClick={onDone}>Continuer</Button>
          </Stack>
        </Paper>
      </Container>
    );
  }

  return (
    <Container size={520} py={60}>
      <Paper withBorder p="xl">
        <Stack>
          <Title order={2}>Restaurer une sauvegarde</Title>
          <Text size="sm">
            Indiquez le dossier « Egide-sauvegarde-… » sur la clé USB, le disque ou le NAS. Seul le
            médecin restaure : sa phrase de passe, ou la clé de secours imprimée, est demandée.
          </Text>
          <TextInput
            label="Dossier de la sauvegarde"
            description="Chemin complet, par exemple E:\Sauvegardes\Egide-sauvegarde-2026-03-14T18-30-00Z"
            value={path}
            onChange={(e) => {
              setPath(e.currentTarget.value);
              setSeen(null);
            }}
            error={inspect.error ?? undefined}
          />
          {!seen && (
            <Button
              variant="light"
              loading={inspect.pending}
              disabled={!path.trim()}
              onClick={() => void examine()}
            >
              Examiner la sauvegarde
            </Button>
          )}
          {seen && (
            <>
              <Alert color="blue" title="Sauvegarde trouvée">
                Faite le {frenchDate(seen.createdAt)} : {seen.files} fichiers chiffrés.
              </Alert>
              <SegmentedControl
                value={how}
                onChange={(v) => setHow(v as 'passphrase' | 'recovery')}
                data={[
                  { value: 'passphrase', label: 'Avec la phrase de passe' },
                  { value: 'recovery', label: 'Avec la clé de secours' },
                ]}
              />
              {how === 'passphrase' ? (
                <>
                  <Select
                    label="Compte médecin"
                    data={seen.doctors.map((d) => ({ value: d.id, label: d.label }))}
                    value={accountId}
                    onChange={setAccountId}
                    allowDeselect={false}
                    comboboxProps={{ withinPortal: false }}
                  />
                  <PasswordInput
                    label="Phrase de passe du médecin"
                    value={passphrase}
                    onChange={(e) => setPassphrase(e.currentTarget.value)}
                    autoComplete="off"
                  />
                </>
              ) : (
                <TextInput
                  label="Clé de secours de cette sauvegarde"
                  description="Les 8 groupes de 4 caractères de la feuille imprimée."
                  value={recoveryKey}
                  onChange={(e) => setRecoveryKey(e.currentTarget.value)}
                  autoComplete="off"
                />
              )}
              {hasVault && (
                <TextInput
                  label="Dossier de destination (vide)"
                  description="Ce poste a déjà un coffre : Égide ne l’écrase jamais. La sauvegarde est restaurée et vérifiée dans ce dossier, à part."
                  value={targetDir}
                  onChange={(e) => setTargetDir(e.currentTarget.value)}
                />
              )}
              {restore.pending && (
                <Stack gap={4}>
                  <Progress value={percent} aria-label="Progression de la restauration" />
                  <Text size="sm" c="dimmed">
                    {progress?.phase ?? 'Vérification de la phrase de passe…'}
                  </Text>
                </Stack>
              )}
              {restore.error && <Alert color="red">{restore.error}</Alert>}
              <Button
                loading={restore.pending}
                disabled={
                  (how === 'passphrase' ? !accountId || !passphrase : !recoveryKey.trim()) ||
                  (hasVault && !targetDir.trim())
                }
                onClick={() => void run()}
              >
                Restaurer
              </Button>
            </>
          )}
          <Anchor component="button" type="button" size="sm" onClick={onCancel}>
            Retour
          </Anchor>
        </Stack>
      </Paper>
    </Container>
  );
}
