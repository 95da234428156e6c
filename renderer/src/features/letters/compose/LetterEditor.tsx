import { Alert, Badge, Button, Grid, Group, List, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';

import type { CaseDetail } from '../../../../../shared/api/cases-api';
import { LETTER_STATUS_LABELS, type LetterDetail } from '../../../../../shared/api/letters-api';
import type { Role } from '../../../../../shared/domain/accounts';
import { api } from '../../../api/client';
import { useAction } from '../../../hooks/useAction';
import { frenchDate, frenchDay } from '../../cases/format';
import { CopyText } from '../CopyText';
import { DOCX_MIME, downloadBase64 } from '../download';
import { STEP_LABELS } from '../format';
import { LetterFields } from './LetterFields';
import { LetterPreview } from './LetterPreview';
import { formOf, insertValue, livePreview, type LetterForm } from './live';
import { MarkSentModal } from './MarkSentModal';
import { MissingValues } from './MissingValues';

interface Props {
  letter: LetterDetail;
  detail: CaseDetail;
  role: Role | null;
  onChanged: (letter: LetterDetail) => void;
  onRemoved: () => void;
  /** Sending may mark a path step done: the case file reloads. */
  onCaseChanged: () => void;
}

/** Errors about these fields show under the field; others at the bottom. */
const FIELDS = ['recipient', 'place', 'letterDate', 'objet', 'references', 'body', 'closing'];

const STATUS_COLORS = { brouillon: 'gray', validee: 'teal', envoyee: 'blue', publiee: 'blue' };

/** One letter: fields, live preview with what is missing, then validate, export, send. */
export function LetterEditor({ letter, detail, role, onChanged, onRemoved, onCaseChanged }: Props) {
  const [form, setForm] = useState<LetterForm>(() => formOf(letter));
  const [sending, setSending] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const readOnly = letter.status === 'envoyee' || letter.status === 'publiee';
  const preview = useMemo(() => livePreview(form, letter, detail.pieces), [form, letter, detail]);
  const dirty = JSON.stringify(form) !== JSON.stringify(formOf(letter));

  const persist = async (): Promise<LetterDetail> => {
    if (!dirty) return letter;
    const saved = await api.letters.update({
      letterId: letter.id,
      title: form.title,
      recipient: form.recipient,
      ...(form.sendingMode ? { sendingMode: form.sendingMode } : {}),
      place: form.place,
      letterDate: form.letterDate || null,
      objet: form.objet,
      references: form.references,
      body: form.body,
      closing: form.closing,
      enclosures: form.enclosures,
    });
    onChanged(saved);
    setForm(formOf(saved));
    return saved;
  };
  const save = useAction(persist);
  const validate = useAction(async () => {
    await persist();
    const done = await api.letters.validate({ letterId: letter.id });
    onChanged(done);
    setForm(formOf(done));
  });
  const download = useAction(async () => {
    await persist();
    const docx = await api.letters.docx({ letterId: letter.id });
    downloadBase64(docx.base64, docx.fileName, DOCX_MIME);
    setNotice(
      docx.missing.length > 0
        ? `Document téléchargé avec ${docx.missing.length} valeur(s) à compléter, marquées « [à compléter : …] ».`
        : `Document téléchargé : ${docx.fileName}`,
    );
  });
  const remove = useAction(async () => {
    await api.letters.remove({ letterId: letter.id });
    onRemoved();
  });

  const error = [save, validate, download, remove].find((a) => a.error);
  const fieldError = (f: string) =>
    error?.field && error.field.startsWith(f) ? (error.error ?? undefined) : undefined;

  return (
    <Stack>
      <Group justify="space-between" align="start">
        <Stack gap={4}>
          <Title order={4}>{letter.title}</Title>
          <Group gap="xs">
            <Badge color={STATUS_COLORS[letter.status]} data-testid="letter-status">
              {LETTER_STATUS_LABELS[letter.status]}
            </Badge>
            {letter.stepId && (
              <Badge variant="outline">{STEP_LABELS[letter.stepId] ?? letter.stepId}</Badge>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            Modèle « {letter.template.id} », version {letter.template.version} (
            {letter.template.builtIn ? 'intégré' : 'du cabinet'}) · préparé par {letter.createdBy}{' '}
            le {frenchDate(letter.createdAt)}
            {letter.validatedAt &&
              ` · validé par ${letter.validatedBy ?? '—'} le ${frenchDate(letter.validatedAt)}`}
            {letter.sentAt && ` · envoyé le ${frenchDay(letter.sentAt)}`}
            {letter.lrarNumber && ` (n° ${letter.lrarNumber})`}
          </Text>
        </Stack>
      </Group>

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 6 }}>
          {readOnly ? (
            <Alert color="blue">
              Ce courrier est envoyé : il n’est plus modifiable. Il reste téléchargeable tel qu’il a
              été validé.
            </Alert>
          ) : (
            <LetterFields
              form={form}
              kind={letter.kind}
              pieces={detail.pieces}
              onChange={setForm}
              error={fieldError}
            />
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Stack>
            <MissingValues
              missing={preview.missing}
              unknown={preview.unknown}
              readOnly={readOnly}
              onInsert={(key, value) => setForm((f) => insertValue(f, key, value))}
            />
            <LetterPreview form={form} preview={preview} kind={letter.kind} />
          </Stack>
        </Grid.Col>
      </Grid>

      {letter.reminders.length > 0 && (
        <Alert color="yellow" title="Avant d’envoyer">
          <List size="sm">
            {letter.reminders.map((r) => (
              <List.Item key={r}>{r}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {error?.error && !(error.field && FIELDS.some((f) => error.field?.startsWith(f))) && (
        <Alert color="red">{error.error}</Alert>
      )}
      {notice && (
        <Alert color="teal" withCloseButton onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      )}
      <Group>
        {!readOnly && (
          <Button
            variant="default"
            disabled={!dirty}
            loading={save.pending}
            onClick={() => void save.run()}
          >
            Enregistrer le brouillon
          </Button>
        )}
        {!readOnly && letter.status === 'brouillon' && role === 'medecin' && (
          <Button color="teal" loading={validate.pending} onClick={() => void validate.run()}>
            Valider
          </Button>
        )}
        {!readOnly && letter.status === 'brouillon' && role !== 'medecin' && (
          <Text size="sm" c="dimmed">
            À faire valider par le médecin depuis son compte.
          </Text>
        )}
        <Button variant="light" loading={download.pending} onClick={() => void download.run()}>
          Télécharger le DOCX
        </Button>
        {letter.status === 'validee' && !dirty && (
          <Button onClick={() => setSending(true)}>Marquer comme envoyé</Button>
        )}
        {!readOnly && (
          <Button
            color="red"
            variant="subtle"
            loading={remove.pending}
            onClick={() => window.confirm('Supprimer ce courrier ?') && void remove.run()}
          >
            Supprimer
          </Button>
        )}
      </Group>
      {letter.kind === 'form-text' && <CopyText text={preview.body} label="Copier le texte" />}
      {sending && (
        <MarkSentModal
          letter={letter}
          onClose={() => setSending(false)}
          onSent={(sent) => {
            setSending(false);
            onChanged(sent);
            setForm(formOf(sent));
            onCaseChanged();
          }}
        />
      )}
    </Stack>
  );
}
