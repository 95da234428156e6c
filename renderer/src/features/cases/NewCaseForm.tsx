import { Alert, Button, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';

import type { CaseKind } from '../../../../shared/domain/cases';
import { api } from '../../api/client';
import { navigate } from '../../app/router';
import { useAction } from '../../hooks/useAction';
import { emptyDraft, fieldsFromDraft, isField, isShownField, type CaseDraft } from './caseDraft';
import { CaseFieldsForm } from './CaseFieldsForm';
import { KindCards } from './KindCards';

/** "Nouveau dossier": the kind first, then what is known about the content. */
export function NewCaseForm({ initialKind }: { initialKind: CaseKind | null }) {
  const [draft, setDraft] = useState<CaseDraft | null>(
    initialKind ? emptyDraft(initialKind) : null,
  );
  const [verbatim, setVerbatim] = useState('');
  const create = useAction((d: CaseDraft, text: string) =>
    api.cases.create({ ...fieldsFromDraft(d), verbatim: d.kind === 'listing' ? '' : text }),
  );

  const chooseKind = (kind: CaseKind) => setDraft((d) => (d ? { ...d, kind } : emptyDraft(kind)));

  const submit = async () => {
    if (!draft) return;
    const created = await create.run(draft, verbatim);
    if (created) navigate('dossiers', created.id);
  };

  const failing = { field: create.field, message: create.error };
  const fieldShown = isShownField(create.field);

  return (
    <Stack maw={900}>
      <Title order={2}>Nouveau dossier</Title>
      <Text>De quoi s’agit-il ?</Text>
      <KindCards value={draft?.kind ?? null} onChange={chooseKind} />
      {draft && (
        <>
          <CaseFieldsForm draft={draft} onChange={setDraft} failing={failing}>
            {draft.kind !== 'listing' && (
              <Textarea
                label="Texte de l’avis ou du commentaire"
                description="Collez le texte tel qu’il apparaît en ligne : il est conservé exactement comme collé, fautes comprises. Une correction ultérieure crée une nouvelle version et garde la première."
                autosize
                minRows={5}
                styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
                value={verbatim}
                error={isField(create.field, 'verbatim') ? create.error : undefined}
                onChange={(e) => setVerbatim(e.currentTarget.value)}
              />
            )}
          </CaseFieldsForm>
          {create.error && !fieldShown && <Alert color="red">{create.error}</Alert>}
          {create.error && fieldShown && (
            <Alert color="red" variant="light">
              Le dossier n’a pas été créé : corrigez le champ signalé.
            </Alert>
          )}
          <Group>
            <Button loading={create.pending} onClick={() => void submit()}>
              Créer le dossier
            </Button>
            <Button variant="default" onClick={() => navigate('dossiers')}>
              Annuler
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}
