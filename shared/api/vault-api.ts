import { z } from 'zod';

import type { AccountSummary, Practice, Role } from '../domain/accounts';
import { ROLES } from '../domain/accounts';
import { method } from './define';
import { email, id, passphrase, phone, requiredText, rpps } from './fields';

export const practiceSchema = z.object({
  name: requiredText('Nom du cabinet', 200),
  address: requiredText('Adresse du cabinet', 500),
  city: requiredText('Ville', 120),
  phone: phone('Téléphone'),
  email: email('E-mail'),
  doctorName: requiredText('Nom du médecin', 200),
  rpps,
});

export interface SessionInfo {
  accountId: string;
  label: string;
  role: Role;
  /** Set after unlocking with the recovery key until a new passphrase is chosen. */
  mustChangePassphrase: boolean;
}

export interface VaultStatus {
  state: 'absent' | 'locked' | 'unlocked';
  demo: boolean;
  accounts: AccountSummary[];
  session: SessionInfo | null;
  idleMinutes: number;
}

export interface CreatedVault {
  /** Shown once: groups of characters separated by dashes. */
  recoveryKey: string;
  session: SessionInfo;
}

const roleSchema = z.enum(ROLES, { error: 'Rôle inconnu : médecin ou secrétariat.' });

export const vaultApi = {
  'vault.status': method<VaultStatus>()(z.object({})),
  'vault.create': method<CreatedVault>()(
    z.object({
      practice: practiceSchema,
      accountLabel: requiredText('Nom du compte', 80),
      passphrase,
    }),
  ),
  'vault.unlock': method<SessionInfo>()(z.object({ accountId: id, passphrase })),
  'vault.recover': method<SessionInfo>()(
    z.object({ recoveryKey: requiredText('Clé de secours', 200), accountId: id }),
  ),
  'vault.lock': method<null>()(z.object({})),
  'vault.openDemo': method<SessionInfo>()(z.object({})),
  'vault.leaveDemo': method<VaultStatus>()(z.object({})),
  'session.touch': method<{ locked: boolean }>()(z.object({})),
  'session.changePassphrase': method<SessionInfo>()(
    z.object({ current: passphrase.optional(), next: passphrase }),
  ),
  'practice.get': method<Practice>()(z.object({})),
  'practice.update': method<Practice>()(practiceSchema),
  'accounts.list': method<AccountSummary[]>()(z.object({})),
  'accounts.add': method<AccountSummary>()(
    z.object({ label: requiredText('Nom du compte', 80), role: roleSchema, passphrase }),
  ),
  'accounts.rename': method<AccountSummary>()(
    z.object({ accountId: id, label: requiredText('Nom du compte', 80) }),
  ),
  'accounts.revoke': method<AccountSummary>()(z.object({ accountId: id })),
  'settings.get': method<AppSettings>()(z.object({})),
  'settings.update': method<AppSettings>()(
    z.object({
      idleMinutes: z
        .number()
        .int()
        .min(1, { error: 'Délai de verrouillage : 1 minute au moins.' })
        .max(120, { error: 'Délai de verrouillage : 120 minutes au plus.' })
        .optional(),
      maxPieceMiB: z
        .number()
        .int()
        .min(1, { error: 'Taille maximale : 1 Mio au moins.' })
        .max(2048, { error: 'Taille maximale : 2048 Mio au plus.' })
        .optional(),
      retentionYears: z
        .number()
        .int()
        .min(1, { error: 'Durée de conservation : 1 an au moins.' })
        .max(30, { error: 'Durée de conservation : 30 ans au plus.' })
        .optional(),
    }),
  ),
};

export interface AppSettings {
  idleMinutes: number;
  maxPieceMiB: number;
  retentionYears: number;
}
