import { AppError } from '../../../shared/api/errors';
import type { AccountSummary, Role } from '../../../shared/domain/accounts';
import type { KdfParams } from '../crypto/kdf';
import { newSalt } from '../crypto/kdf';
import { appendJournal, type JournalInput } from '../db/journal';
import type { Db } from '../db/open';
import { newId, signHeader, writeHeader, type PassphraseSlot, type VaultHeader } from './header';
import { requireStrong, wrapForPassphrase } from './slots';

export interface SessionAccount {
  id: string;
  label: string;
  role: Role;
}

/**
 * An unlocked vault: the database handle, the data key and the account that opened it. Closing
 * it drops the key from memory (the buffer is zeroed, not just released).
 */
export class OpenVault {
  private closed = false;

  constructor(
    readonly dataDir: string,
    private header: VaultHeader,
    private readonly dataKey: Buffer,
    readonly db: Db,
    readonly account: SessionAccount,
    public mustChangePassphrase: boolean,
  ) {}

  get vaultId(): string {
    return this.header.vaultId;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Runs `fn` in a transaction with its journal entry; either both are written or neither. */
  change<T>(entry: Omit<JournalInput, 'accountId'>, fn: (db: Db) => T, now = new Date()): T {
    return this.db.transaction(() => {
      const result = fn(this.db);
      appendJournal(this.db, { ...entry, accountId: this.account.id }, now);
      return result;
    })();
  }

  /** Per-purpose key material derived from the data key (for example, pièce key wrapping). */
  keyFor(derive: (dataKey: Buffer) => Buffer): Buffer {
    this.assertOpen();
    return derive(this.dataKey);
  }

  listAccounts(): AccountSummary[] {
    const rows = this.db
      .prepare('SELECT id, label, role, revoked_at FROM accounts ORDER BY created_at')
      .all() as Array<{ id: string; label: string; role: Role; revoked_at: string | null }>;
    return rows.map((r) => ({
      id: r.id,
      label: r.label,
      role: r.role,
      revoked: r.revoked_at !== null,
    }));
  }

  async addAccount(label: string, role: Role, passphrase: string): Promise<AccountSummary> {
    requireStrong(passphrase, [label]);
    const account = { id: newId(), label, role };
    const slot = await wrapForPassphrase(
      this.vaultId,
      this.dataKey,
      passphrase,
      this.kdfDefaults(),
      account,
    );
    await this.saveSlots([...this.header.slots, slot], () =>
      this.change(
        { action: 'account.add', entity: 'account', entityId: account.id, details: { role } },
        (db) =>
          db
            .prepare('INSERT INTO accounts (id, label, role, created_at) VALUES (?, ?, ?, ?)')
            .run(account.id, label, role, new Date().toISOString()),
      ),
    );
    return { ...account, revoked: false };
  }

  async renameAccount(accountId: string, label: string): Promise<AccountSummary> {
    const target = this.requireAccount(accountId);
    const slots = this.header.slots.map((s) =>
      s.kind === 'passphrase' && s.accountId === accountId ? { ...s, label } : s,
    );
    await this.saveSlots(slots, () =>
      this.change({ action: 'account.rename', entity: 'account', entityId: accountId }, (db) =>
        db.prepare('UPDATE accounts SET label = ? WHERE id = ?').run(label, accountId),
      ),
    );
    return { ...target, label };
  }

  async revokeAccount(accountId: string): Promise<AccountSummary> {
    const target = this.requireAccount(accountId);
    if (accountId === this.account.id) {
      throw new AppError(
        'CONFLICT',
        'Vous ne pouvez pas révoquer le compte avec lequel vous êtes connecté.',
      );
    }
    const doctors = this.listAccounts().filter((a) => a.role === 'medecin' && !a.revoked);
    if (target.role === 'medecin' && doctors.length <= 1) {
      throw new AppError('CONFLICT', 'Le coffre doit garder au moins un compte médecin actif.');
    }
    const slots = this.header.slots.filter(
      (s) => !(s.kind === 'passphrase' && s.accountId === accountId),
    );
    await this.saveSlots(slots, () =>
      this.change({ action: 'account.revoke', entity: 'account', entityId: accountId }, (db) =>
        db
          .prepare('UPDATE accounts SET revoked_at = ? WHERE id = ?')
          .run(new Date().toISOString(), accountId),
      ),
    );
    return { ...target, revoked: true };
  }

  /** Rewraps this account's slot only: the database and its key do not change. */
  async changePassphrase(next: string): Promise<void> {
    requireStrong(next, [this.account.label]);
    const existing = this.header.slots.find(
      (s): s is PassphraseSlot => s.kind === 'passphrase' && s.accountId === this.account.id,
    );
    const slot = await wrapForPassphrase(
      this.vaultId,
      this.dataKey,
      next,
      this.kdfDefaults(),
      this.account,
      existing?.id ?? newId(),
    );
    const slots = existing
      ? this.header.slots.map((s) => (s === existing ? slot : s))
      : [...this.header.slots, slot];
    await this.saveSlots(slots, () =>
      this.change(
        { action: 'account.passphrase', entity: 'account', entityId: this.account.id },
        () => null,
      ),
    );
    this.mustChangePassphrase = false;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      this.db.close();
    } finally {
      this.dataKey.fill(0);
    }
  }

  private kdfDefaults(): KdfParams {
    return { ...this.header.kdf, salt: newSalt() };
  }

  private requireAccount(accountId: string): AccountSummary {
    const found = this.listAccounts().find((a) => a.id === accountId && !a.revoked);
    if (!found) throw new AppError('NOT_FOUND', 'Compte introuvable ou déjà révoqué.');
    return found;
  }

  /** Header first (atomic file), then the database row: a failure leaves the old header intact. */
  private async saveSlots(slots: VaultHeader['slots'], commit: () => unknown): Promise<void> {
    this.assertOpen();
    const { mac: _mac, ...rest } = this.header;
    const next = signHeader(this.dataKey, { ...rest, slots });
    await writeHeader(this.dataDir, next);
    this.header = next;
    commit();
  }

  private assertOpen(): void {
    if (this.closed)
      throw new AppError('VAULT_LOCKED', 'Le coffre est verrouillé. Déverrouillez-le.');
  }
}
