import path from 'node:path';

import { AppHost } from '../../electron/core/app/host';
import { DOCTOR_PASS, PRACTICE, SECRETARY_PASS, TEST_KDF, tempDir } from './tmp';

/** A host on a fresh vault, unlocked as the doctor; `call` throws on an API error. */
export async function hostWithVault() {
  const tmp = tempDir('egide-host-');
  const host = new AppHost({
    dataDir: path.join(tmp.dir, 'data'),
    demoDir: path.join(tmp.dir, 'demo'),
    resourcesDir: path.resolve('resources'),
    kdf: TEST_KDF,
  });
  const call = async <T = unknown>(method: string, input: unknown = {}): Promise<T> => {
    const result = await host.call(method, input);
    if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
    return result.value as T;
  };
  await call('vault.create', {
    practice: PRACTICE,
    accountLabel: 'Dr Lefort',
    passphrase: DOCTOR_PASS,
  });
  return {
    host,
    call,
    dir: tmp.dir,
    cleanup: () => {
      host.dispose();
      tmp.cleanup();
    },
    async addSecretary(): Promise<string> {
      const account = await call<{ id: string }>('accounts.add', {
        label: 'Julie',
        role: 'secretariat',
        passphrase: SECRETARY_PASS,
      });
      return account.id;
    },
  };
}
