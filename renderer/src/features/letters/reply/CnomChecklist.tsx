import { Checkbox, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { CNOM_REPLY_STEPS, type CnomStepId } from '../labels';

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/** Steps the text itself shows; the others depend on meaning and are ticked by the user. */
export function detectedSteps(text: string, offersContact: boolean): Set<CnomStepId> {
  const t = fold(text);
  const found = new Set<CnomStepId>();
  if (/\b(merci|remerci)/.test(t)) found.add('remercier');
  if (/secret (medical|professionnel)/.test(t)) found.add('secret');
  if (offersContact) found.add('contact');
  return found;
}

/**
 * The CNOM's advice for a reply, as a checklist beside the editor. Limitation: the ticks are not
 * saved with the draft; they are a reading aid.
 */
export function CnomChecklist({ detected }: { detected: Set<CnomStepId> }) {
  const [ticked, setTicked] = useState<Set<CnomStepId>>(new Set());
  const toggle = (id: CnomStepId) =>
    setTicked((t) => {
      const next = new Set(t);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <Paper withBorder p="md" data-testid="cnom-checklist">
      <Stack gap="xs">
        <Title order={5}>Les étapes d’une bonne réponse</Title>
        <Text size="xs" c="dimmed">
          D’après le guide « Préserver sa réputation numérique » du Conseil national de l’Ordre des
          médecins (2018).
        </Text>
        {CNOM_REPLY_STEPS.map((s) => {
          const auto = detected.has(s.id);
          return (
            <Checkbox
              key={s.id}
              checked={auto || ticked.has(s.id)}
              onChange={() => !auto && toggle(s.id)}
              label={s.label}
              description={auto ? 'Repéré dans le texte' : undefined}
              size="sm"
            />
          );
        })}
      </Stack>
    </Paper>
  );
}
