import { Alert, Button, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';

import {
  CONTACT_ROLE_LABELS,
  CONTACT_ROLES,
  type Contact,
  type ContactRole,
} from '../../../../shared/api/resources-api';
import { api } from '../../api/client';
import { useAction } from '../../hooks/useAction';

type Draft = Pick<
  Contact,
  'role' | 'name' | 'organisation' | 'address' | 'email' | 'phone' | 'notes'
>;

const EMPTY: Draft = {
  role: 'avocat',
  name: '',
  organisation: '',
  address: '',
  email: '',
  phone: '',
  notes: '',
};

const ROLE_OPTIONS = CONTACT_ROLES.map((r) => ({ value: r, label: CONTACT_ROLE_LABELS[r] }));

interface Props {
  /** null: closed; 'new': an empty form; a contact: edit it. */
  editing: Contact | 'new' | null;
  onClose: () => void;
  onSaved: () => void;
}

function draftOf(contact: Contact | null): Draft {
  if (contact === null) return EMPTY;
  const { role, name, organisation, address, email, phone, notes } = contact;
  return { role, name, organisation, address, email, phone, notes };
}

/** Add or edit one contact. The parent remounts it (key) for each opening, so state starts fresh. */
export function ContactModal({ editing, onClose, onSaved }: Props) {
  const existing = editing !== null && editing !== 'new' ? editing : null;
  const [draft, setDraft] = useState<Draft>(() => draftOf(existing));
  const save = useAction((d: Draft) =>
    api.contacts.save(existing === null ? d : { ...d, id: existing.id }),
  );

  const set = (key: keyof Draft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const fieldError = (key: keyof Draft) => (save.field === key ? save.error : undefined);

  return (
    <Modal
      opened={editing !== null}
      onClose={onClose}
      title={existing === null ? 'Nouveau contact' : 'Modifier le contact'}
    >
      <Stack>
        <Select
          label="Rôle"
          data={ROLE_OPTIONS}
          value={draft.role}
          onChange={(v) => v && set('role')(v as ContactRole)}
          allowDeselect={false}
          error={fieldError('role')}
        />
        <TextInput
          label="Nom"
          required
          value={draft.name}
          onChange={(e) => set('name')(e.currentTarget.value)}
          error={fieldError('name')}
        />
        <TextInput
          label="Organisation"
          description="Cabinet, étude, compagnie…"
          value={draft.organisation}
          onChange={(e) => set('organisation')(e.currentTarget.value)}
          error={fieldError('organisation')}
        />
        <Textarea
          label="Adresse postale"
          autosize
          minRows={2}
          value={draft.address}
          onChange={(e) => set('address')(e.currentTarget.value)}
          error={fieldError('address')}
        />
        <Group grow align="flex-start">
          <TextInput
            label="E-mail"
            value={draft.email}
            onChange={(e) => set('email')(e.currentTarget.value)}
            error={fieldError('email')}
          />
          <TextInput
            label="Téléphone"
            value={draft.phone}
            onChange={(e) => set('phone')(e.currentTarget.value)}
            error={fieldError('phone')}
          />
        </Group>
        <Textarea
          label="Notes"
          autosize
          minRows={2}
          value={draft.notes}
          onChange={(e) => set('notes')(e.currentTarget.value)}
          error={fieldError('notes')}
        />
        {save.error && save.field === null && <Alert color="red">{save.error}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Annuler
          </Button>
          <Button
            loading={save.pending}
            disabled={draft.name.trim() === ''}
            onClick={() =>
              void save.run(draft).then((saved) => {
                if (saved === undefined) return;
                onSaved();
                onClose();
              })
            }
          >
            Enregistrer le contact
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
