import {
  Alert,
  Button,
  Checkbox,
  Group,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';

import type { CaptureRecord, Piece } from '../../../../../shared/api/cases-api';
import { api } from '../../../api/client';
import { useAction } from '../../../hooks/useAction';
import { isField } from '../caseDraft';
import { fromLocalInput, toLocalInput } from '../format';

const SHOWN = [
  'title',
  'capture.sourceUrl',
  'capture.capturedAt',
  'capture.os',
  'capture.browser',
  'capture.description',
];

interface Props {
  piece: Piece;
  onSaved: () => void;
  onCancel: () => void;
}

/** The capture record that NF Z67-147 asks for, so a screenshot can be trusted as evidence. */
export function CaptureForm({ piece, onSaved, onCancel }: Props) {
  const [title, setTitle] = useState(piece.title);
  const [c, setC] = useState<CaptureRecord>(piece.capture);
  const [when, setWhen] = useState(toLocalInput(piece.capture.capturedAt));
  const save = useAction(() =>
    api.pieces.updateCapture({
      pieceId: piece.id,
      title,
      capture: {
        sourceUrl: c.sourceUrl.trim(),
        capturedAt: fromLocalInput(when),
        os: c.os,
        browser: c.browser,
        cacheEmptied: c.cacheEmptied,
        clockChecked: c.clockChecked,
        reachedByLinks: c.reachedByLinks,
        description: c.description,
        pageTitle: c.pageTitle,
        appVersion: c.appVersion,
      },
    }),
  );
  const err = (name: string) => (isField(save.field, name) ? save.error : undefined);
  const set = <K extends keyof CaptureRecord>(key: K, value: CaptureRecord[K]) =>
    setC({ ...c, [key]: value });

  return (
    <Stack gap="xs" data-testid="capture-form">
      <Title order={6}>Fiche de capture</Title>
      <TextInput
        label="Titre de la pièce"
        required
        value={title}
        error={err('title')}
        onChange={(e) => setTitle(e.currentTarget.value)}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label="Adresse (URL) capturée"
          value={c.sourceUrl}
          error={err('capture.sourceUrl')}
          onChange={(e) => set('sourceUrl', e.currentTarget.value)}
        />
        <TextInput
          type="datetime-local"
          label="Date et heure de la capture"
          value={when}
          error={err('capture.capturedAt')}
          onChange={(e) => setWhen(e.currentTarget.value)}
        />
        <TextInput
          label="Système d’exploitation"
          value={c.os}
          error={err('capture.os')}
          onChange={(e) => set('os', e.currentTarget.value)}
        />
        <TextInput
          label="Navigateur"
          value={c.browser}
          error={err('capture.browser')}
          onChange={(e) => set('browser', e.currentTarget.value)}
        />
      </SimpleGrid>
      <Checkbox
        label="Cache et historique vidés avant la capture"
        checked={c.cacheEmptied}
        onChange={(e) => set('cacheEmptied', e.currentTarget.checked)}
      />
      <Checkbox
        label="Horloge vérifiée"
        checked={c.clockChecked}
        onChange={(e) => set('clockChecked', e.currentTarget.checked)}
      />
      <Checkbox
        label="Page atteinte en suivant des liens (depuis un moteur de recherche)"
        checked={c.reachedByLinks}
        onChange={(e) => set('reachedByLinks', e.currentTarget.checked)}
      />
      <Textarea
        label="Description"
        autosize
        minRows={2}
        value={c.description}
        error={err('capture.description')}
        onChange={(e) => set('description', e.currentTarget.value)}
      />
      {save.error && !SHOWN.some((f) => isField(save.field, f)) && (
        <Alert color="red">{save.error}</Alert>
      )}
      <Group>
        <Button
          size="xs"
          loading={save.pending}
          onClick={() => void save.run().then((p) => p && onSaved())}
        >
          Enregistrer la fiche de capture
        </Button>
        <Button size="xs" variant="default" onClick={onCancel}>
          Annuler
        </Button>
      </Group>
    </Stack>
  );
}
