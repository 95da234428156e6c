import type { Practice } from '../../../shared/domain/accounts';
import type { KdfParams } from '../crypto/kdf';
import type { OpenVault } from '../vault/open-vault';
import type { VaultStore } from '../vault/vault';
import { seedDemoData } from './seed';

/** Published in the README: the demo vault holds invented data only. */
export const DEMO_ACCOUNTS = {
  medecin: { label: 'Dr Claire Moreau', passphrase: 'violette horizon quatorze démo' },
  secretariat: { label: 'Secrétariat (Julie)', passphrase: 'pivoine tramway onze démo' },
} as const;

export const DEMO_PRACTICE: Practice = {
  name: 'Cabinet médical des Tilleuls',
  address: '12 avenue des Tilleuls\n69003 Lyon',
  city: 'Lyon',
  phone: '04 78 00 00 00',
  email: 'secretariat@cabinet-tilleuls.example',
  doctorName: 'Dr Claire Moreau',
  rpps: '10000000000',
};

/** Opens the demo vault as the doctor, creating and filling it on first use. */
export async function createDemoVault(
  store: VaultStore,
  options: { kdf?: KdfParams; now?: () => Date },
): Promise<OpenVault> {
  const header = await store.header();
  if (header) {
    const doctor = header.slots.find((s) => s.kind === 'passphrase' && s.role === 'medecin');
    if (doctor && doctor.kind === 'passphrase') {
      return store.unlock(doctor.accountId, DEMO_ACCOUNTS.medecin.passphrase);
    }
  }
  const now = options.now?.() ?? new Date();
  const { vault } = await store.create(
    {
      practice: DEMO_PRACTICE,
      accountLabel: DEMO_ACCOUNTS.medecin.label,
      passphrase: DEMO_ACCOUNTS.medecin.passphrase,
    },
    options.kdf ? { kdf: options.kdf, now } : { now },
  );
  await vault.addAccount(
    DEMO_ACCOUNTS.secretariat.label,
    'secretariat',
    DEMO_ACCOUNTS.secretariat.passphrase,
  );
  await seedDemoData(vault, now);
  return vault;
}
