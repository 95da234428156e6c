import { Checkbox, Group, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';

import type { Piece } from '../../../../../shared/api/cases-api';
import { SENDING_MODES, type SendingMode } from '../../../../../shared/templates/schema';
import { RecipientPicker } from '../RecipientPicker';
import type { LetterForm } from './live';
import { SENDING_MODE_LABELS } from '../labels';

interface Props {
  form: LetterForm;
  kind: 'letter' | 'sheet' | 'form-text' | 'reply';
  pieces: Piece[];
  onChange: (form: LetterForm) => void;
  error: (field: string) => string | undefined;
}

/** What the user edits in a letter: header, texts (with their {{ }} fields) and enclosures. */
export function LetterFields({ form, kind, pieces, onChange, error }: Props) {
  const set = <K extends keyof LetterForm>(key: K, value: LetterForm[K]) =>
    onChange({ ...form, [key]: value });
  const letter = kind === 'letter';
  const shown = pieces.filter((p) => !p.withdrawn || form.enclosures.includes(p.id));

  return (
    <Stack>
      {letter && (
        <>
          <RecipientPicker
            label="Destinataire"
            value={form.recipient}
            onChange={(v) => set('recipient', v)}
            error={error('recipient')}
          />
          <Group grow align="start">
            <Select
              label="Mode d’envoi"
              data={SENDING_MODES.map((m) => ({ value: m, label: SENDING_MODE_LABELS[m] }))}
              value={form.sendingMode}
              onChange={(v) => set('sendingMode', (v as SendingMode | null) ?? 'aucun')}
              allowDeselect={false}
            />
            <TextInput
              label="Lieu"
              value={form.place}
              onChange={(e) => set('place', e.currentTarget.value)}
              error={error('place')}
            />
            <TextInput
              type="date"
              label="Date du courrier"
              value={form.letterDate}
              onChange={(e) => set('letterDate', e.currentTarget.value)}
              error={error('letterDate')}
            />
          </Group>
          <TextInput
            label="Objet"
            value={form.objet}
            onChange={(e) => set('objet', e.currentTarget.value)}
            error={error('objet')}
          />
          <TextInput
            label="Références"
            value={form.references}
            onChange={(e) => set('references', e.currentTarget.value)}
            error={error('references')}
          />
        </>
      )}
      <Textarea
        label="Texte"
        description="Les champs entre {{ }} sont remplis avec les données du cabinet, du dossier et du destinataire ; l’aperçu montre le résultat."
        autosize
        minRows={8}
        maxRows={24}
        value={form.body}
        onChange={(e) => set('body', e.currentTarget.value)}
        error={error('body')}
      />
      {letter && (
        <TextInput
          label="Formule de politesse"
          value={form.closing}
          onChange={(e) => set('closing', e.currentTarget.value)}
          error={error('closing')}
        />
      )}
      {letter && (
        <Checkbox.Group
          label="Pièces jointes"
          description="Listées sous la signature, par numéro."
          value={form.enclosures}
          onChange={(v) => set('enclosures', v)}
          error={error('enclosures')}
        >
          <Stack gap={4} mt={4}>
            {shown.length === 0 && (
              <Text size="sm" c="dimmed">
                Le dossier n’a pas encore de pièce.
              </Text>
            )}
            {shown.map((p) => (
              <Checkbox key={p.id} value={p.id} label={`Pièce n° ${p.number} — ${p.title}`} />
            ))}
          </Stack>
        </Checkbox.Group>
      )}
    </Stack>
  );
}
