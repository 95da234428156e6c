import { randomUUID } from 'node:crypto';

import { AppError } from '../../../shared/api/errors';
import { CONTACT_ROLES } from '../../../shared/api/resources-api';
import type { Contact, ContactFields, ContactRole } from '../../../shared/api/resources-api';
import type { Db } from '../db/open';
import type { OpenVault } from '../vault/open-vault';

interface ContactRow {
  id: string;
  role: ContactRole;
  name: string;
  organisation: string | null;
  address: string | null;
  email: string | null;
  phone: string | null;
  notes: string | null;
  created_at: string;
  updated_at: string;
}

const COLUMNS =
  'id, role, name, organisation, address, email, phone, notes, created_at, updated_at';

function toContact(r: ContactRow): Contact {
  return {
    id: r.id,
    role: r.role,
    name: r.name,
    organisation: r.organisation ?? '',
    address: r.address ?? '',
    email: r.email ?? '',
    phone: r.phone ?? '',
    notes: r.notes ?? '',
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Active contacts, grouped by role (in the form's order) then by name as French sorts it. */
export function listContacts(db: Db): Contact[] {
  const rows = db
    .prepare(`SELECT ${COLUMNS} FROM contacts WHERE removed_at IS NULL`)
    .all() as ContactRow[];
  const collator = new Intl.Collator('fr', { sensitivity: 'base' });
  return rows
    .map(toContact)
    .sort(
      (a, b) =>
        CONTACT_ROLES.indexOf(a.role) - CONTACT_ROLES.indexOf(b.role) ||
        collator.compare(a.name, b.name),
    );
}

function findActive(db: Db, id: string): Contact | null {
  const row = db
    .prepare(`SELECT ${COLUMNS} FROM contacts WHERE id = ? AND removed_at IS NULL`)
    .get(id) as ContactRow | undefined;
  return row === undefined ? null : toContact(row);
}

function requireActive(db: Db, id: string): Contact {
  const found = findActive(db, id);
  if (found === null) {
    throw new AppError(
      'NOT_FOUND',
      'Ce contact n’existe plus : il a peut-être été supprimé. Rechargez la liste des contacts.',
    );
  }
  return found;
}

const blankToNull = (value: string | undefined): string | null =>
  value === undefined || value.trim() === '' ? null : value;

/** Creates a contact, or updates it when `id` names an active one. */
export function saveContact(vault: OpenVault, input: ContactFields, now: Date): Contact {
  const values = {
    role: input.role,
    name: input.name,
    organisation: blankToNull(input.organisation),
    address: blankToNull(input.address),
    email: blankToNull(input.email),
    phone: blankToNull(input.phone),
    notes: blankToNull(input.notes),
    at: now.toISOString(),
  };

  if (input.id !== undefined) {
    const id = input.id;
    requireActive(vault.db, id);
    vault.change(
      { action: 'contact.update', entity: 'contact', entityId: id, details: { role: input.role } },
      (db) =>
        db
          .prepare(
            `UPDATE contacts SET role = @role, name = @name, organisation = @organisation,
               address = @address, email = @email, phone = @phone, notes = @notes,
               updated_at = @at
             WHERE id = @id`,
          )
          .run({ ...values, id }),
      now,
    );
    return requireActive(vault.db, id);
  }

  const id = randomUUID();
  vault.change(
    { action: 'contact.add', entity: 'contact', entityId: id, details: { role: input.role } },
    (db) =>
      db
        .prepare(
          `INSERT INTO contacts (id, role, name, organisation, address, email, phone, notes,
             created_at, updated_at)
           VALUES (@id, @role, @name, @organisation, @address, @email, @phone, @notes, @at, @at)`,
        )
        .run({ ...values, id }),
    now,
  );
  return requireActive(vault.db, id);
}

/** Soft removal: the row stays, marked, so past letters can still name their recipient. */
export function removeContact(vault: OpenVault, id: string, now: Date): void {
  requireActive(vault.db, id);
  vault.change(
    { action: 'contact.remove', entity: 'contact', entityId: id },
    (db) =>
      db.prepare('UPDATE contacts SET removed_at = ? WHERE id = ?').run(now.toISOString(), id),
    now,
  );
}
