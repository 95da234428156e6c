import {
  Alert,
  Button,
  Code,
  CopyButton,
  Group,
  List,
  Progress,
  Radio,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';

import type { CaseDetail } from '../../../../../shared/api/cases-api';
import {
  EXPORT_FORMAT_LABELS,
  type ExportFormat,
  type ExportResult,
} from '../../../../../shared/api/export-api';
import { api, isHarness } from '../../../api/client';
import { useAction } from '../../../hooks/useAction';
import { useJob } from '../../../hooks/useJob';

const FORMAT_HELP: Record<ExportFormat, string> = {
  folder: 'Un dossier ordinaire, à copier sur une clé USB chiffrée ou à remettre en main propre.',
  zip: 'Un seul fichier, pratique à transmettre ; son contenu n’est pas chiffré.',
  'zip-aes':
    'Un fichier chiffré (AES-256), qui s’ouvre avec 7-Zip ou WinZip et le mot de passe affiché ' +
    'une seule fois. Recommandé pour tout envoi par courriel ou par un service en ligne.',
};

function formatBytes(bytes: number): string {
  const mb = bytes / 1e6;
  return mb >= 1
    ? `${mb.toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Mo`
    : `${Math.ceil(bytes / 1e3)} ko`;
}

/** The dossier for the lawyer: choose a format and a folder, follow the export, read the outcome. */
export function ExportTab({ detail }: { detail: CaseDetail }) {
  const [format, setFormat] = useState<ExportFormat>('zip-aes');
  const [destination, setDestination] = useState('');
  const [password, setPassword] = useState<string | null>(null);
  const job = useJob<ExportResult>();
  const start = useAction((f: ExportFormat, d: string) =>
    api.export.start({ caseId: detail.id, format: f, destination: d }),
  );
  const choose = useAction(() =>
    api.system.chooseFolder({ title: 'Où enregistrer le dossier pour l’avocat ?' }),
  );

  const pick = async () => {
    const chosen = await choose.run();
    if (chosen?.path) setDestination(chosen.path);
  };

  const launch = async () => {
    setPassword(null);
    job.reset();
    const started = await start.run(format, destination.trim());
    if (!started) return;
    setPassword(started.password ?? null);
    job.follow(started.jobId);
  };

  const status = job.status;
  const busy = start.pending || job.running;
  const active = pieceCount(detail);

  return (
    <Stack maw={760}>
      <Title order={3}>Dossier pour l’avocat</Title>
      <Text size="sm">
        Égide rassemble en un seul export ce dont l’avocat a besoin : la synthèse du dossier (faits,
        propos exacts avec leur adresse et leur date de mise en ligne, qualification, échéances,
        démarches), le bordereau des pièces, la chronologie, les {active} pièce
        {active > 1 ? 's' : ''} dans leur version d’origine, les courriers, et les empreintes
        SHA-256 qui permettent de vérifier que rien n’a été modifié.
      </Text>

      <Radio.Group label="Format" value={format} onChange={(v) => setFormat(v as ExportFormat)}>
        <Stack gap="xs" mt="xs">
          {(['zip-aes', 'zip', 'folder'] as const).map((f) => (
            <Radio
              key={f}
              value={f}
              label={EXPORT_FORMAT_LABELS[f]}
              description={FORMAT_HELP[f]}
              disabled={busy}
            />
          ))}
        </Stack>
      </Radio.Group>

      <Group align="end" wrap="nowrap">
        <TextInput
          label="Dossier de destination"
          description={
            isHarness()
              ? 'Saisissez le chemin complet d’un dossier existant.'
              : 'Choisissez un dossier existant, par exemple sur une clé USB chiffrée.'
          }
          placeholder="C:\Users\Cabinet\Documents"
          value={destination}
          onChange={(e) => setDestination(e.currentTarget.value)}
          error={start.field === 'destination' ? start.error : undefined}
          disabled={busy}
          style={{ flex: 1 }}
        />
        {!isHarness() && (
          <Button
            variant="default"
            onClick={() => void pick()}
            disabled={busy}
            loading={choose.pending}
          >
            Choisir…
          </Button>
        )}
      </Group>
      {format !== 'zip-aes' && (
        <Alert color="yellow" title="Export non chiffré">
          Le dossier contient des données personnelles, parfois de santé. Ne l’envoyez pas tel quel
          par courriel : choisissez l’archive protégée, ou remettez-le sur un support chiffré.
        </Alert>
      )}

      <Group>
        <Button
          onClick={() => void launch()}
          loading={start.pending}
          disabled={busy || destination.trim() === ''}
        >
          Exporter le dossier
        </Button>
      </Group>
      {start.error && start.field !== 'destination' && <Alert color="red">{start.error}</Alert>}
      {choose.error && <Alert color="red">{choose.error}</Alert>}

      {job.jobId && (
        <Stack gap="xs" data-testid="export-progress">
          <Progress.Root size="xl" aria-label="Progression de l’export">
            <Progress.Section
              value={job.percent}
              color={
                status?.state === 'failed' ? 'red' : status?.state === 'done' ? 'teal' : 'blue'
              }
              animated={job.running}
            >
              <Progress.Label>{job.percent} %</Progress.Label>
            </Progress.Section>
          </Progress.Root>
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              {job.running ? (status?.message ?? 'Préparation de l’export…') : null}
            </Text>
            {job.running && (
              <Button
                variant="default"
                color="red"
                onClick={() => void job.cancel()}
                loading={job.cancelling}
              >
                Annuler
              </Button>
            )}
          </Group>
        </Stack>
      )}
      {job.error && <Alert color="red">{job.error}</Alert>}
      {status?.state === 'failed' && (
        <Alert color="red" title="Export impossible">
          {status.message}
        </Alert>
      )}
      {status?.state === 'cancelled' && <Alert color="gray">{status.message}</Alert>}
      {status?.state === 'done' && status.result && (
        <ExportDone result={status.result} password={password} />
      )}
    </Stack>
  );
}

function pieceCount(detail: CaseDetail): number {
  return detail.pieces.filter((p) => p.withdrawn === null).length;
}

function ExportDone({ result, password }: { result: ExportResult; password: string | null }) {
  return (
    <Stack>
      <Alert color="teal" title="Export terminé">
        <Text size="sm">
          {result.fileCount} fichiers ({formatBytes(result.bytes)}), dont {result.pieceCount} pièce
          {result.pieceCount > 1 ? 's' : ''}, vérifiés et enregistrés dans :
        </Text>
        <Code block mt="xs" data-testid="export-path">
          {result.path}
        </Code>
      </Alert>
      {password && (
        <Alert color="orange" title="Mot de passe de l’archive — affiché une seule fois">
          <Stack gap="xs">
            <Group>
              <Code fz="lg" data-testid="export-password">
                {password}
              </Code>
              <CopyButton value={password}>
                {({ copied, copy }) => (
                  <Button size="xs" variant="light" onClick={copy}>
                    {copied ? 'Copié' : 'Copier'}
                  </Button>
                )}
              </CopyButton>
            </Group>
            <List size="sm">
              <List.Item>
                Notez-le maintenant : Égide ne le conserve pas et ne pourra pas le réafficher.
              </List.Item>
              <List.Item>
                Transmettez-le à l’avocat par un autre moyen que l’archive (téléphone, SMS), jamais
                dans le même courriel, comme le recommande la CNIL.
              </List.Item>
              <List.Item>
                L’archive s’ouvre avec 7-Zip, WinZip ou l’utilitaire d’archives de macOS.
              </List.Item>
            </List>
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}
