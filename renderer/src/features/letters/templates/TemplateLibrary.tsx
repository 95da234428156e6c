import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';

import type { TemplateSummary } from '../../../../../shared/api/letters-api';
import { TEMPLATE_KINDS, type TemplateKind } from '../../../../../shared/templates/schema';
import { api, errorMessage } from '../../../api/client';
import { navigate } from '../../../app/router';
import { STEP_LABELS, TEMPLATE_CASE_KIND_LABELS } from '../format';

const GROUP_LABELS: Record<TemplateKind, string> = {
  reply: 'Réponses publiques',
  letter: 'Courriers',
  sheet: 'Fiches de préparation',
  'form-text': 'Textes pour un formulaire en ligne',
};

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/** Built-in and cabinet templates, grouped by kind; built-ins open read-only. */
export function TemplateLibrary() {
  const [list, setList] = useState<TemplateSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [query, setQuery] = useState('');

  useEffect(() => {
    api.templates.list({}).then(setList, (e: unknown) => setError(errorMessage(e)));
  }, []);

  const shown = useMemo(() => {
    const q = fold(query.trim());
    return (list ?? []).filter((t) => q === '' || fold(`${t.title} ${t.nature ?? ''}`).includes(q));
  }, [list, query]);

  return (
    <Stack maw={960}>
      <Group justify="space-between">
        <Title order={2}>Modèles</Title>
        <Button onClick={() => navigate('modeles', 'nouveau')}>Nouveau modèle</Button>
      </Group>
      <Text size="sm" c="dimmed">
        Les modèles intégrés à Égide sont en lecture seule : dupliquez-en un pour l’adapter au
        cabinet. Chaque enregistrement d’un modèle du cabinet crée une nouvelle version, et chaque
        courrier indique la version qui l’a produit.
      </Text>
      {error && <Alert color="red">{error}</Alert>}
      <TextInput
        label="Rechercher un modèle"
        placeholder="mise en demeure, attente, CNIL…"
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
      />
      {list === null && !error && <Loader aria-label="Chargement des modèles" />}
      {TEMPLATE_KINDS.map((kind) => {
        const group = shown.filter((t) => t.kind === kind);
        if (group.length === 0) return null;
        return (
          <Stack key={kind} gap="xs">
            <Title order={4}>{GROUP_LABELS[kind]}</Title>
            {group.map((t) => (
              <UnstyledButton
                key={t.id}
                onClick={() => navigate('modeles', t.id)}
                aria-label={`Ouvrir le modèle ${t.title}`}
              >
                <Paper withBorder p="sm" data-testid="template-row">
                  <Group justify="space-between" wrap="nowrap">
                    <Stack gap={2}>
                      <Text fw={600}>{t.title}</Text>
                      <Text size="xs" c="dimmed">
                        {t.path ? TEMPLATE_CASE_KIND_LABELS[t.path.caseKind] : 'Tout dossier'}
                        {t.path?.step ? ` · ${STEP_LABELS[t.path.step] ?? t.path.step}` : ''}
                        {t.nature ? ` · ${t.nature}` : ''}
                      </Text>
                    </Stack>
                    {t.builtIn ? (
                      <Badge variant="light" color="gray">
                        Intégré
                      </Badge>
                    ) : (
                      <Badge variant="light" color="teal">
                        Du cabinet · v{t.version}
                      </Badge>
                    )}
                  </Group>
                </Paper>
              </UnstyledButton>
            ))}
          </Stack>
        );
      })}
    </Stack>
  );
}
