import { Alert, Button, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';

import type { ListingRow, ListingsView } from '../../../../shared/api/watch-api';
import {
  LISTING_STATE_LABELS,
  LISTING_STATES,
  type ListingState,
} from '../../../../shared/domain/watch';
import { api } from '../../api/client';
import { useAction } from '../../hooks/useAction';

export const STATE_OPTIONS = LISTING_STATES.map((s) => ({
  value: s,
  label: LISTING_STATE_LABELS[s],
}));

interface Done {
  onClose: () => void;
  onSaved: (view: ListingsView) => void;
}

/** The listing's address and notes; the state is changed right in the table. */
export function ListingEditModal({ row, ...done }: { row: ListingRow | null } & Done) {
  if (!row) return null;
  // Mounted per opening, so the form starts from the stored values every time.
  return (
    <Modal opened onClose={done.onClose} title={`Fiche sur ${row.name}`}>
      <ListingEditForm row={row} {...done} />
    </Modal>
  );
}

function ListingEditForm({ row, onClose, onSaved }: { row: ListingRow } & Done) {
  const [url, setUrl] = useState(row.listingUrl);
  const [notes, setNotes] = useState(row.notes);
  const save = useAction(api.listings.save);

  const submit = async () => {
    const view = await save.run({ key: row.key, state: row.state, listingUrl: url, notes });
    if (view) onSaved(view);
  };
  return (
    <Stack>
      <TextInput
        label="Adresse de la fiche"
        placeholder="https://…"
        value={url}
        onChange={(e) => setUrl(e.currentTarget.value)}
        error={save.field === 'listingUrl' ? save.error : undefined}
      />
      <Textarea
        label="Notes"
        value={notes}
        onChange={(e) => setNotes(e.currentTarget.value)}
        autosize
        minRows={2}
      />
      {save.error && save.field !== 'listingUrl' && <Alert color="red">{save.error}</Alert>}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          Annuler
        </Button>
        <Button onClick={() => void submit()} loading={save.pending}>
          Enregistrer
        </Button>
      </Group>
    </Stack>
  );
}

export function ListingAddModal({ opened, ...done }: { opened: boolean } & Done) {
  if (!opened) return null;
  return (
    <Modal opened onClose={done.onClose} title="Ajouter un site à surveiller">
      <ListingAddForm {...done} />
    </Modal>
  );
}

function ListingAddForm({ onClose, onSaved }: Done) {
  const [name, setName] = useState('');
  const [siteUrl, setSiteUrl] = useState('');
  const [listingUrl, setListingUrl] = useState('');
  const [state, setState] = useState<ListingState>('non-verifiee');
  const add = useAction(api.listings.add);

  const submit = async () => {
    const view = await add.run({ name, siteUrl, listingUrl, state, notes: '' });
    if (view) onSaved(view);
  };
  const err = (field: string) => (add.field === field ? add.error : undefined);
  return (
    <Stack>
      <TextInput
        label="Nom du site"
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        error={err('name')}
        required
      />
      <TextInput
        label="Adresse du site"
        placeholder="https://…"
        value={siteUrl}
        onChange={(e) => setSiteUrl(e.currentTarget.value)}
        error={err('siteUrl')}
      />
      <TextInput
        label="Adresse de la fiche, si vous l’avez trouvée"
        placeholder="https://…"
        value={listingUrl}
        onChange={(e) => setListingUrl(e.currentTarget.value)}
        error={err('listingUrl')}
      />
      <Select
        label="État"
        data={STATE_OPTIONS}
        value={state}
        onChange={(v) => v && setState(v as ListingState)}
        allowDeselect={false}
      />
      {add.error && !['name', 'siteUrl', 'listingUrl'].includes(add.field ?? '') && (
        <Alert color="red">{add.error}</Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          Annuler
        </Button>
        <Button onClick={() => void submit()} loading={add.pending}>
          Ajouter
        </Button>
      </Group>
    </Stack>
  );
}
