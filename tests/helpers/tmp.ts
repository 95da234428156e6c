import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import type { KdfParams } from '../../electron/core/crypto/kdf';

/** Cheapest parameters the header accepts: tests stay fast, the format stays real. */
export const TEST_KDF: KdfParams = {
  alg: 'argon2id',
  memoryKiB: 64 * 1024,
  iterations: 1,
  parallelism: 1,
  salt: 'AAAAAAAAAAAAAAAAAAAAAA==',
};

export function tempDir(prefix = 'egide-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export const PRACTICE = {
  name: 'Cabinet du Parc',
  address: '3 rue du Parc\n75011 Paris',
  city: 'Paris',
  phone: '01 23 45 67 89',
  email: 'contact@cabinet-parc.example',
  doctorName: 'Dr Jeanne Lefort',
  rpps: '10101010101',
};

export const DOCTOR_PASS = 'glacier velours septembre quinze';
export const SECRETARY_PASS = 'boussole ardoise marelle neuf';
