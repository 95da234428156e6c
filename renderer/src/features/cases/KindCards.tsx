import { SimpleGrid, Text, UnstyledButton, Paper } from '@mantine/core';

import { CASE_KINDS, type CaseKind } from '../../../../shared/domain/cases';

const KIND_CARDS: Record<CaseKind, { title: string; text: string }> = {
  review: {
    title: 'Avis ou commentaire',
    text: 'Un avis de patient, un commentaire sur un forum ou un réseau social.',
  },
  listing: {
    title: 'Fiche nominative',
    text: 'Une page d’annuaire qui présente le médecin sans son accord.',
  },
  google: {
    title: 'Page Google',
    text: 'La fiche Google Business Profile du cabinet et ce qui y est publié.',
  },
  other: {
    title: 'Autre',
    text: 'Un article, une vidéo ou tout autre contenu en ligne.',
  },
};

interface Props {
  value: CaseKind | null;
  onChange: (kind: CaseKind) => void;
}

/** Four large choices: the kind decides the fields shown and the path the case will follow. */
export function KindCards({ value, onChange }: Props) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} role="radiogroup" aria-label="Type de dossier">
      {CASE_KINDS.map((k) => (
        <UnstyledButton key={k} role="radio" aria-checked={value === k} onClick={() => onChange(k)}>
          <Paper
            withBorder
            p="md"
            h="100%"
            style={{
              borderColor: value === k ? 'var(--mantine-primary-color-filled)' : undefined,
              borderWidth: value === k ? 2 : 1,
            }}
          >
            <Text fw={600}>{KIND_CARDS[k].title}</Text>
            <Text size="sm" c="dimmed">
              {KIND_CARDS[k].text}
            </Text>
          </Paper>
        </UnstyledButton>
      ))}
    </SimpleGrid>
  );
}
