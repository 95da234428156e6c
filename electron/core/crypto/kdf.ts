import { argon2id } from 'hash-wasm';
import { randomBytes } from 'node:crypto';

/** Argon2id parameters, stored in each slot so that a later calibration never locks anyone out. */
export interface KdfParams {
  alg: 'argon2id';
  memoryKiB: number;
  iterations: number;
  parallelism: number;
  /** base64 */
  salt: string;
}

/** CNIL-grade floor: at least 64 MiB of memory, whatever the machine. */
export const MIN_MEMORY_KIB = 64 * 1024;
export const MAX_ITERATIONS = 10;

export async function deriveKey(passphrase: string, params: KdfParams): Promise<Buffer> {
  const hash = await argon2id({
    password: passphrase.normalize('NFC'),
    salt: Buffer.from(params.salt, 'base64'),
    parallelism: params.parallelism,
    iterations: params.iterations,
    memorySize: params.memoryKiB,
    hashLength: 32,
    outputType: 'binary',
  });
  return Buffer.from(hash);
}

export function newSalt(): string {
  return randomBytes(16).toString('base64');
}

/**
 * Pick the number of passes that keeps one derivation near `targetMs` on this machine, with the
 * memory floor fixed. Unlocking then costs about `targetMs`, well under the 500 ms budget.
 */
export async function calibrate(targetMs = 250, memoryKiB = MIN_MEMORY_KIB): Promise<KdfParams> {
  const probe: KdfParams = {
    alg: 'argon2id',
    memoryKiB,
    iterations: 1,
    parallelism: 1,
    salt: newSalt(),
  };
  // The first call compiles the WebAssembly module; time the second one.
  await deriveKey('calibration', probe);
  const start = performance.now();
  await deriveKey('calibration', probe);
  const onePass = Math.max(1, performance.now() - start);

  const iterations = Math.min(MAX_ITERATIONS, Math.max(2, Math.floor(targetMs / onePass)));
  return { ...probe, iterations, salt: newSalt() };
}

export function freshParams(base: KdfParams): KdfParams {
  return { ...base, salt: newSalt() };
}
