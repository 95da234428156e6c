import type { VaultStatus } from '../../../../shared/api/vault-api';
import { AppError } from '../../../../shared/api/errors';
import type { Practice } from '../../../../shared/domain/accounts';
import { createDemoVault } from '../../demo/demo';
import type { OpenVault } from '../../vault/open-vault';
import type { HandlerMap } from '../handler';
import type { AppHost } from '../host';
import { readSettings, writeSettings } from '../settings';

type VaultMethods =
  | 'vault.status'
  | 'vault.create'
  | 'vault.unlock'
  | 'vault.recover'
  | 'vault.lock'
  | 'vault.openDemo'
  | 'vault.leaveDemo'
  | 'session.touch'
  | 'session.changePassphrase'
  | 'practice.get'
  | 'practice.update'
  | 'accounts.list'
  | 'accounts.add'
  | 'accounts.rename'
  | 'accounts.revoke'
  | 'settings.get'
  | 'settings.update';

export function sessionInfo(vault: OpenVault) {
  return {
    accountId: vault.account.id,
    label: vault.account.label,
    role: vault.account.role,
    mustChangePassphrase: vault.mustChangePassphrase,
  };
}

export async function status(host: AppHost): Promise<VaultStatus> {
  const header = await host.store.header();
  const session = host.session && !host.session.isClosed ? host.session : null;
  const accounts = session
    ? session.listAccounts()
    : (header?.slots ?? []).flatMap((s) =>
        s.kind === 'passphrase'
          ? [{ id: s.accountId, label: s.label, role: s.role, revoked: false }]
          : [],
      );
  return {
    state: !header ? 'absent' : session ? 'unlocked' : 'locked',
    demo: host.demo,
    accounts: accounts.filter((a) => !a.revoked),
    session: session ? sessionInfo(session) : null,
    idleMinutes: host.idleMinutes(),
  };
}

export function readPractice(vault: OpenVault): Practice {
  const row = vault.db.prepare('SELECT data FROM practice WHERE id = 1').get() as
    { data: string } | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'Les coordonnées du cabinet sont introuvables.');
  return JSON.parse(row.data) as Practice;
}

export const vaultHandlers: HandlerMap<VaultMethods> = {
  'vault.status': { access: 'public', run: (_i, { host }) => status(host) },
  'vault.create': {
    access: 'public',
    run: async (input, { host }) => {
      const kdf = host.options.kdf;
      const { vault, recoveryKey } = await host.store.create(input, kdf ? { kdf } : {});
      host.startSession(vault);
      return { recoveryKey, session: sessionInfo(vault) };
    },
  },
  'vault.unlock': {
    access: 'public',
    run: async (input, { host }) => {
      const vault = await host.store.unlock(input.accountId, input.passphrase);
      host.startSession(vault);
      return sessionInfo(vault);
    },
  },
  'vault.recover': {
    access: 'public',
    run: async (input, { host }) => {
      const vault = await host.store.recover(input.recoveryKey, input.accountId);
      host.startSession(vault);
      return sessionInfo(vault);
    },
  },
  'vault.lock': {
    access: 'public',
    run: (_i, { host }) => {
      host.lock('manual');
      return null;
    },
  },
  'vault.openDemo': {
    access: 'public',
    run: async (_i, { host }) => {
      host.useDataDir(host.options.demoDir, true);
      const vault = await createDemoVault(host.store, host.options);
      host.startSession(vault);
      return sessionInfo(vault);
    },
  },
  'vault.leaveDemo': {
    access: 'public',
    run: async (_i, { host }) => {
      host.useDataDir(host.options.dataDir, false);
      return status(host);
    },
  },
  'session.touch': {
    access: 'public',
    run: (_i, { host, now }) => {
      if (!host.session) return { locked: true };
      host.touch(now);
      return { locked: false };
    },
  },
  'session.changePassphrase': {
    access: 'session',
    duringRecovery: true,
    run: async (input, { host, vault }) => {
      if (!vault.mustChangePassphrase) {
        if (!input.current) {
          throw new AppError(
            'INVALID_INPUT',
            'Saisissez votre phrase de passe actuelle.',
            'current',
          );
        }
        await host.store.verifyPassphrase(vault.account.id, input.current);
      }
      await vault.changePassphrase(input.next);
      return sessionInfo(vault);
    },
  },
  'practice.get': { access: 'session', run: (_i, { vault }) => readPractice(vault) },
  'practice.update': {
    access: 'medecin',
    run: (input, { vault, now }) => {
      vault.change({ action: 'practice.update', entity: 'practice' }, (db) =>
        db
          .prepare('UPDATE practice SET data = ?, updated_at = ? WHERE id = 1')
          .run(JSON.stringify(input), now.toISOString()),
      );
      return readPractice(vault);
    },
  },
  'accounts.list': { access: 'session', run: (_i, { vault }) => vault.listAccounts() },
  'accounts.add': {
    access: 'medecin',
    run: (input, { vault }) => vault.addAccount(input.label, input.role, input.passphrase),
  },
  'accounts.rename': {
    access: 'medecin',
    run: (input, { vault }) => vault.renameAccount(input.accountId, input.label),
  },
  'accounts.revoke': {
    access: 'medecin',
    run: (input, { vault }) => vault.revokeAccount(input.accountId),
  },
  'settings.get': { access: 'session', run: (_i, { vault }) => readSettings(vault.db) },
  'settings.update': {
    access: 'medecin',
    run: (input, { vault }) => {
      vault.change(
        { action: 'settings.update', entity: 'settings', details: { keys: Object.keys(input) } },
        (db) => writeSettings(db, input),
      );
      return readSettings(vault.db);
    },
  },
};
