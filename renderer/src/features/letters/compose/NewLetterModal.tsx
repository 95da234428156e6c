import { Alert, Button, Group, Loader, Modal, Select, Stack, Text } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';

import type { CaseDetail } from '../../../../../shared/api/cases-api';
import type {
  Counterpart,
  LetterDetail,
  TemplateSummary,
} from '../../../../../shared/api/letters-api';
import { api, errorMessage } from '../../../api/client';
import { useAction } from '../../../hooks/useAction';
import { RECIPIENT_MATCH, STEP_LABELS, TEMPLATE_RECIPIENT_LABELS } from '../format';
import { loadRecipients, RecipientPicker } from '../RecipientPicker';

const EMPTY: Counterpart = { name: '', address: '', email: '', recipientId: null };

/** Templates that serve one of the case's steps, or any step of a case of this kind. */
export function suitedTemplates(templates: TemplateSummary[], detail: CaseDetail) {
  const steps = detail.steps.map((s) => s.id);
  const suits = (t: TemplateSummary) =>
    t.path?.step
      ? steps.includes(t.path.step)
      : t.path === null || t.path.caseKind === 'any' || t.path.caseKind === detail.kind;
  const letters = templates.filter((t) => t.kind !== 'reply');
  const next = detail.nextStep?.id;
  const suited = letters
    .filter(suits)
    .sort((a, b) => Number(b.path?.step === next) - Number(a.path?.step === next));
  return { suited, others: letters.filter((t) => !suits(t)) };
}

interface Props {
  detail: CaseDetail;
  onClose: () => void;
  onCreated: (letter: LetterDetail) => void;
}

/** « Nouveau courrier »: a template suited to where the case stands, and its recipient. */
export function NewLetterModal({ detail, onClose, onCreated }: Props) {
  const [templates, setTemplates] = useState<TemplateSummary[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [recipient, setRecipient] = useState<Counterpart>(EMPTY);
  const create = useAction(() =>
    api.letters.create({
      caseId: detail.id,
      templateId: templateId ?? '',
      ...(template?.kind === 'letter' ? { recipient } : {}),
    }),
  );

  useEffect(() => {
    api.templates.list({}).then(
      (list) => {
        setTemplates(list);
        setTemplateId((id) => id ?? suitedTemplates(list, detail).suited[0]?.id ?? null);
      },
      (e: unknown) => setLoadError(errorMessage(e)),
    );
  }, [detail]);

  const groups = useMemo(() => suitedTemplates(templates ?? [], detail), [templates, detail]);
  const template = templates?.find((t) => t.id === templateId) ?? null;
  const role = template?.recipientRole ?? null;

  // Propose the author when identified, or the site's editor from the directory.
  useEffect(() => {
    if (!role) return;
    let live = true;
    if (role === 'auteur') {
      setRecipient({ ...EMPTY, name: detail.fields.authorIdentity });
      return;
    }
    const entryId = detail.fields.platformEntryId;
    void loadRecipients().then((list) => {
      if (!live) return;
      const site = RECIPIENT_MATCH[role]?.includes('editeur')
        ? list.find((r) => r.id === entryId)
        : undefined;
      setRecipient(site ? { ...EMPTY, name: site.name, recipientId: site.id } : EMPTY);
    });
    return () => {
      live = false;
    };
  }, [role, detail]);

  const option = (t: TemplateSummary) => ({
    value: t.id,
    label: `${t.title}${t.path?.step ? ` — ${STEP_LABELS[t.path.step]}` : ''}${t.builtIn ? '' : ' (modèle du cabinet)'}`,
  });
  const submit = async () => {
    const letter = await create.run();
    if (letter) onCreated(letter);
  };

  return (
    <Modal opened onClose={onClose} size="lg" title="Nouveau courrier">
      {!templates && !loadError && <Loader aria-label="Chargement des modèles" />}
      {loadError && <Alert color="red">{loadError}</Alert>}
      {templates && (
        <Stack>
          <Select
            label="Modèle"
            searchable
            data={[
              { group: 'Adaptés à ce dossier', items: groups.suited.map(option) },
              { group: 'Autres modèles', items: groups.others.map(option) },
            ]}
            value={templateId}
            onChange={setTemplateId}
            allowDeselect={false}
            maxDropdownHeight={360}
          />
          {template?.kind === 'letter' && (
            <>
              <Text size="sm" c="dimmed">
                Destinataire prévu par le modèle :{' '}
                {role ? TEMPLATE_RECIPIENT_LABELS[role] : 'non précisé'}. Vous pourrez le modifier
                ensuite.
              </Text>
              <RecipientPicker
                label="Destinataire"
                value={recipient}
                onChange={setRecipient}
                preferred={role ? (RECIPIENT_MATCH[role] ?? []) : []}
              />
            </>
          )}
          {create.error && <Alert color="red">{create.error}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Annuler
            </Button>
            <Button disabled={!templateId} loading={create.pending} onClick={() => void submit()}>
              Préparer le courrier
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
