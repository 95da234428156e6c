import {
  Alert,
  Badge,
  Button,
  Grid,
  Group,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useDeferredValue, useMemo, useRef, useState } from 'react';

import type { CaseDetail } from '../../../../../shared/api/cases-api';
import type { LetterDetail, TemplateSummary } from '../../../../../shared/api/letters-api';
import type { Practice } from '../../../../../shared/domain/accounts';
import {
  checkSecrecy,
  offersPrivateChannel,
  type SecrecyContext,
  type SecrecyFlag,
} from '../../../../../shared/secrecy/check';
import { buildPlaceholderValues, fillTemplate } from '../../../../../shared/templates/fill';
import { api } from '../../../api/client';
import { useAction } from '../../../hooks/useAction';
import { frenchDay, todayIso } from '../../cases/format';
import { CopyText } from '../CopyText';
import { CnomChecklist, detectedSteps } from './CnomChecklist';
import { SecrecyFlags } from './SecrecyFlags';

export function secrecyContext(practice: Practice, detail: CaseDetail): SecrecyContext {
  const names = [detail.fields.authorPseudonym, detail.fields.authorIdentity].filter(
    (n) => n.trim() !== '',
  );
  return {
    cabinetPhones: [practice.phone],
    cabinetEmails: [practice.email],
    cabinetAddress: practice.address,
    knownNames: names,
    ownNames: [practice.doctorName, practice.name],
  };
}

interface Props {
  detail: CaseDetail;
  practice: Practice;
  templates: TemplateSummary[];
  /** The draft being written, if one was saved. */
  reply: LetterDetail | null;
  onSaved: (reply: LetterDetail) => void;
}

/** The reply editor: template, live secrecy check, CNOM checklist, copy, save, publish. */
export function ReplyComposer({ detail, practice, templates, reply, onSaved }: Props) {
  const [templateId, setTemplateId] = useState<string | null>(reply?.template.id ?? null);
  const [text, setText] = useState(reply?.texts.body ?? '');
  const [publishedOn, setPublishedOn] = useState(todayIso());
  const area = useRef<HTMLTextAreaElement>(null);
  const ctx = useMemo(() => secrecyContext(practice, detail), [practice, detail]);
  // The check is synchronous and linear; deferring keeps typing smooth on long texts.
  const checked = useDeferredValue(text);
  const flags = useMemo(() => checkSecrecy(checked, ctx), [checked, ctx]);
  const detected = useMemo(
    () => detectedSteps(checked, offersPrivateChannel(checked, ctx)),
    [checked, ctx],
  );
  const dirty = text !== (reply?.texts.body ?? '');
  const template = templates.find((t) => t.id === templateId);

  const save = useAction(async () => {
    const saved = await api.letters.saveReply({
      caseId: detail.id,
      templateId: templateId ?? '',
      // A cabinet template keeps the version the draft started from; a built-in has only one.
      ...(reply && reply.template.id === templateId && !reply.template.builtIn
        ? { templateVersion: reply.template.version }
        : {}),
      ...(reply ? { letterId: reply.id } : {}),
      body: text,
    });
    onSaved(saved);
    return saved;
  });
  const publish = useAction(async () => {
    const current = dirty || !reply ? await save.run() : reply;
    if (!current) return;
    onSaved(await api.letters.publish({ letterId: current.id, date: publishedOn }));
  });

  const applyTemplate = async (id: string | null) => {
    if (!id) return;
    if (text.trim() !== '' && !window.confirm('Remplacer le texte actuel par ce modèle ?')) return;
    setTemplateId(id);
    const t = await api.templates.get({ templateId: id });
    const values = buildPlaceholderValues({
      cabinet: {
        name: practice.name,
        address: practice.address,
        phone: practice.phone,
        email: practice.email,
      },
      doctor: { name: practice.doctorName, rpps: practice.rpps },
    });
    setText(fillTemplate(t.template.body, values).text);
  };
  const select = (f: SecrecyFlag) => {
    area.current?.focus();
    area.current?.setSelectionRange(f.start, f.end);
  };
  const markers = /\[à compléter : [^\]]+\]/.test(text);
  const published = reply?.status === 'publiee';

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 8 }}>
        <Stack>
          <Select
            label="Modèle de réponse"
            data={templates.map((t) => ({
              value: t.id,
              label: `${t.nature ?? t.title}${t.builtIn ? '' : ' (modèle du cabinet)'}`,
            }))}
            value={templateId}
            onChange={(v) => void applyTemplate(v)}
            placeholder="Choisissez un modèle"
            allowDeselect={false}
            disabled={published}
            description={template?.title}
          />
          <Textarea
            ref={area}
            label="Texte de la réponse"
            description="Le texte est vérifié au fil de la frappe. Les signalements conseillent : ils n’empêchent rien."
            autosize
            minRows={8}
            value={text}
            readOnly={published}
            onChange={(e) => setText(e.currentTarget.value)}
          />
          {markers && (
            <Alert color="yellow">
              Le texte contient encore des « [à compléter : …] » : remplacez-les avant de publier.
            </Alert>
          )}
          {flags.length > 0 && (
            <Badge color="red" variant="light" data-testid="secrecy-count">
              {flags.length === 1
                ? '1 passage signalé au regard du secret médical'
                : `${flags.length} passages signalés au regard du secret médical`}
            </Badge>
          )}
          <SecrecyFlags text={checked} flags={flags} onSelect={select} />
          <CopyText text={text} label="Copier la réponse" />
          {published ? (
            <Alert color="blue" data-testid="reply-published">
              Réponse publiée le {frenchDay(reply?.sentAt)}.
            </Alert>
          ) : (
            <Group align="end">
              <Button
                variant="default"
                disabled={!dirty || !templateId || text.trim() === ''}
                loading={save.pending}
                onClick={() => void save.run()}
              >
                Enregistrer le brouillon
              </Button>
              <TextInput
                type="date"
                label="Publiée le"
                max={todayIso()}
                value={publishedOn}
                onChange={(e) => setPublishedOn(e.currentTarget.value)}
                w={170}
              />
              <Button
                disabled={!templateId || text.trim() === '' || !publishedOn}
                loading={publish.pending}
                onClick={() => void publish.run()}
              >
                Marquer comme publiée
              </Button>
            </Group>
          )}
          {reply && !dirty && !published && (
            <Text size="xs" c="dimmed">
              Brouillon enregistré par {reply.updatedBy}.
            </Text>
          )}
          {(save.error || publish.error) && (
            <Alert color="red">{save.error ?? publish.error}</Alert>
          )}
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 4 }}>
        <CnomChecklist detected={detected} />
      </Grid.Col>
    </Grid>
  );
}
