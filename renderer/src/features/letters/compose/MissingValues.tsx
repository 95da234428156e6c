import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';

import type { MissingValue } from '../../../../../shared/api/letters-api';

/** Where a value comes from, so the user knows where to complete it instead. */
function hint(key: string): string {
  if (key.startsWith('dossier.')) return 'ou complétez le dossier (onglet « Résumé »)';
  if (key.startsWith('cabinet.') || key.startsWith('medecin.'))
    return 'ou complétez les coordonnées du cabinet (Paramètres)';
  if (key.startsWith('destinataire.')) return 'ou choisissez le destinataire ci-dessus';
  if (key === 'pieces.liste') return 'ou cochez les pièces jointes ci-dessus';
  return '';
}

interface Props {
  missing: MissingValue[];
  unknown: string[];
  onInsert: (key: string, value: string) => void;
  readOnly: boolean;
}

/**
 * The values the letter still lacks, listed before any export: each can be typed here and is
 * then written into the text, in place of its field.
 */
export function MissingValues({ missing, unknown, onInsert, readOnly }: Props) {
  const [typed, setTyped] = useState<Record<string, string>>({});
  if (missing.length === 0 && unknown.length === 0) {
    return (
      <Alert color="teal" data-testid="no-missing-values">
        Toutes les valeurs du courrier sont renseignées.
      </Alert>
    );
  }
  return (
    <Alert color="yellow" title="Valeurs à compléter avant l’envoi" data-testid="missing-values">
      <Stack gap="xs">
        <Text size="sm">
          Elles apparaissent surlignées dans l’aperçu et seraient imprimées sous la forme « [à
          compléter : …] ». Le médecin ne peut pas valider le courrier tant qu’il en reste.
        </Text>
        {missing.map((m) => (
          <Group key={m.key} align="end" gap="xs" data-testid="missing-value">
            <TextInput
              label={m.label}
              description={hint(m.key)}
              value={typed[m.key] ?? ''}
              disabled={readOnly}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setTyped((t) => ({ ...t, [m.key]: value }));
              }}
              w={360}
            />
            <Button
              size="sm"
              variant="light"
              disabled={readOnly || !(typed[m.key] ?? '').trim()}
              onClick={() => onInsert(m.key, (typed[m.key] ?? '').trim())}
            >
              Insérer dans le texte
            </Button>
          </Group>
        ))}
        {unknown.map((k) => (
          <Text key={k} size="sm" c="red">
            Champ inconnu « {k} » : corrigez ou supprimez-le dans le texte.
          </Text>
        ))}
      </Stack>
    </Alert>
  );
}
