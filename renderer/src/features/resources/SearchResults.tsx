import { Alert, Badge, Loader, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';

import type { DirectoryEntryWithNote } from '../../../../shared/api/resources-api';
import type { ResourceEntryKind } from '../../../../shared/resources/schema';
import { api, errorMessage } from '../../api/client';
import { EntryCard, type NoteProps } from './EntryCard';
import { hostLabel } from './links';

export const CATEGORY_LABELS: Record<ResourceEntryKind, string> = {
  sites: 'Annuaire',
  firms: 'Société spécialisée',
  insurers: 'Assurance',
  institutions: 'Institution',
  bibliography: 'Bibliographie',
};

const DEBOUNCE_MS = 200;

/** Results across every category; accents and capitals do not matter (the core compares). */
export function SearchResults({ query, ...notes }: { query: string } & NoteProps) {
  const [results, setResults] = useState<DirectoryEntryWithNote[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    const timer = window.setTimeout(() => {
      api.resources.search({ query }).then(
        (found) => {
          if (!live) return;
          setResults(found);
          setError(null);
        },
        (e: unknown) => live && setError(errorMessage(e)),
      );
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [query]);

  if (error) return <Alert color="red">{error}</Alert>;
  if (results === null) return <Loader size="sm" aria-label="Recherche en cours" />;

  return (
    <Stack data-testid="search-results">
      <Text size="sm" c="dimmed" role="status">
        {results.length === 0
          ? 'Aucun résultat. Essayez un autre mot, ou parcourez les rubriques.'
          : `${results.length} résultat${results.length > 1 ? 's' : ''}`}
      </Text>
      {results.map((entry) => (
        <EntryCard
          key={entry.id}
          entryId={entry.id}
          title={entry.name}
          description={entry.description}
          links={entry.urls.map((url) => ({ label: hostLabel(url), url }))}
          badges={<Badge variant="light">{CATEGORY_LABELS[entry.category]}</Badge>}
          {...notes}
        />
      ))}
    </Stack>
  );
}
