import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { AppError } from '../../../shared/api/errors';
import { VaultStore } from '../../../electron/core/vault/vault';
import { DOCTOR_PASS, PRACTICE, SECRETARY_PASS, TEST_KDF, tempDir } from '../../helpers/tmp';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.cleanup());

async function expectCode(p: Promise<unknown>, code: string): Promise<AppError> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

async function createVault(dir = tmp.dir) {
  const store = new VaultStore(dir);
  const created = await store.create(
    { practice: PRACTICE, accountLabel: 'Dr Lefort', passphrase: DOCTOR_PASS },
    { kdf: TEST_KDF },
  );
  return { store, ...created };
}

describe('vault', () => {
  it('creates a vault, shows a recovery key in 8 groups, and unlocks with the passphrase', async () => {
    const { store, vault, recoveryKey } = await createVault();
    expect(recoveryKey).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}$/);
    const doctorId = vault.account.id;
    vault.close();

    const again = await store.unlock(doctorId, DOCTOR_PASS);
    expect(again.account).toMatchObject({ role: 'medecin', label: 'Dr Lefort' });
    const practice = again.db.prepare('SELECT data FROM practice').get() as { data: string };
    expect(JSON.parse(practice.data)).toMatchObject({ rpps: '10101010101' });
    again.close();
  });

  it('stores the calibrated Argon2id parameters with at least 64 MiB of memory', async () => {
    const { store, vault } = await createVault();
    vault.close();
    const header = await store.header();
    for (const slot of header!.slots) {
      if (slot.kind === 'passphrase') expect(slot.kdf.memoryKiB).toBeGreaterThanOrEqual(65536);
    }
    expect(header!.kdf.memoryKiB).toBeGreaterThanOrEqual(65536);
  });

  it('refuses a wrong passphrase and opens nothing', async () => {
    const { store, vault } = await createVault();
    const id = vault.account.id;
    vault.close();
    const error = await expectCode(
      store.unlock(id, 'glacier velours septembre seize'),
      'WRONG_PASSPHRASE',
    );
    expect(error.message).toMatch(/Phrase de passe incorrecte/);
  });

  it('refuses a weak passphrase at creation and explains why', async () => {
    const store = new VaultStore(tmp.dir);
    const error = await expectCode(
      store.create(
        { practice: PRACTICE, accountLabel: 'Dr', passphrase: 'azerty' },
        { kdf: TEST_KDF },
      ),
      'WEAK_PASSPHRASE',
    );
    expect(error.message).toMatch(/12 caractères/);
    expect(await store.header()).toBeNull();
  });

  it('refuses to create over an existing vault', async () => {
    const { store, vault } = await createVault();
    vault.close();
    await expectCode(
      store.create(
        { practice: PRACTICE, accountLabel: 'X', passphrase: DOCTOR_PASS },
        { kdf: TEST_KDF },
      ),
      'VAULT_EXISTS',
    );
  });

  it('adds a secretary with her own passphrase, renames and revokes her', async () => {
    const { store, vault } = await createVault();
    const secretary = await vault.addAccount('Secrétariat', 'secretariat', SECRETARY_PASS);
    const renamed = await vault.renameAccount(secretary.id, 'Julie (secrétariat)');
    expect(renamed.label).toBe('Julie (secrétariat)');

    const asSecretary = await store.unlock(secretary.id, SECRETARY_PASS);
    expect(asSecretary.account).toMatchObject({
      role: 'secretariat',
      label: 'Julie (secrétariat)',
    });
    asSecretary.close();
    // The doctor's passphrase does not open the secretary's slot.
    await expectCode(store.unlock(secretary.id, DOCTOR_PASS), 'WRONG_PASSPHRASE');

    await vault.revokeAccount(secretary.id);
    await expectCode(store.unlock(secretary.id, SECRETARY_PASS), 'NOT_FOUND');
    expect(vault.listAccounts().find((a) => a.id === secretary.id)?.revoked).toBe(true);
    vault.close();
  });

  it('keeps at least one doctor and refuses to revoke the current account', async () => {
    const { vault } = await createVault();
    await expect(vault.revokeAccount(vault.account.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    vault.close();
  });

  it('unlocks with the recovery key typed loosely and forces a new passphrase', async () => {
    const { store, vault, recoveryKey } = await createVault();
    const id = vault.account.id;
    vault.close();

    const typed = recoveryKey.toLowerCase().replace(/-/g, ' ');
    const recovered = await store.recover(typed, id);
    expect(recovered.mustChangePassphrase).toBe(true);
    await recovered.changePassphrase('nouvelle phrase tres solide pour le cabinet');
    expect(recovered.mustChangePassphrase).toBe(false);
    recovered.close();

    await expectCode(store.unlock(id, DOCTOR_PASS), 'WRONG_PASSPHRASE');
    (await store.unlock(id, 'nouvelle phrase tres solide pour le cabinet')).close();
    await expectCode(
      store.recover('AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH', id),
      'WRONG_RECOVERY_KEY',
    );
    await expectCode(store.recover('trop court', id), 'WRONG_RECOVERY_KEY');
  });

  it('changes a passphrase by rewrapping one slot without re-encrypting the database', async () => {
    const { store, vault } = await createVault();
    const id = vault.account.id;
    const dbFile = store.databasePath;
    vault.db.pragma('wal_checkpoint(TRUNCATE)');
    const before = readFileSync(dbFile);
    const headerBefore = (await store.header())!;
    await vault.changePassphrase('autre phrase de passe bien longue');
    vault.db.pragma('wal_checkpoint(TRUNCATE)');
    const headerAfter = (await store.header())!;
    vault.close();

    // Only the journal page may differ; the file keeps its salt (first 16 bytes) and size class.
    expect(readFileSync(dbFile).subarray(0, 16)).toEqual(before.subarray(0, 16));
    const slotsBefore = headerBefore.slots.filter((s) => s.kind === 'recovery');
    expect(headerAfter.slots.filter((s) => s.kind === 'recovery')).toEqual(slotsBefore);
    (await store.unlock(id, 'autre phrase de passe bien longue')).close();
  });

  it('gives a clear error for a missing, truncated or altered header and leaves the database untouched', async () => {
    const { store, vault } = await createVault();
    const id = vault.account.id;
    vault.close();
    const headerPath = path.join(tmp.dir, 'vault.json');
    const original = readFileSync(headerPath, 'utf8');
    const dbBefore = readFileSync(store.databasePath);
    const mtime = statSync(store.databasePath).mtimeMs;

    writeFileSync(headerPath, original.slice(0, original.length / 2));
    const truncated = await expectCode(store.unlock(id, DOCTOR_PASS), 'VAULT_DAMAGED');
    expect(truncated.message).toMatch(/endommagé/);

    const altered = JSON.parse(original) as { slots: Array<{ label?: string; role?: string }> };
    altered.slots[0]!.label = 'Quelqu’un d’autre';
    writeFileSync(headerPath, JSON.stringify(altered));
    await expectCode(store.unlock(id, DOCTOR_PASS), 'VAULT_DAMAGED');

    const promoted = JSON.parse(original) as { kdf: { iterations: number } };
    promoted.kdf.iterations = 7;
    writeFileSync(headerPath, JSON.stringify(promoted));
    await expectCode(store.unlock(id, DOCTOR_PASS), 'VAULT_DAMAGED');

    writeFileSync(headerPath, '');
    await expectCode(store.unlock(id, DOCTOR_PASS), 'VAULT_DAMAGED');

    expect(readFileSync(store.databasePath)).toEqual(dbBefore);
    expect(statSync(store.databasePath).mtimeMs).toBe(mtime);

    writeFileSync(headerPath, original);
    (await store.unlock(id, DOCTOR_PASS)).close();
  });

  it('says when there is no vault', async () => {
    await expectCode(new VaultStore(tmp.dir).unlock('00000000-0000', DOCTOR_PASS), 'VAULT_MISSING');
  });

  it('says when the data folder is not writable', async () => {
    const file = path.join(tmp.dir, 'a-file');
    writeFileSync(file, 'x');
    // A folder under a regular file cannot exist: this fails as root too.
    const store = new VaultStore(path.join(file, 'data'));
    const error = await expectCode(
      store.create(
        { practice: PRACTICE, accountLabel: 'Dr', passphrase: DOCTOR_PASS },
        { kdf: TEST_KDF },
      ),
      'NOT_WRITABLE',
    );
    expect(error.message).toMatch(/dossier/i);
  });

  it('keeps no SQLite header and none of a known plaintext in the database file', async () => {
    const { store, vault } = await createVault();
    const marker = 'CABINET-MARQUEUR-EN-CLAIR-4242';
    vault.change({ action: 'test' }, (db) =>
      db
        .prepare("INSERT INTO settings (key, value) VALUES ('marker', ?)")
        .run(JSON.stringify(marker)),
    );
    vault.db.pragma('wal_checkpoint(TRUNCATE)');
    vault.close();
    const bytes = readFileSync(store.databasePath);
    expect(bytes.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    expect(bytes.includes(Buffer.from(marker))).toBe(false);
    expect(bytes.includes(Buffer.from('Cabinet du Parc'))).toBe(false);
    expect(bytes.includes(Buffer.from('Lefort'))).toBe(false);
  });
});
