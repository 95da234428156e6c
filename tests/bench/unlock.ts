import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { calibrate } from '../../electron/core/crypto/kdf';
import { VaultStore } from '../../electron/core/vault/vault';
import { DOCTOR_PASS, PRACTICE } from '../helpers/tmp';
import { median } from './stats';

/** unlock_ms: Argon2id with the calibrated, stored parameters + open the database + first query. */
export async function benchUnlock(): Promise<{
  unlock_ms: number;
  kdf_memory_mib: number;
  kdf_iterations: number;
}> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'egide-bench-unlock-'));
  try {
    const kdf = await calibrate();
    const store = new VaultStore(dir);
    const { vault } = await store.create(
      { practice: PRACTICE, accountLabel: 'Dr Bench', passphrase: DOCTOR_PASS },
      { kdf },
    );
    const accountId = vault.account.id;
    vault.close();

    const times: number[] = [];
    for (let i = 0; i < 9; i += 1) {
      const start = performance.now();
      const opened = await store.unlock(accountId, DOCTOR_PASS);
      opened.db.prepare('SELECT count(*) FROM accounts').get();
      times.push(performance.now() - start);
      opened.close();
    }
    return {
      unlock_ms: median(times),
      kdf_memory_mib: kdf.memoryKiB / 1024,
      kdf_iterations: kdf.iterations,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
