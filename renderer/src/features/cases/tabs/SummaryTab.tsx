import { Alert, Button, Divider, Group, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';

import type { CaseDetail } from '../../../../../shared/api/cases-api';
import { api } from '../../../api/client';
import { useAction } from '../../../hooks/useAction';
import { draftFromFields, fieldsFromDraft, isShownField, type CaseDraft } from '../caseDraft';
import { CaseFieldsForm } from '../CaseFieldsForm';
import { VerbatimPanel } from './VerbatimPanel';

interface Props {
  detail: CaseDetail;
  onChanged: (d: CaseDetail) => void;
}

export function SummaryTab({ detail, onChanged }: Props) {
  const [draft, setDraft] = useState<CaseDraft>(() => draftFromFields(detail.fields));
  const save = useAction((d: CaseDraft) =>
    api.cases.update({ caseId: detail.id, ...fieldsFromDraft(d) }),
  );
  const dirty = JSON.stringify(draft) !== JSON.stringify(draftFromFields(detail.fields));

  const submit = async () => {
    const d = await save.run(draft);
    if (!d) return;
    onChanged(d);
    setDraft(draftFromFields(d.fields));
    notifications.show({ message: 'Dossier enregistré.', color: 'teal' });
  };

  return (
    <Stack maw={900}>
      {(detail.kind !== 'listing' || detail.texts.length > 0) && (
        <>
          <VerbatimPanel detail={detail} onChanged={onChanged} />
          <Divider />
        </>
      )}
      <CaseFieldsForm
        draft={draft}
        onChange={setDraft}
        failing={{ field: save.field, message: save.error }}
      />
      {save.error && !isShownField(save.field) && <Alert color="red">{save.error}</Alert>}
      <Group>
        <Button loading={save.pending} disabled={!dirty} onClick={() => void submit()}>
          Enregistrer les modifications
        </Button>
        {dirty && (
          <Button variant="default" onClick={() => setDraft(draftFromFields(detail.fields))}>
            Annuler les modifications
          </Button>
        )}
      </Group>
    </Stack>
  );
}
