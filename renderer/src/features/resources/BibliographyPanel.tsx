import { Stack, Text, Title } from '@mantine/core';

import type { BibliographyFile, InsurersFile } from '../../../../shared/resources/schema';
import { EntryCard, type NoteProps } from './EntryCard';
import { formatPartialDate } from './links';

interface Props extends NoteProps {
  bibliography: BibliographyFile;
  insurers: InsurersFile;
}

/** The guide's references, then the insurers' own articles on e-reputation. */
export function BibliographyPanel({ bibliography, insurers, ...notes }: Props) {
  const insurerNames = new Map(insurers.insurers.map((i) => [i.id, i.name]));
  return (
    <Stack>
      <Title order={3}>Publications</Title>
      {bibliography.references.map((r) => (
        <EntryCard
          key={r.id}
          entryId={`bib:${r.id}`}
          title={r.title}
          description={r.summary}
          links={[{ label: 'Lire', url: r.url }, ...r.links]}
          source={r.source}
          {...notes}
        >
          <Text size="sm" c="dimmed">
            {r.author}, {r.publisher}, {formatPartialDate(r.date)}
          </Text>
        </EntryCard>
      ))}
      <Title order={3}>Articles des assureurs</Title>
      {bibliography.insurerArticles.map((a) => (
        <EntryCard
          key={a.id}
          entryId={`bib:${a.id}`}
          title={a.label}
          description={`Article publié par ${insurerNames.get(a.insurer) ?? a.insurer}.`}
          links={[{ label: 'Lire l’article', url: a.url }]}
          source={a.source}
          {...notes}
        />
      ))}
    </Stack>
  );
}
