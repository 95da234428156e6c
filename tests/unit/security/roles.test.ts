import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { METHOD_NAMES, type MethodName } from '../../../shared/api/contract';
import { handlers } from '../../../electron/core/app/registry';
import { hostWithVault } from '../../helpers/host';
import { DOCTOR_PASS, SECRETARY_PASS } from '../../helpers/tmp';
import type { TestHost } from './helpers';

/**
 * What only the doctor may do (CNIL: access profiles). Changing this list is a decision: the
 * secretary manages case files, pièces, letters, correspondence and exports; the doctor manages
 * accounts, the cabinet and its settings, validates letters, chooses where backups go and
 * deletes a case file at the end of its retention.
 */
const DOCTOR_ONLY = [
  'accounts.add',
  'accounts.rename',
  'accounts.revoke',
  'practice.update',
  'settings.update',
  'backup.configure',
  'cases.purge',
] as const;

/** Doctor-only as soon as the method exists in the contract. */
const DOCTOR_ONLY_WHEN_PRESENT = ['letters.validate'] as const;

/**
 * Public on purpose: the lock screen has no session. backup.restore then demands a doctor's
 * passphrase from the backup's own vault.json, or the recovery key (tested below).
 */
const PUBLIC = [
  'vault.status',
  'vault.create',
  'vault.unlock',
  'vault.recover',
  'vault.lock',
  'vault.openDemo',
  'vault.leaveDemo',
  'session.touch',
  'backup.status',
  'backup.inspect',
  'backup.restore',
] as const;

const expectedDoctorOnly = (): string[] =>
  [
    ...DOCTOR_ONLY,
    ...DOCTOR_ONLY_WHEN_PRESENT.filter((m) => (METHOD_NAMES as string[]).includes(m)),
  ].sort();

const byAccess = (access: string): MethodName[] =>
  METHOD_NAMES.filter((m) => handlers[m].access === access).sort();

let ctx: TestHost;
let doctor: string;
let secretary: string;

beforeAll(async () => {
  ctx = await hostWithVault();
  doctor = ctx.host.session!.account.id;
  secretary = await ctx.addSecretary();
});
afterAll(() => ctx.cleanup());

describe('access profiles', () => {
  it('reserves exactly the expected methods to the doctor', () => {
    expect(byAccess('medecin')).toEqual(expectedDoctorOnly());
  });

  it('opens exactly the expected methods without a session', () => {
    expect(byAccess('public')).toEqual([...PUBLIC].sort());
  });

  it('gives every method a handler with a known access', () => {
    for (const m of METHOD_NAMES) {
      expect(['public', 'session', 'medecin'], m).toContain(handlers[m].access);
    }
  });

  it('refuses every doctor-only method to a secretary session, naming the doctor', async () => {
    await ctx.call('vault.unlock', { accountId: secretary, passphrase: SECRETARY_PASS });
    for (const m of byAccess('medecin')) {
      // Whatever the input: the refusal comes before the input is even read.
      for (const input of [{}, { caseId: '00000000-0000-4000-8000-000000000000' }]) {
        const result = await ctx.host.call(m, input);
        expect(result, m).toMatchObject({
          ok: false,
          error: { code: 'FORBIDDEN', message: expect.stringMatching(/réservée au médecin/) },
        });
      }
    }
    expect(ctx.host.session?.account.role).toBe('secretariat');
  });

  it('never refuses a session method to the secretary for her role', async () => {
    await ctx.call('vault.unlock', { accountId: secretary, passphrase: SECRETARY_PASS });
    for (const m of byAccess('session')) {
      const result = await ctx.host.call(m, {});
      if (!result.ok) expect(result.error.code, m).not.toBe('FORBIDDEN');
      // Still the secretary's session: no method above locked or switched it.
      expect(ctx.host.session?.account.id, m).toBe(secretary);
    }
  });

  it('lets the doctor through the same doctor-only methods (refused later for the input only)', async () => {
    await ctx.call('vault.unlock', { accountId: doctor, passphrase: DOCTOR_PASS });
    for (const m of byAccess('medecin')) {
      const result = await ctx.host.call(m, {});
      if (!result.ok) expect(result.error.code, m).not.toBe('FORBIDDEN');
    }
  });

  it('asks a locked vault to be unlocked before any session method', async () => {
    ctx.host.lock('manual');
    for (const m of [...byAccess('session'), ...byAccess('medecin')]) {
      const result = await ctx.host.call(m, {});
      expect(result, m).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } });
    }
  });
});
