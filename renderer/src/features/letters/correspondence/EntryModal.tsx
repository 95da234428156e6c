import {
  Alert,
  Button,
  Checkbox,
  FileButton,
  Group,
  Modal,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';

import type { CaseDetail } from '../../../../../shared/api/cases-api';
import {
  CHANNEL_LABELS,
  CHANNELS,
  type Channel,
  type Counterpart,
  type CorrespondenceEntry,
  type Direction,
} from '../../../../../shared/api/letters-api';
import { api, errorMessage } from '../../../api/client';
import { useAction } from '../../../hooks/useAction';
import { frenchDay, todayIso } from '../../cases/format';
import { fileToBase64 } from '../files';
import { RecipientPicker } from '../RecipientPicker';

interface Draft {
  direction: Direction;
  date: string;
  channel: Channel;
  lrarNumber: string;
  counterpart: Counterpart;
  subject: string;
  summary: string;
  pieceIds: string[];
  arReceived: string;
  answerExpected: string;
  answersId: string;
}

function draftOf(entry: CorrespondenceEntry | null, direction: Direction): Draft {
  return {
    direction: entry?.direction ?? direction,
    date: entry?.date ?? todayIso(),
    channel: entry?.channel ?? (direction === 'recu' ? 'courrier' : 'lrar'),
    lrarNumber: entry?.lrarNumber ?? '',
    counterpart: entry?.counterpart ?? { name: '', address: '', email: '', recipientId: null },
    subject: entry?.subject ?? '',
    summary: entry?.summary ?? '',
    pieceIds: entry?.pieces.map((p) => p.id) ?? [],
    arReceived: entry?.arReceived ?? '',
    answerExpected: entry?.answerExpected ?? '',
    answersId: entry?.answers[0] ?? '',
  };
}

/** Fields whose error shows under the field itself rather than at the bottom. */
const SHOWN_FIELDS = [
  'date',
  'lrarNumber',
  'counterpart',
  'subject',
  'summary',
  'pieceIds',
  'arReceived',
  'answerExpected',
  'answersId',
];

interface Props {
  detail: CaseDetail;
  entries: CorrespondenceEntry[];
  /** An entry to edit, or the direction of a new one. */
  editing: CorrespondenceEntry | Direction;
  onClose: () => void;
  onSaved: () => void;
  /** A scan imported here is a new pièce: the case file reloads. */
  onPieceImported: () => void;
}

/** Logs something sent or received; a scanned letter becomes a numbered pièce first. */
export function EntryModal({ detail, entries, editing, onClose, onSaved, onPieceImported }: Props) {
  const existing = typeof editing === 'string' ? null : editing;
  const [draft, setDraft] = useState<Draft>(() =>
    draftOf(existing, typeof editing === 'string' ? editing : editing.direction),
  );
  const [importError, setImportError] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);
  const [extraPieces, setExtraPieces] = useState<
    Array<{ id: string; number: number; title: string }>
  >([]);
  const save = useAction(async (d: Draft) => {
    const fields = {
      date: d.date,
      channel: d.channel,
      lrarNumber: d.lrarNumber,
      counterpart: d.counterpart,
      subject: d.subject,
      summary: d.summary,
      pieceIds: d.pieceIds,
      arReceived: d.arReceived || null,
      answerExpected: d.direction === 'envoye' ? d.answerExpected || null : null,
      answersId: d.direction === 'recu' ? d.answersId || null : null,
    };
    return existing
      ? api.correspondence.update({ ...fields, entryId: existing.id })
      : api.correspondence.add({ ...fields, caseId: detail.id, direction: d.direction });
  });

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const err = (...fields: string[]) =>
    save.field !== null && fields.some((f) => save.field?.startsWith(f))
      ? (save.error ?? undefined)
      : undefined;
  const sent = draft.direction === 'envoye';
  const registered = draft.channel === 'lrar' || draft.channel === 'lre';

  const pieces = [
    ...detail.pieces.filter((p) => !p.withdrawn || draft.pieceIds.includes(p.id)),
    ...extraPieces.filter((x) => !detail.pieces.some((p) => p.id === x.id)),
  ].sort((a, b) => a.number - b.number);
  const answerable = entries.filter(
    (e) =>
      e.direction === 'envoye' && (!e.answeredBy || (existing && e.answeredBy === existing.id)),
  );

  // The scan becomes a pièce at once: closing the form afterwards keeps it in the case file, as
  // any evidence once imported.
  const importScan = async (file: File | null) => {
    if (!file) return;
    setImporting(true);
    setImportError(null);
    try {
      const piece = await api.pieces.import({
        caseId: detail.id,
        source: { kind: 'bytes', name: file.name, base64: await fileToBase64(file) },
        title:
          `${sent ? 'Courrier envoyé' : 'Courrier reçu'}${draft.subject ? ` — ${draft.subject}` : ''} (${frenchDay(draft.date)})`.slice(
            0,
            200,
          ),
        capture: { capturedAt: new Date().toISOString(), description: 'Document numérisé.' },
      });
      setExtraPieces((x) => [...x, piece]);
      set('pieceIds', [...draft.pieceIds, piece.id]);
      onPieceImported();
    } catch (e) {
      setImportError(errorMessage(e));
    } finally {
      setImporting(false);
    }
  };

  const submit = async () => {
    if (await save.run(draft)) onSaved();
  };

  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={
        existing ? 'Modifier l’entrée' : sent ? 'Enregistrer un envoi' : 'Enregistrer une réception'
      }
    >
      <Stack>
        {!existing && (
          <SegmentedControl
            data={[
              { value: 'envoye', label: 'Envoyé par le cabinet' },
              { value: 'recu', label: 'Reçu par le cabinet' },
            ]}
            value={draft.direction}
            onChange={(v) => set('direction', v as Direction)}
          />
        )}
        <Group grow align="start">
          <TextInput
            type="date"
            label={sent ? 'Date d’envoi' : 'Date de réception'}
            max={todayIso()}
            value={draft.date}
            onChange={(e) => set('date', e.currentTarget.value)}
            error={err('date')}
          />
          <Select
            label="Moyen"
            data={CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] }))}
            value={draft.channel}
            onChange={(v) => v && set('channel', v as Channel)}
            allowDeselect={false}
          />
        </Group>
        {registered && (
          <TextInput
            label="Numéro du recommandé"
            placeholder="1A 234 567 8901 2"
            value={draft.lrarNumber}
            onChange={(e) => set('lrarNumber', e.currentTarget.value)}
            error={err('lrarNumber')}
          />
        )}
        <RecipientPicker
          label={sent ? 'Destinataire' : 'Expéditeur'}
          value={draft.counterpart}
          onChange={(v) => set('counterpart', v)}
          error={err('counterpart')}
          withEmail
        />
        <TextInput
          label="Objet"
          required
          value={draft.subject}
          onChange={(e) => set('subject', e.currentTarget.value)}
          error={err('subject')}
        />
        <Textarea
          label="Résumé"
          autosize
          minRows={2}
          value={draft.summary}
          onChange={(e) => set('summary', e.currentTarget.value)}
          error={err('summary')}
        />
        <Checkbox.Group
          label="Pièces jointes"
          value={draft.pieceIds}
          onChange={(v) => set('pieceIds', v)}
          error={err('pieceIds')}
        >
          <Stack gap={4} mt={4}>
            {pieces.length === 0 && (
              <Text size="sm" c="dimmed">
                Aucune pièce dans le dossier.
              </Text>
            )}
            {pieces.map((p) => (
              <Checkbox key={p.id} value={p.id} label={`Pièce n° ${p.number} — ${p.title}`} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Group>
          <FileButton onChange={(f) => void importScan(f)} accept="application/pdf,image/*">
            {(props) => (
              <Button {...props} variant="default" size="xs" loading={importing}>
                Importer un document numérisé comme nouvelle pièce
              </Button>
            )}
          </FileButton>
        </Group>
        {importError && <Alert color="red">{importError}</Alert>}
        {sent && (
          <Group grow align="start">
            {registered && (
              <TextInput
                type="date"
                label="Accusé de réception signé le"
                value={draft.arReceived}
                onChange={(e) => set('arReceived', e.currentTarget.value)}
                error={err('arReceived')}
              />
            )}
            <TextInput
              type="date"
              label="Réponse attendue le"
              value={draft.answerExpected}
              onChange={(e) => set('answerExpected', e.currentTarget.value)}
              error={err('answerExpected')}
            />
          </Group>
        )}
        {!sent && (
          <Select
            label="En réponse à"
            placeholder="Aucun envoi"
            clearable
            data={answerable.map((e) => ({
              value: e.id,
              label: `${e.subject} — envoyé le ${frenchDay(e.date)} à ${e.counterpart.name}`,
            }))}
            value={draft.answersId || null}
            onChange={(v) => set('answersId', v ?? '')}
            error={err('answersId')}
          />
        )}
        {save.error && !SHOWN_FIELDS.some((f) => save.field?.startsWith(f)) && (
          <Alert color="red">{save.error}</Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Annuler
          </Button>
          <Button loading={save.pending} onClick={() => void submit()}>
            Enregistrer
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
