import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { AppHost } from '../../../electron/core/app/host';
import { listJournal } from '../../../electron/core/db/journal';
import type { ApiResult } from '../../../shared/api/errors';
import type {
  Contact,
  DirectoryData,
  DirectoryEntryWithNote,
  DirectoryNote,
  GuidePageContent,
  OpenedLink,
  Recipient,
} from '../../../shared/api/resources-api';
import { DOCTOR_PASS, PRACTICE, TEST_KDF, tempDir } from '../../helpers/tmp';

let tmp: ReturnType<typeof tempDir>;
let host: AppHost;

beforeEach(async () => {
  tmp = tempDir();
  host = new AppHost({
    dataDir: path.join(tmp.dir, 'data'),
    demoDir: path.join(tmp.dir, 'demo'),
    resourcesDir: path.resolve('resources'),
    kdf: TEST_KDF,
  });
  const created = await host.call('vault.create', {
    practice: PRACTICE,
    accountLabel: 'Dr Jeanne Lefort',
    passphrase: DOCTOR_PASS,
  });
  expect(created.ok).toBe(true);
});
afterEach(() => {
  host.dispose();
  tmp.cleanup();
});

async function ok<T>(method: string, input: unknown): Promise<T> {
  const result = await host.call(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

async function refused(method: string, input: unknown) {
  const result: ApiResult<unknown> = await host.call(method, input);
  expect(result.ok, method).toBe(false);
  return (result as { ok: false; error: { code: string; message: string; field?: string } }).error;
}

const LAWYER = {
  role: 'avocat',
  name: 'Maître Sophie Renaud',
  organisation: 'Renaud Avocats',
  address: '24 quai Saint-Antoine\n69002 Lyon',
  email: 'sophie.renaud@renaud-avocats.example',
  phone: '04 65 71 01 02',
};

describe('resources handlers: directory notes', () => {
  it('saves, shows, replaces and clears the cabinet’s note on an entry', async () => {
    const note = await ok<DirectoryNote>('notes.set', {
      entryId: 'insurer:macsf',
      text: 'Contrat n° 4242',
    });
    expect(note).toMatchObject({ text: 'Contrat n° 4242', updatedBy: 'Dr Jeanne Lefort' });

    const data = await ok<DirectoryData>('resources.directory', {});
    expect(data.insurers.insurers.length).toBeGreaterThan(0);
    expect(data.entries.find((e) => e.id === 'insurer:macsf')?.note?.text).toBe('Contrat n° 4242');
    expect(data.entries.find((e) => e.id === 'insurer:axa')?.note).toBeNull();

    await ok('notes.set', { entryId: 'insurer:macsf', text: 'Contrat n° 5151' });
    const again = await ok<DirectoryData>('resources.directory', {});
    expect(again.entries.find((e) => e.id === 'insurer:macsf')?.note?.text).toBe('Contrat n° 5151');

    expect(await ok('notes.set', { entryId: 'insurer:macsf', text: '   ' })).toBeNull();
    const cleared = await ok<DirectoryData>('resources.directory', {});
    expect(cleared.entries.find((e) => e.id === 'insurer:macsf')?.note).toBeNull();
  });

  it('journals which entry changed but never the note’s words', async () => {
    await ok('notes.set', { entryId: 'site:doctoome', text: 'Fiche signalée le 3 mars' });
    const entries = listJournal(host.session!.db);
    const entry = entries.find((e) => e.action === 'note.set');
    expect(entry).toMatchObject({ entityId: 'site:doctoome' });
    expect(JSON.stringify(entries)).not.toContain('signalée');
  });

  it('refuses a note on an entry that is not in the directories', async () => {
    expect(await refused('notes.set', { entryId: 'insurer:inconnu', text: 'x' })).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await refused('notes.set', { entryId: '../etc/passwd', text: 'x' })).toMatchObject({
      code: 'INVALID_INPUT',
      message: 'Entrée de l’annuaire inconnue.',
    });
  });
});

describe('resources handlers: contacts and recipients', () => {
  it('adds, lists, edits and softly removes a contact', async () => {
    const saved = await ok<Contact>('contacts.save', LAWYER);
    expect(saved).toMatchObject({ ...LAWYER, notes: '' });
    expect(await ok<Contact[]>('contacts.list', {})).toHaveLength(1);

    const edited = await ok<Contact>('contacts.save', {
      ...LAWYER,
      id: saved.id,
      phone: '04 65 71 09 09',
    });
    expect(edited).toMatchObject({ id: saved.id, phone: '04 65 71 09 09' });
    expect(await ok<Contact[]>('contacts.list', {})).toHaveLength(1);

    expect(await ok('contacts.remove', { id: saved.id })).toBeNull();
    expect(await ok<Contact[]>('contacts.list', {})).toEqual([]);
    const row = host
      .session!.db.prepare('SELECT removed_at FROM contacts WHERE id = ?')
      .get(saved.id);
    expect(row).toMatchObject({ removed_at: expect.any(String) });

    expect(await refused('contacts.remove', { id: saved.id })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await refused('contacts.save', { ...LAWYER, id: saved.id })).toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('refuses a bad e-mail, a missing name and an unknown role in French', async () => {
    expect(await refused('contacts.save', { ...LAWYER, email: 'renaud@' })).toEqual({
      code: 'INVALID_INPUT',
      field: 'email',
      message: 'E-mail : adresse e-mail invalide (exemple : cabinet@exemple.fr).',
    });
    expect(await refused('contacts.save', { ...LAWYER, name: '  ' })).toMatchObject({
      field: 'name',
      message: 'Nom : ce champ est obligatoire.',
    });
    expect(await refused('contacts.save', { ...LAWYER, role: 'plombier' })).toMatchObject({
      field: 'role',
      message: expect.stringContaining('commissaire de justice'),
    });
    expect(await ok<Contact[]>('contacts.list', {})).toEqual([]);
  });

  it('lists the contacts and the directory entries that can receive a letter', async () => {
    const saved = await ok<Contact>('contacts.save', LAWYER);
    const recipients = await ok<Recipient[]>('recipients.list', {});
    expect(recipients[0]).toEqual({
      id: `contact:${saved.id}`,
      source: 'contact',
      role: 'avocat',
      name: 'Maître Sophie Renaud',
      organisation: 'Renaud Avocats',
      address: LAWYER.address,
      email: LAWYER.email,
    });
    const byId = new Map(recipients.map((r) => [r.id, r]));
    expect(byId.get('insurer:macsf')).toMatchObject({ source: 'directory', role: 'assureur' });
    expect(byId.get('site:doctoome')).toMatchObject({ role: 'editeur' });
    expect(byId.get('institution:cnil')).toMatchObject({ role: 'institution' });
    expect(byId.get('institution:cnom')).toMatchObject({ role: 'ordre' });
    expect(byId.get('firm:healthcie')).toMatchObject({ role: 'societe' });
    expect(byId.has('firm:google-alerts')).toBe(false);
    expect(recipients.some((r) => r.id.startsWith('bib:'))).toBe(false);
  });
});

describe('resources handlers: search, guide and links', () => {
  it('finds the same entries with or without accents and capitals', async () => {
    const plain = await ok<DirectoryEntryWithNote[]>('resources.search', { query: 'medecin' });
    const accented = await ok<DirectoryEntryWithNote[]>('resources.search', { query: 'MÉDECIN' });
    expect(plain.length).toBeGreaterThan(0);
    expect(accented.map((e) => e.id)).toEqual(plain.map((e) => e.id));
    expect(plain.map((e) => e.id)).toContain('site:choisir-un-medecin');

    const none = await ok<DirectoryEntryWithNote[]>('resources.search', { query: 'zzqxw' });
    expect(none).toEqual([]);
  });

  it('finds an entry by the words of the cabinet’s note', async () => {
    expect(
      await ok<DirectoryEntryWithNote[]>('resources.search', { query: 'dossier 7781' }),
    ).toEqual([]);
    await ok('notes.set', { entryId: 'insurer:sham', text: 'Dossier 7781 ouvert en mai' });
    const found = await ok<DirectoryEntryWithNote[]>('resources.search', { query: 'dossier 7781' });
    expect(found.map((e) => e.id)).toEqual(['insurer:sham']);
  });

  it('serves the guide index and one page as a block tree', async () => {
    const pages = await ok<{ id: string }[]>('resources.guideIndex', {});
    expect(pages.map((p) => p.id)).toContain('aides-et-assurances');
    const content = await ok<GuidePageContent>('resources.guidePage', {
      id: 'aides-et-assurances',
    });
    expect(content.page.actions.map((a) => a.action)).toContain('resources.insurers');
    expect(content.blocks.length).toBeGreaterThan(2);
    expect(content.blocks.some((b) => b.type === 'heading')).toBe(true);
    expect(await refused('resources.guidePage', { id: 'inconnue' })).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await refused('resources.guidePage', { id: '../index' })).toMatchObject({
      code: 'INVALID_INPUT',
    });
  });

  it('opens allowlisted https links only', async () => {
    const url = 'https://www.cnil.fr/fr/le-droit-dopposition';
    expect(await ok<OpenedLink>('system.openExternal', { url })).toEqual({ mode: 'tab', url });
    for (const bad of [
      'http://www.cnil.fr/',
      'javascript:alert(1)',
      'https://evil.example.com/',
      'file:///etc/passwd',
    ]) {
      const error = await refused('system.openExternal', { url: bad });
      expect(error.code, bad).toBe('UNSAFE_URL');
      expect(error.message).toMatch(/n’ouvre que les liens https/);
    }
  });

  it('requires an unlocked vault', async () => {
    host.lock('manual');
    expect(await refused('resources.directory', {})).toMatchObject({ code: 'VAULT_LOCKED' });
    expect(await refused('contacts.list', {})).toMatchObject({ code: 'VAULT_LOCKED' });
  });
});

describe('demo data', () => {
  it('gives the demo cabinet its lawyer, bailiff, insurer contact and a note on MACSF', async () => {
    await ok('vault.openDemo', {});
    const contacts = await ok<Contact[]>('contacts.list', {});
    expect(contacts.map((c) => c.role)).toEqual(['avocat', 'commissaire', 'assureur']);
    expect(contacts[0]).toMatchObject({ name: 'Maître Sophie Renaud' });
    const data = await ok<DirectoryData>('resources.directory', {});
    expect(data.entries.find((e) => e.id === 'insurer:macsf')?.note?.text).toMatch(/DEMO-/);
  });
});
