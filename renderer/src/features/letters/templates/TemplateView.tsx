import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  List,
  Loader,
  Paper,
  Select,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';

import type { TemplateDetail } from '../../../../../shared/api/letters-api';
import { api, errorMessage } from '../../../api/client';
import { navigate } from '../../../app/router';
import { useAction } from '../../../hooks/useAction';
import { frenchDate } from '../../cases/format';
import { STEP_LABELS, TEMPLATE_CASE_KIND_LABELS, TEMPLATE_RECIPIENT_LABELS } from '../format';
import { SENDING_MODE_LABELS, TEMPLATE_KIND_LABELS } from '../labels';

function Field({ label, value }: { label: string; value: string | undefined }) {
  if (!value) return null;
  return (
    <Stack gap={2}>
      <Text size="xs" fw={600} c="dimmed">
        {label}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {value}
      </Text>
    </Stack>
  );
}

/** One template, read-only; built-ins are duplicated to be adapted, the cabinet's are edited. */
export function TemplateView({ templateId }: { templateId: string }) {
  const [version, setVersion] = useState<number | undefined>(undefined);
  const [detail, setDetail] = useState<TemplateDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const duplicate = useAction(() => api.templates.duplicate({ templateId, version }));
  const remove = useAction(() => api.templates.remove({ templateId }));

  const load = useCallback(async () => {
    try {
      setDetail(await api.templates.get({ templateId, ...(version ? { version } : {}) }));
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [templateId, version]);

  useEffect(() => {
    void load();
  }, [load]);

  if (error && !detail) {
    return (
      <Stack>
        <Alert color="red">{error}</Alert>
        <Anchor onClick={() => navigate('modeles')}>Retour aux modèles</Anchor>
      </Stack>
    );
  }
  if (!detail) return <Loader aria-label="Chargement du modèle" />;
  const { summary, template } = detail;
  const current = summary.version === (version ?? summary.version);

  const onDuplicate = async () => {
    const copy = await duplicate.run();
    if (copy) navigate('modeles', copy.summary.id, 'modifier');
  };
  const onRemove = async () => {
    if (!window.confirm('Supprimer ce modèle ? Les courriers déjà rédigés le gardent.')) return;
    if ((await remove.run()) !== undefined) navigate('modeles');
  };

  return (
    <Stack maw={860}>
      <Anchor size="sm" onClick={() => navigate('modeles')}>
        ← Tous les modèles
      </Anchor>
      <Group justify="space-between" align="start">
        <Stack gap={4}>
          <Title order={2}>{template.title}</Title>
          <Group gap="xs">
            <Badge variant="outline">{TEMPLATE_KIND_LABELS[template.kind]}</Badge>
            {summary.builtIn ? (
              <Badge color="gray">Modèle intégré · lecture seule</Badge>
            ) : (
              <Badge color="teal">Modèle du cabinet · version {version ?? summary.version}</Badge>
            )}
          </Group>
        </Stack>
        <Group>
          <Button variant="default" loading={duplicate.pending} onClick={() => void onDuplicate()}>
            Dupliquer
          </Button>
          {template.path && template.path.caseKind !== 'any' && (
            <Button
              variant="subtle"
              onClick={() => navigate('dossiers', 'nouveau', template.path!.caseKind)}
            >
              Ouvrir un dossier pour l’utiliser
            </Button>
          )}
          {!summary.builtIn && current && (
            <Button onClick={() => navigate('modeles', templateId, 'modifier')}>Modifier</Button>
          )}
          {!summary.builtIn && (
            <Button color="red" variant="subtle" onClick={() => void onRemove()}>
              Supprimer
            </Button>
          )}
        </Group>
      </Group>
      {(duplicate.error || remove.error) && (
        <Alert color="red">{duplicate.error ?? remove.error}</Alert>
      )}
      {summary.builtIn && (
        <Text size="sm" c="dimmed">
          Ce modèle est livré avec Égide et ne se modifie pas. « Dupliquer » en crée une copie que
          le cabinet peut adapter.
        </Text>
      )}
      {detail.versions.length > 0 && (
        <Group align="end">
          <Select
            label="Version affichée"
            w={320}
            data={detail.versions.map((v) => ({
              value: String(v.version),
              label: `Version ${v.version} — ${frenchDate(v.at)} par ${v.by}`,
            }))}
            value={String(version ?? summary.version)}
            onChange={(v) => v && setVersion(Number(v))}
            allowDeselect={false}
          />
          <Text size="sm" c="dimmed">
            {detail.letterCount} courrier{detail.letterCount > 1 ? 's' : ''} rédigé
            {detail.letterCount > 1 ? 's' : ''} avec ce modèle
          </Text>
        </Group>
      )}
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Field
            label="Dossiers concernés"
            value={
              template.path
                ? `${TEMPLATE_CASE_KIND_LABELS[template.path.caseKind]}${
                    template.path.step ? ` — ${STEP_LABELS[template.path.step]}` : ''
                  }`
                : 'Tout dossier'
            }
          />
          <Field label="Nature du commentaire" value={template.nature} />
          <Field
            label="Destinataire"
            value={template.recipientRole && TEMPLATE_RECIPIENT_LABELS[template.recipientRole]}
          />
          <Field
            label="Mode d’envoi"
            value={template.sendingMode && SENDING_MODE_LABELS[template.sendingMode]}
          />
          <Field label="Objet" value={template.objet} />
          <Field label="Références" value={template.references} />
          <Field label="Texte" value={template.body} />
          <Field label="Formule de politesse" value={template.closing} />
          <Field label="Source" value={template.attribution} />
        </Stack>
      </Paper>
      {(template.reminders?.length ?? 0) > 0 && (
        <Alert color="yellow" title="Avant d’envoyer">
          <List size="sm">
            {template.reminders?.map((r) => (
              <List.Item key={r}>{r}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {(template.legalBasis?.length ?? 0) > 0 && (
        <Text size="sm">
          <Text span fw={600}>
            Bases légales :{' '}
          </Text>
          {template.legalBasis?.join(' ; ')}
        </Text>
      )}
    </Stack>
  );
}
