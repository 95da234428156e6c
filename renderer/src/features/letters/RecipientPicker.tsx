import { Autocomplete, Group, Textarea, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';

import type { Counterpart } from '../../../../shared/api/letters-api';
import type { Recipient, RecipientRole } from '../../../../shared/api/resources-api';
import { api } from '../../api/client';

let recipientsPromise: Promise<Recipient[]> | null = null;

/** Contacts and directory entries; loaded once per window, retried after a failure. */
export function loadRecipients(): Promise<Recipient[]> {
  recipientsPromise ??= api.recipients.list({}).catch(() => {
    recipientsPromise = null;
    return [];
  });
  return recipientsPromise;
}

/** Contacts change while the app runs: forget the list after one is added. */
export function forgetRecipients(): void {
  recipientsPromise = null;
}

interface Props {
  label: string;
  value: Counterpart;
  onChange: (value: Counterpart) => void;
  /** Roles offered first (those that suit the template). */
  preferred?: RecipientRole[];
  error?: string | undefined;
  withEmail?: boolean;
}

/** A recipient from the cabinet's contacts or the directory, or typed freely. */
export function RecipientPicker({
  label,
  value,
  onChange,
  preferred = [],
  error,
  withEmail,
}: Props) {
  const [recipients, setRecipients] = useState<Recipient[]>([]);
  useEffect(() => {
    let live = true;
    void loadRecipients().then((r) => live && setRecipients(r));
    return () => {
      live = false;
    };
  }, []);

  const suited = recipients.filter((r) => preferred.includes(r.role));
  const others = recipients.filter((r) => !preferred.includes(r.role));
  const names = (list: Recipient[]) => [...new Set(list.map((r) => r.name))];
  const data = [
    ...(suited.length > 0 ? [{ group: 'Suggérés pour ce courrier', items: names(suited) }] : []),
    {
      group: 'Contacts et annuaires',
      items: names(others).filter((n) => !suited.some((s) => s.name === n)),
    },
  ];

  const onName = (name: string) => {
    const found = recipients.find((r) => r.name === name);
    if (!found) {
      onChange({ ...value, name, recipientId: null });
      return;
    }
    const address = [found.organisation, found.address].filter(Boolean).join('\n');
    onChange({
      name: found.name,
      address: address || value.address,
      email: found.email ?? value.email,
      recipientId: found.id,
    });
  };

  return (
    <>
      <Autocomplete
        label={label}
        placeholder="Choisissez dans la liste ou saisissez un nom"
        data={data}
        value={value.name}
        onChange={onName}
        error={error}
        limit={50}
      />
      <Group grow align="start">
        <Textarea
          label="Adresse postale"
          autosize
          minRows={2}
          value={value.address}
          onChange={(e) => onChange({ ...value, address: e.currentTarget.value })}
        />
        {withEmail && (
          <TextInput
            label="E-mail"
            value={value.email}
            onChange={(e) => onChange({ ...value, email: e.currentTarget.value })}
          />
        )}
      </Group>
    </>
  );
}
