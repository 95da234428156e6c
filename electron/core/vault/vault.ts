import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

import { AppError } from '../../../shared/api/errors';
import type { Practice, Role } from '../../../shared/domain/accounts';
import { open, seal } from '../crypto/aead';
import { calibrate, deriveKey, type KdfParams } from '../crypto/kdf';
import { newRecoveryKey, normalizeRecoveryKey, recoveryWrappingKey } from '../crypto/recovery-key';
import { appendJournal } from '../db/journal';
import { migrate } from '../db/migrations';
import { openDatabase } from '../db/open';
import { ensureWritableDir, fsError } from '../fs/atomic';
import {
  DATABASE_FILE,
  HEADER_FORMAT,
  HEADER_VERSION,
  headerIsAuthentic,
  newId,
  readHeader,
  signHeader,
  slotAad,
  writeHeader,
  DAMAGED_HEADER_MESSAGE,
  type PassphraseSlot,
  type RecoverySlot,
  type VaultHeader,
} from './header';
import { OpenVault } from './open-vault';
import { requireStrong, wrapForPassphrase } from './slots';

export interface CreateVaultInput {
  practice: Practice;
  accountLabel: string;
  passphrase: string;
}

function wrapForRecovery(vaultId: string, dataKey: Buffer, recoveryKey: string): RecoverySlot {
  const body = { id: newId(), kind: 'recovery' as const, salt: randomBytes(16).toString('base64') };
  const kek = recoveryWrappingKey(recoveryKey, body.salt);
  return { ...body, wrapped: seal(kek, dataKey, slotAad(vaultId, body)) };
}

/** The vault of one data folder: vault.json (key slots) beside the encrypted database. */
export class VaultStore {
  constructor(readonly dataDir: string) {}

  get databasePath(): string {
    return path.join(this.dataDir, DATABASE_FILE);
  }

  header(): Promise<VaultHeader | null> {
    return readHeader(this.dataDir);
  }

  async create(
    input: CreateVaultInput,
    options: { kdf?: KdfParams; now?: Date } = {},
  ): Promise<{ vault: OpenVault; recoveryKey: string }> {
    requireStrong(input.passphrase, [
      input.practice.doctorName,
      input.practice.name,
      input.accountLabel,
    ]);
    await ensureWritableDir(this.dataDir);
    if (await this.header()) {
      throw new AppError(
        'VAULT_EXISTS',
        'Un coffre existe déjà dans ce dossier : déverrouillez-le.',
      );
    }
    await this.setAsideOrphanDatabase();

    const now = options.now ?? new Date();
    const kdf = options.kdf ?? (await calibrate());
    const vaultId = newId();
    const dataKey = randomBytes(32);
    const account = { id: newId(), label: input.accountLabel, role: 'medecin' as const };
    const recoveryKey = newRecoveryKey();

    const slots = [
      await wrapForPassphrase(vaultId, dataKey, input.passphrase, kdf, account),
      wrapForRecovery(vaultId, dataKey, recoveryKey),
    ];
    const header = signHeader(dataKey, {
      format: HEADER_FORMAT,
      version: HEADER_VERSION,
      vaultId,
      createdAt: now.toISOString(),
      database: DATABASE_FILE,
      kdf: {
        alg: kdf.alg,
        memoryKiB: kdf.memoryKiB,
        iterations: kdf.iterations,
        parallelism: kdf.parallelism,
      },
      slots,
    });

    const db = openDatabase(this.databasePath, dataKey, { create: true });
    try {
      migrate(db, undefined, now);
      db.transaction(() => {
        db.prepare('INSERT INTO accounts (id, label, role, created_at) VALUES (?, ?, ?, ?)').run(
          account.id,
          account.label,
          account.role,
          now.toISOString(),
        );
        db.prepare('INSERT INTO practice (id, data, updated_at) VALUES (1, ?, ?)').run(
          JSON.stringify(input.practice),
          now.toISOString(),
        );
        appendJournal(db, { accountId: account.id, action: 'vault.create' }, now);
      })();
      await writeHeader(this.dataDir, header);
    } catch (error) {
      db.close();
      await this.removeDatabaseFiles();
      throw fsError(error, 'Création du coffre');
    }

    return {
      vault: new OpenVault(this.dataDir, header, dataKey, db, account, false),
      recoveryKey,
    };
  }

  async unlock(accountId: string, passphrase: string): Promise<OpenVault> {
    const header = await this.requireHeader();
    const slot = header.slots.find(
      (s): s is PassphraseSlot => s.kind === 'passphrase' && s.accountId === accountId,
    );
    if (!slot) {
      throw new AppError(
        'NOT_FOUND',
        'Ce compte n’existe pas ou a été révoqué. Choisissez un autre compte.',
      );
    }
    const kek = await deriveKey(passphrase, slot.kdf);
    const { wrapped, ...body } = slot;
    const dataKey = open(kek, wrapped, slotAad(header.vaultId, body));
    if (!dataKey) {
      throw new AppError(
        'WRONG_PASSPHRASE',
        'Phrase de passe incorrecte. Vérifiez la touche Verr. Maj et réessayez, ou utilisez la clé de secours.',
        'passphrase',
      );
    }
    return this.openWith(header, dataKey, accountId, false);
  }

  /** Proves a passphrase without opening a second database handle. */
  async verifyPassphrase(accountId: string, passphrase: string): Promise<void> {
    const header = await this.requireHeader();
    const slot = header.slots.find(
      (s): s is PassphraseSlot => s.kind === 'passphrase' && s.accountId === accountId,
    );
    const kek = slot ? await deriveKey(passphrase, slot.kdf) : null;
    const { wrapped, ...body } = slot ?? ({} as PassphraseSlot);
    const key = kek && slot ? open(kek, wrapped, slotAad(header.vaultId, body)) : null;
    if (!key) {
      throw new AppError('WRONG_PASSPHRASE', 'Phrase de passe actuelle incorrecte.', 'current');
    }
    key.fill(0);
  }

  async recover(typedKey: string, accountId: string): Promise<OpenVault> {
    const header = await this.requireHeader();
    const normalized = normalizeRecoveryKey(typedKey);
    const slot = header.slots.find((s): s is RecoverySlot => s.kind === 'recovery');
    let dataKey: Buffer | null = null;
    if (normalized && slot) {
      const { wrapped, ...body } = slot;
      dataKey = open(
        recoveryWrappingKey(normalized, slot.salt),
        wrapped,
        slotAad(header.vaultId, body),
      );
    }
    if (!dataKey) {
      throw new AppError(
        'WRONG_RECOVERY_KEY',
        'Clé de secours incorrecte. Recopiez-la depuis la feuille imprimée (8 groupes de 4 caractères).',
        'recoveryKey',
      );
    }
    return this.openWith(header, dataKey, accountId, true);
  }

  private async openWith(
    header: VaultHeader,
    dataKey: Buffer,
    accountId: string,
    mustChangePassphrase: boolean,
  ): Promise<OpenVault> {
    if (!headerIsAuthentic(dataKey, header)) {
      throw new AppError('VAULT_DAMAGED', DAMAGED_HEADER_MESSAGE);
    }
    const db = openDatabase(this.databasePath, dataKey, { create: false });
    try {
      migrate(db);
      const account = db
        .prepare('SELECT id, label, role FROM accounts WHERE id = ? AND revoked_at IS NULL')
        .get(accountId) as { id: string; label: string; role: Role } | undefined;
      if (!account) {
        throw new AppError('NOT_FOUND', 'Ce compte a été révoqué. Choisissez un autre compte.');
      }
      return new OpenVault(this.dataDir, header, dataKey, db, account, mustChangePassphrase);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  private async requireHeader(): Promise<VaultHeader> {
    const header = await this.header();
    if (!header) {
      throw new AppError(
        'VAULT_MISSING',
        'Aucun coffre dans ce dossier. Créez-en un, ou restaurez une sauvegarde.',
      );
    }
    try {
      await fs.access(this.databasePath);
    } catch {
      throw new AppError(
        'VAULT_DAMAGED',
        'La base du coffre (egide.db) est introuvable. Restaurez la dernière sauvegarde.',
      );
    }
    return header;
  }

  /** A database left by an interrupted creation is kept aside, never deleted silently. */
  private async setAsideOrphanDatabase(): Promise<void> {
    try {
      await fs.access(this.databasePath);
    } catch {
      return;
    }
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    await fs.rename(this.databasePath, `${this.databasePath}.orphan-${stamp}`);
  }

  private async removeDatabaseFiles(): Promise<void> {
    for (const suffix of ['', '-wal', '-shm']) {
      await fs.rm(`${this.databasePath}${suffix}`, { force: true }).catch(() => undefined);
    }
  }
}
