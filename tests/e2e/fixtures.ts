import path from 'node:path';

import { test as base, expect, type Page } from '@playwright/test';

import { startHarness, type Harness } from '../harness/server';
import { DOCTOR_PASS, PRACTICE, TEST_KDF, tempDir } from '../helpers/tmp';

export interface Clock {
  /** Milliseconds added to the real time, as the core sees it. */
  offsetMs: number;
}

/** One folder for every harness log of a run; zz-log-scan.spec.ts reads them all at the end. */
export const E2E_LOG_DIR = path.resolve(import.meta.dirname, '../.tmp/logs');

/** Each test gets its own data folder, its own harness and a clock it can move forward. */
export const test = base.extend<{ harness: Harness; clock: Clock }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their deps as a pattern
  clock: async ({}, use) => {
    await use({ offsetMs: 0 });
  },
  harness: async ({ clock }, use) => {
    const tmp = tempDir('egide-e2e-');
    const harness = await startHarness({
      dataDir: path.join(tmp.dir, 'data'),
      demoDir: path.join(tmp.dir, 'demo'),
      kdf: TEST_KDF,
      now: () => new Date(Date.now() + clock.offsetMs),
      allowLoopbackFeeds: true,
      logFile: path.join(E2E_LOG_DIR, `harness-${process.pid}.log`),
    });
    await use(harness);
    await harness.close();
    tmp.cleanup();
  },
});

export { expect };

/** Creates the vault through the API (the wizard has its own test) and returns its secrets. */
export async function createVaultViaApi(
  harness: Harness,
): Promise<{ recoveryKey: string; doctorId: string }> {
  const result = await harness.host.call('vault.create', {
    practice: PRACTICE,
    accountLabel: 'Dr Jeanne Lefort',
    passphrase: DOCTOR_PASS,
  });
  if (!result.ok) throw new Error(result.error.message);
  const value = result.value as { recoveryKey: string; session: { accountId: string } };
  harness.host.lock('manual');
  return { recoveryKey: value.recoveryKey, doctorId: value.session.accountId };
}

export async function unlockAs(
  page: Page,
  accountLabel: RegExp | string,
  passphrase: string,
): Promise<void> {
  await page.getByText(accountLabel).click();
  await page.getByLabel('Phrase de passe').fill(passphrase);
  await page.getByRole('button', { name: 'Déverrouiller' }).click();
  await expect(page.getByRole('button', { name: 'Verrouiller', exact: true })).toBeVisible();
}
