import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  Select,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';

import type { ListingRow, ListingsView } from '../../../../shared/api/watch-api';
import { LISTING_CHECK_DAYS, type ListingState } from '../../../../shared/domain/watch';
import { api, errorMessage } from '../../api/client';
import { navigate } from '../../app/router';
import { frenchDay } from '../cases/format';
import { ListingAddModal, ListingEditModal, STATE_OPTIONS } from './ListingModals';
import { openOutside } from './open-link';

/** Each directory site and each site the user added: is there a listing, where, in what state. */
export function ListingsPanel() {
  const [view, setView] = useState<ListingsView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<ListingRow | null>(null);
  const [adding, setAdding] = useState(false);

  const act = useCallback(async (fn: () => Promise<ListingsView>) => {
    try {
      setView(await fn());
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, []);
  useEffect(() => {
    void act(() => api.listings.list({}));
  }, [act]);

  const verify = async (row: ListingRow) => {
    const failed = await openOutside(row.listingUrl || row.siteUrl);
    if (failed) {
      setError(failed);
      return;
    }
    await act(() => api.listings.checked({ key: row.key }));
  };
  const setState = (row: ListingRow, state: ListingState) =>
    void act(() =>
      api.listings.save({ key: row.key, state, listingUrl: row.listingUrl, notes: row.notes }),
    );
  const openCase = async (row: ListingRow) => {
    try {
      const c = await api.listings.openCase({ key: row.key });
      navigate('dossiers', c.id);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  if (!view) return error ? <Alert color="red">{error}</Alert> : <Loader />;
  return (
    <Stack>
      {view.reminder.due && (
        <Alert color="yellow" title="Vérification mensuelle" data-testid="watch-reminder">
          {view.reminder.stale} site{view.reminder.stale > 1 ? 's' : ''} sur {view.reminder.total} à
          vérifier : chaque fiche devrait être revue au moins tous les {LISTING_CHECK_DAYS} jours. «
          Vérifier » ouvre le site dans votre navigateur et note la date du jour.
        </Alert>
      )}
      {error && (
        <Alert color="red" withCloseButton onClose={() => setError(null)}>
          {error}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={() => setAdding(true)}>
          Ajouter un site
        </Button>
      </Group>
      <Table striped data-testid="listings-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Site</Table.Th>
            <Table.Th>Fiche</Table.Th>
            <Table.Th>État</Table.Th>
            <Table.Th>Dernière vérification</Table.Th>
            <Table.Th>Actions</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {view.rows.map((row) => (
            <Table.Tr key={row.key} data-testid={`listing-${row.key}`}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {row.name}
                </Text>
                {!row.builtIn && (
                  <Badge size="xs" variant="outline">
                    Ajouté par le cabinet
                  </Badge>
                )}
              </Table.Td>
              <Table.Td style={{ maxWidth: 260, overflowWrap: 'anywhere' }}>
                <Text size="xs">{row.listingUrl || '—'}</Text>
                <Anchor size="xs" onClick={() => setEditing(row)}>
                  Modifier l’adresse ou les notes
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Select
                  aria-label={`État de la fiche sur ${row.name}`}
                  data={STATE_OPTIONS}
                  value={row.state}
                  onChange={(v) => v && setState(row, v as ListingState)}
                  allowDeselect={false}
                  size="xs"
                  w={200}
                />
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  <Text size="sm">{row.lastChecked ? frenchDay(row.lastChecked) : 'Jamais'}</Text>
                  {row.stale && (
                    <Badge size="xs" color="yellow">
                      À vérifier
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Button
                    size="xs"
                    variant="light"
                    onClick={() => void verify(row)}
                    disabled={!row.listingUrl && !row.siteUrl}
                  >
                    Vérifier
                  </Button>
                  {row.caseId ? (
                    <Button
                      size="xs"
                      variant="subtle"
                      onClick={() => navigate('dossiers', row.caseId!)}
                    >
                      Voir le dossier
                    </Button>
                  ) : (
                    <Button size="xs" variant="subtle" onClick={() => void openCase(row)}>
                      Ouvrir un dossier
                    </Button>
                  )}
                  {!row.builtIn && (
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      onClick={() => void act(() => api.listings.remove({ key: row.key }))}
                    >
                      Retirer
                    </Button>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <ListingEditModal
        row={editing}
        onClose={() => setEditing(null)}
        onSaved={(v) => {
          setEditing(null);
          setView(v);
        }}
      />
      <ListingAddModal
        opened={adding}
        onClose={() => setAdding(false)}
        onSaved={(v) => {
          setAdding(false);
          setView(v);
        }}
      />
    </Stack>
  );
}
