import { Alert, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useState } from 'react';

import { CONTACT_ROLE_LABELS, type Contact } from '../../../../shared/api/resources-api';
import { api, errorMessage } from '../../api/client';
import { useAction } from '../../hooks/useAction';
import { ContactModal } from './ContactModal';

/**
 * The cabinet's own address book: its lawyer, commissaire de justice, insurer, Ordre. Letters
 * offer these people as recipients. Both roles manage it.
 */
export function ContactsPanel() {
  const [contacts, setContacts] = useState<Contact[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [editing, setEditing] = useState<Contact | 'new' | null>(null);
  const remove = useAction((id: string) => api.contacts.remove({ id }));

  const reload = useCallback(() => {
    api.contacts.list({}).then(
      (list) => {
        setContacts(list);
        setLoadError(null);
      },
      (e: unknown) => setLoadError(errorMessage(e)),
    );
  }, []);
  useEffect(reload, [reload]);

  const confirmRemove = (c: Contact) => {
    if (!window.confirm(`Supprimer le contact « ${c.name} » du carnet du cabinet ?`)) return;
    void remove.run(c.id).then((done) => {
      if (done === undefined) return;
      notifications.show({ color: 'teal', message: `Contact « ${c.name} » supprimé.` });
      reload();
    });
  };

  return (
    <Stack>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          Les interlocuteurs du cabinet. Les courriers vous les proposeront comme destinataires.
        </Text>
        <Button onClick={() => setEditing('new')}>Ajouter un contact</Button>
      </Group>
      {loadError && <Alert color="red">{loadError}</Alert>}
      {remove.error && <Alert color="red">{remove.error}</Alert>}
      {contacts !== null && contacts.length === 0 && (
        <Alert color="gray">
          Aucun contact pour l’instant. Ajoutez par exemple l’avocat du cabinet ou votre assureur.
        </Alert>
      )}
      {contacts !== null && contacts.length > 0 && (
        <Table striped data-testid="contacts-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Rôle</Table.Th>
              <Table.Th>Nom</Table.Th>
              <Table.Th>Coordonnées</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {contacts.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>
                  <Badge variant="light">{CONTACT_ROLE_LABELS[c.role]}</Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {c.name}
                  </Text>
                  {c.organisation && <Text size="sm">{c.organisation}</Text>}
                  {c.notes && (
                    <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                      {c.notes}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {c.address && (
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      {c.address}
                    </Text>
                  )}
                  {c.email && <Text size="sm">{c.email}</Text>}
                  {c.phone && <Text size="sm">{c.phone}</Text>}
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => setEditing(c)}
                      aria-label={`Modifier ${c.name}`}
                    >
                      Modifier
                    </Button>
                    <Button
                      size="xs"
                      color="red"
                      variant="light"
                      onClick={() => confirmRemove(c)}
                      aria-label={`Supprimer ${c.name}`}
                    >
                      Supprimer
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <ContactModal
        key={editing === null ? 'closed' : editing === 'new' ? 'new' : editing.id}
        editing={editing}
        onClose={() => setEditing(null)}
        onSaved={reload}
      />
    </Stack>
  );
}
