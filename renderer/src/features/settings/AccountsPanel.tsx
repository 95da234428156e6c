import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  PasswordInput,
  Select,
  Stack,
  Table,
  TextInput,
} from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';

import { ROLE_LABELS, type AccountSummary, type Role } from '../../../../shared/domain/accounts';
import { api } from '../../api/client';
import { PassphraseField, passphraseOk } from '../../components/PassphraseField';
import { useAction } from '../../hooks/useAction';

interface Props {
  canEdit: boolean;
  currentId: string;
  onChange: () => void;
}

/** One account per person (CNIL référentiel): the doctor adds, renames and revokes them. */
export function AccountsPanel({ canEdit, currentId, onChange }: Props) {
  const [accounts, setAccounts] = useState<AccountSummary[]>([]);
  const [adding, setAdding] = useState(false);
  const [renaming, setRenaming] = useState<AccountSummary | null>(null);
  const reload = useCallback(() => void api.accounts.list({}).then(setAccounts), []);
  const revoke = useAction((id: string) => api.accounts.revoke({ accountId: id }));

  useEffect(reload, [reload]);

  return (
    <Stack maw={720}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Compte</Table.Th>
            <Table.Th>Rôle</Table.Th>
            <Table.Th>État</Table.Th>
            {canEdit && <Table.Th />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {accounts.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>{a.label}</Table.Td>
              <Table.Td>{ROLE_LABELS[a.role]}</Table.Td>
              <Table.Td>
                {a.revoked ? (
                  <Badge color="gray">Révoqué</Badge>
                ) : (
                  <Badge color="teal">Actif</Badge>
                )}
              </Table.Td>
              {canEdit && (
                <Table.Td>
                  {!a.revoked && (
                    <Group gap="xs">
                      <Button size="xs" variant="default" onClick={() => setRenaming(a)}>
                        Renommer
                      </Button>
                      {a.id !== currentId && (
                        <Button
                          size="xs"
                          color="red"
                          variant="light"
                          onClick={() => {
                            if (
                              window.confirm(
                                `Révoquer le compte « ${a.label} » ? Il ne pourra plus ouvrir le coffre.`,
                              )
                            ) {
                              void revoke.run(a.id).then(() => {
                                reload();
                                onChange();
                              });
                            }
                          }}
                        >
                          Révoquer
                        </Button>
                      )}
                    </Group>
                  )}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {revoke.error && <Alert color="red">{revoke.error}</Alert>}
      {canEdit ? (
        <Group>
          <Button onClick={() => setAdding(true)}>Ajouter un compte</Button>
        </Group>
      ) : (
        <Alert color="gray">Seul le médecin peut gérer les comptes.</Alert>
      )}
      <AddAccountModal
        opened={adding}
        onClose={() => setAdding(false)}
        onAdded={() => {
          reload();
          onChange();
        }}
      />
      <RenameModal account={renaming} onClose={() => setRenaming(null)} onRenamed={reload} />
    </Stack>
  );
}

function AddAccountModal({
  opened,
  onClose,
  onAdded,
}: {
  opened: boolean;
  onClose: () => void;
  onAdded: () => void;
}) {
  const [label, setLabel] = useState('');
  const [role, setRole] = useState<Role>('secretariat');
  const [pass, setPass] = useState('');
  const [confirm, setConfirm] = useState('');
  const add = useAction(() => api.accounts.add({ label, role, passphrase: pass }));
  return (
    <Modal opened={opened} onClose={onClose} title="Nouveau compte">
      <Stack>
        <TextInput
          label="Nom du compte"
          value={label}
          onChange={(e) => setLabel(e.currentTarget.value)}
          required
        />
        <Select
          label="Rôle"
          value={role}
          onChange={(v) => v && setRole(v as Role)}
          data={[
            { value: 'secretariat', label: ROLE_LABELS.secretariat },
            { value: 'medecin', label: ROLE_LABELS.medecin },
          ]}
          allowDeselect={false}
        />
        <PassphraseField
          label="Phrase de passe de ce compte"
          value={pass}
          onChange={setPass}
          context={[label]}
        />
        <PasswordInput
          label="Confirmez"
          value={confirm}
          onChange={(e) => setConfirm(e.currentTarget.value)}
        />
        {add.error && <Alert color="red">{add.error}</Alert>}
        <Button
          loading={add.pending}
          disabled={!label.trim() || !passphraseOk(pass, [label]) || pass !== confirm}
          onClick={() =>
            void add.run().then((r) => {
              if (!r) return;
              setLabel('');
              setPass('');
              setConfirm('');
              onAdded();
              onClose();
            })
          }
        >
          Créer le compte
        </Button>
      </Stack>
    </Modal>
  );
}

function RenameModal({
  account,
  onClose,
  onRenamed,
}: {
  account: AccountSummary | null;
  onClose: () => void;
  onRenamed: () => void;
}) {
  const [label, setLabel] = useState('');
  const rename = useAction(() => api.accounts.rename({ accountId: account!.id, label }));
  useEffect(() => setLabel(account?.label ?? ''), [account]);
  return (
    <Modal opened={account !== null} onClose={onClose} title="Renommer le compte">
      <Stack>
        <TextInput
          label="Nom du compte"
          value={label}
          onChange={(e) => setLabel(e.currentTarget.value)}
        />
        {rename.error && <Alert color="red">{rename.error}</Alert>}
        <Button
          loading={rename.pending}
          onClick={() =>
            void rename.run().then((r) => {
              if (r) {
                onRenamed();
                onClose();
              }
            })
          }
        >
          Enregistrer
        </Button>
      </Stack>
    </Modal>
  );
}
