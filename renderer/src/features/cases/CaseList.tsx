import { Alert, Badge, Button, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useMemo, useState } from 'react';

import type { CaseSummary } from '../../../../shared/api/cases-api';
import { CASE_KIND_LABELS, CASE_STATUS_LABELS } from '../../../../shared/domain/cases';
import { api, errorMessage } from '../../api/client';
import { navigate } from '../../app/router';
import { CaseFilters, EMPTY_FILTERS, type CaseFilterValues } from './CaseFilters';
import { frenchDay, PATH_LABELS, STATUS_COLORS } from './format';

function useCases(filters: CaseFilterValues) {
  const [cases, setCases] = useState<CaseSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    const query = filters.query.trim();
    api.cases
      .list({
        sort: filters.sort,
        ...(filters.kind ? { kind: filters.kind } : {}),
        ...(filters.status ? { status: filters.status } : {}),
        ...(filters.category ? { category: filters.category } : {}),
        ...(filters.step ? { step: filters.step } : {}),
        ...(query ? { query } : {}),
      })
      .then(
        (list) => {
          if (!live) return;
          setCases(list);
          setError(null);
        },
        (e: unknown) => live && setError(errorMessage(e)),
      );
    return () => {
      live = false;
    };
  }, [filters]);

  return { cases, error };
}

/** The cabinet's case files, filtered by the core (the search box is full-text, accent-blind). */
export function CaseList() {
  const [filters, setFilters] = useState<CaseFilterValues>(EMPTY_FILTERS);
  // Typing fires one search when the person pauses, not one per key; menus apply at once.
  const [query] = useDebouncedValue(filters.query, 250);
  const { kind, status, category, step, sort } = filters;
  const debounced = useMemo(
    () => ({ kind, status, category, step, sort, query }),
    [kind, status, category, step, sort, query],
  );
  const { cases, error } = useCases(debounced);
  const filtered = JSON.stringify(debounced) !== JSON.stringify(EMPTY_FILTERS);

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Dossiers</Title>
        <Button onClick={() => navigate('dossiers', 'nouveau')}>Nouveau dossier</Button>
      </Group>
      <CaseFilters value={filters} onChange={setFilters} />
      {error && <Alert color="red">{error}</Alert>}
      {!cases && !error && <Loader aria-label="Chargement des dossiers" />}
      {cases && cases.length === 0 && (
        <Text c="dimmed" data-testid="cases-empty">
          {filtered
            ? 'Aucun dossier ne correspond à ces critères.'
            : 'Aucun dossier pour l’instant. Créez le premier avec « Nouveau dossier ».'}
        </Text>
      )}
      {cases && cases.length > 0 && (
        <Table striped highlightOnHover data-testid="cases-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Titre</Table.Th>
              <Table.Th>Type</Table.Th>
              <Table.Th>Plateforme</Table.Th>
              <Table.Th>Statut</Table.Th>
              <Table.Th>Parcours et prochaine étape</Table.Th>
              <Table.Th>Première publication</Table.Th>
              <Table.Th>Pièces</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {cases.map((c) => (
              <Table.Tr
                key={c.id}
                style={{ cursor: 'pointer' }}
                onClick={() => navigate('dossiers', c.id)}
              >
                <Table.Td>
                  <a href={`#/dossiers/${encodeURIComponent(c.id)}`}>{c.title}</a>
                </Table.Td>
                <Table.Td>{CASE_KIND_LABELS[c.kind]}</Table.Td>
                <Table.Td>{c.platform || '—'}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Badge
                    color={STATUS_COLORS[c.status]}
                    variant="light"
                    styles={{ root: { overflow: 'visible' }, label: { overflow: 'visible' } }}
                  >
                    {CASE_STATUS_LABELS[c.status]}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{PATH_LABELS[c.path]}</Text>
                  {c.nextStep && (
                    <Text size="xs" c="dimmed">
                      {c.nextStep.label}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{frenchDay(c.firstPosted)}</Table.Td>
                <Table.Td>{c.pieceCount}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
