import {
  Alert,
  Anchor,
  Button,
  Group,
  Loader,
  Select,
  Stack,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useEffect, useRef, useState } from 'react';

import type { TemplateInput } from '../../../../../shared/api/letters-api';
import {
  LAWFUL_REVIEW_STEPS,
  LISTING_STEPS,
  PALIER_STEPS,
  RECIPIENT_ROLES,
  SENDING_MODES,
  TEMPLATE_CASE_KINDS,
  TEMPLATE_KINDS,
  type Template,
  type TemplateCaseKind,
  type TemplateKind,
  type TemplateStep,
} from '../../../../../shared/templates/schema';
import { api, errorMessage } from '../../../api/client';
import { navigate } from '../../../app/router';
import { useAction } from '../../../hooks/useAction';
import { STEP_LABELS, TEMPLATE_CASE_KIND_LABELS, TEMPLATE_RECIPIENT_LABELS } from '../format';
import { SENDING_MODE_LABELS, TEMPLATE_KIND_LABELS } from '../labels';
import { PlaceholderPalette } from './PlaceholderPalette';

interface Draft {
  kind: TemplateKind;
  title: string;
  nature: string;
  caseKind: TemplateCaseKind;
  step: string;
  sendingMode: string;
  recipientRole: string;
  objet: string;
  references: string;
  body: string;
  closing: string;
  reminders: string;
  legalBasis: string;
  attribution: string;
}

const EMPTY: Draft = {
  kind: 'letter',
  title: '',
  nature: '',
  caseKind: 'any',
  step: '',
  sendingMode: 'lrar',
  recipientRole: 'autre',
  objet: '',
  references: '',
  body: '',
  closing: 'Je vous prie d’agréer, Madame, Monsieur, l’expression de mes salutations distinguées.',
  reminders: '',
  legalBasis: '',
  attribution: '',
};

function draftOf(t: Template): Draft {
  return {
    kind: t.kind,
    title: t.title,
    nature: t.nature ?? '',
    caseKind: t.path?.caseKind ?? 'any',
    step: t.path?.step ?? '',
    sendingMode: t.sendingMode ?? '',
    recipientRole: t.recipientRole ?? '',
    objet: t.objet ?? '',
    references: t.references ?? '',
    body: t.body,
    closing: t.closing ?? '',
    reminders: (t.reminders ?? []).join('\n'),
    legalBasis: (t.legalBasis ?? []).join('\n'),
    attribution: t.attribution ?? '',
  };
}

function stepsFor(caseKind: TemplateCaseKind): readonly string[] {
  if (caseKind === 'listing') return LISTING_STEPS;
  if (caseKind === 'any') return [...PALIER_STEPS, ...LAWFUL_REVIEW_STEPS, ...LISTING_STEPS];
  return [...PALIER_STEPS, ...LAWFUL_REVIEW_STEPS];
}

const lines = (s: string) =>
  s
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');

function inputOf(d: Draft): TemplateInput {
  const letter = d.kind === 'letter';
  return {
    kind: d.kind,
    title: d.title,
    ...(d.kind === 'reply' ? { nature: d.nature } : {}),
    path: { caseKind: d.caseKind, ...(d.step ? { step: d.step as TemplateStep } : {}) },
    ...(d.sendingMode ? { sendingMode: d.sendingMode as TemplateInput['sendingMode'] } : {}),
    ...(d.recipientRole
      ? { recipientRole: d.recipientRole as TemplateInput['recipientRole'] }
      : {}),
    ...(letter ? { objet: d.objet, references: d.references, closing: d.closing } : {}),
    body: d.body,
    reminders: lines(d.reminders),
    legalBasis: lines(d.legalBasis),
    attribution: d.attribution,
  };
}

/** Creates a cabinet template, or saves a new version of one; built-ins never come here. */
export function TemplateEditor({ templateId }: { templateId: string | null }) {
  const [draft, setDraft] = useState<Draft | null>(templateId === null ? EMPTY : null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const body = useRef<HTMLTextAreaElement>(null);
  const save = useAction((d: Draft) =>
    templateId === null
      ? api.templates.create(inputOf(d))
      : api.templates.save({ ...inputOf(d), templateId }),
  );

  useEffect(() => {
    if (templateId === null) return;
    api.templates.get({ templateId }).then(
      (t) =>
        t.summary.builtIn
          ? setLoadError('Les modèles intégrés ne se modifient pas : dupliquez-le d’abord.')
          : setDraft(draftOf(t.template)),
      (e: unknown) => setLoadError(errorMessage(e)),
    );
  }, [templateId]);

  if (loadError) return <Alert color="red">{loadError}</Alert>;
  if (!draft) return <Loader aria-label="Chargement du modèle" />;

  const set = (key: keyof Draft) => (value: string) =>
    setDraft((d) => (d ? { ...d, [key]: value } : d));
  const err = (...fields: string[]) =>
    save.field !== null && fields.includes(save.field) ? save.error : undefined;
  const insert = (key: string) => {
    const el = body.current;
    const token = `{{${key}}}`;
    const start = el?.selectionStart ?? draft.body.length;
    const end = el?.selectionEnd ?? draft.body.length;
    set('body')(draft.body.slice(0, start) + token + draft.body.slice(end));
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + token.length, start + token.length);
    });
  };
  const submit = async () => {
    const saved = await save.run(draft);
    if (saved) navigate('modeles', saved.summary.id);
  };
  const letter = draft.kind === 'letter';

  return (
    <Stack maw={860}>
      <Anchor size="sm" onClick={() => navigate('modeles', ...(templateId ? [templateId] : []))}>
        ← Retour
      </Anchor>
      <Title order={2}>{templateId === null ? 'Nouveau modèle' : 'Modifier le modèle'}</Title>
      <Group grow align="start">
        <Select
          label="Type"
          data={TEMPLATE_KINDS.map((k) => ({ value: k, label: TEMPLATE_KIND_LABELS[k] }))}
          value={draft.kind}
          onChange={(v) => v && set('kind')(v)}
          allowDeselect={false}
          disabled={templateId !== null}
        />
        <TextInput
          label="Titre"
          required
          value={draft.title}
          onChange={(e) => set('title')(e.currentTarget.value)}
          error={err('title')}
        />
      </Group>
      {draft.kind === 'reply' && (
        <TextInput
          label="Nature du commentaire"
          description="Par exemple : temps d’attente, accueil, honoraires."
          value={draft.nature}
          onChange={(e) => set('nature')(e.currentTarget.value)}
          error={err('nature')}
        />
      )}
      <Group grow align="start">
        <Select
          label="Dossiers concernés"
          data={TEMPLATE_CASE_KINDS.map((k) => ({ value: k, label: TEMPLATE_CASE_KIND_LABELS[k] }))}
          value={draft.caseKind}
          onChange={(v) => v && setDraft({ ...draft, caseKind: v as TemplateCaseKind, step: '' })}
          allowDeselect={false}
        />
        <Select
          label="Étape du parcours"
          placeholder="Aucune étape précise"
          clearable
          data={stepsFor(draft.caseKind).map((s) => ({ value: s, label: STEP_LABELS[s] ?? s }))}
          value={draft.step || null}
          onChange={(v) => set('step')(v ?? '')}
          error={err('path.step', 'step')}
        />
      </Group>
      {letter && (
        <Group grow align="start">
          <Select
            label="Mode d’envoi"
            data={SENDING_MODES.map((m) => ({ value: m, label: SENDING_MODE_LABELS[m] }))}
            value={draft.sendingMode || null}
            onChange={(v) => set('sendingMode')(v ?? '')}
            error={err('sendingMode')}
          />
          <Select
            label="Destinataire"
            data={RECIPIENT_ROLES.map((r) => ({ value: r, label: TEMPLATE_RECIPIENT_LABELS[r] }))}
            value={draft.recipientRole || null}
            onChange={(v) => set('recipientRole')(v ?? '')}
            error={err('recipientRole')}
          />
        </Group>
      )}
      {letter && (
        <TextInput
          label="Objet"
          required
          value={draft.objet}
          onChange={(e) => set('objet')(e.currentTarget.value)}
          error={err('objet')}
        />
      )}
      {letter && (
        <TextInput
          label="Références"
          value={draft.references}
          onChange={(e) => set('references')(e.currentTarget.value)}
          error={err('references')}
        />
      )}
      <Textarea
        ref={body}
        label="Texte"
        description="Paragraphes séparés par une ligne vide. Les champs entre {{ }} sont remplis avec les données du cabinet et du dossier."
        required
        autosize
        minRows={10}
        value={draft.body}
        onChange={(e) => set('body')(e.currentTarget.value)}
        error={err('body')}
      />
      <PlaceholderPalette onInsert={insert} />
      {letter && (
        <TextInput
          label="Formule de politesse"
          value={draft.closing}
          onChange={(e) => set('closing')(e.currentTarget.value)}
          error={err('closing')}
        />
      )}
      <Textarea
        label="Rappels avant l’envoi"
        description="Un rappel par ligne."
        autosize
        minRows={2}
        value={draft.reminders}
        onChange={(e) => set('reminders')(e.currentTarget.value)}
      />
      <Textarea
        label="Bases légales"
        description="Une référence par ligne."
        autosize
        minRows={2}
        value={draft.legalBasis}
        onChange={(e) => set('legalBasis')(e.currentTarget.value)}
      />
      {save.error && <Alert color="red">{save.error}</Alert>}
      <Group>
        <Button loading={save.pending} onClick={() => void submit()}>
          {templateId === null ? 'Créer le modèle' : 'Enregistrer une nouvelle version'}
        </Button>
      </Group>
    </Stack>
  );
}
