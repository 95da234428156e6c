import { mkdirSync } from 'node:fs';
import path from 'node:path';

import type { Page } from '@playwright/test';

import { CONTENT_SECURITY_POLICY } from '../../electron/main/policy';
import { jobsOf } from '../../electron/core/app/jobs';
import { startHarness, type Harness } from '../harness/server';
import { DOCTOR_PASS, TEST_KDF, tempDir } from '../helpers/tmp';
import { createVaultViaApi, E2E_LOG_DIR, expect, test, unlockAs } from './fixtures';

async function call<T>(harness: Harness, method: string, input: unknown = {}): Promise<T> {
  const result = await harness.host.call(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as T;
}

async function openCase(page: Page, id: string, title: string): Promise<void> {
  await page.evaluate((h) => (window.location.hash = h), `#/dossiers/${id}`);
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
}

test('the CSP blocks an injected inline script, eval and an outbound fetch in Chromium', async ({
  page,
  harness,
}) => {
  const response = await page.goto(harness.url);
  expect(response?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  await expect(page.getByRole('heading', { name: 'Bienvenue dans Égide' })).toBeVisible();

  const outcome = await page.evaluate(async () => {
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      violations.push(e.effectiveDirective),
    );
    const w = window as unknown as { __injected?: boolean };
    const script = document.createElement('script');
    script.textContent = 'window.__injected = true;';
    document.head.appendChild(script);

    // Code run by page.evaluate itself escapes the CSP (DevTools runs it); code run later, from
    // a task of the page, does not: the eval is tried there.
    const evalRefused = await new Promise<boolean>((resolve) =>
      setTimeout(() => {
        try {
          (0, eval)('window.__evaluated = true');
          resolve(false);
        } catch (error) {
          resolve(error instanceof EvalError);
        }
      }, 0),
    );
    let fetchRefused = false;
    try {
      await fetch('https://example.org/', { mode: 'no-cors' });
    } catch {
      fetchRefused = true;
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    const evaluated = (window as unknown as { __evaluated?: boolean }).__evaluated === true;
    return { injected: w.__injected === true, evaluated, evalRefused, fetchRefused, violations };
  });

  expect(outcome, JSON.stringify(outcome)).toMatchObject({ injected: false, evaluated: false });
  expect(outcome.evalRefused).toBe(true);
  expect(outcome.fetchRefused).toBe(true);
  // The refusals come from the policy, not from a missing network.
  expect(outcome.violations).toEqual(
    expect.arrayContaining(['script-src-elem', 'script-src', 'connect-src']),
  );
});

test('backup from Settings with its progress, journal check, case history and retention', async ({
  page,
  harness,
}) => {
  const { doctorId } = await createVaultViaApi(harness);
  await page.goto(harness.url);
  await unlockAs(page, /Dr Jeanne Lefort/, DOCTOR_PASS);
  expect(harness.host.session?.account.id).toBe(doctorId);
  const created = await call<{ id: string }>(harness, 'cases.create', {
    kind: 'review',
    title: 'Avis à sauvegarder',
    verbatim: 'Un avis.',
  });

  const usb = path.join(path.dirname(harness.host.options.dataDir), 'usb');
  mkdirSync(usb);
  await page.getByRole('link', { name: 'Paramètres' }).click();
  await page.getByRole('tab', { name: 'Sauvegardes' }).click();
  await page.getByLabel('Dossier des sauvegardes').fill('relatif/dossier');
  await page.getByRole('button', { name: 'Enregistrer les réglages de sauvegarde' }).click();
  await expect(page.getByText(/Indiquez le chemin complet/)).toBeVisible();
  await page.getByLabel('Dossier des sauvegardes').fill(usb);
  await page.getByLabel('Nombre de sauvegardes gardées').fill('3');
  await page.getByRole('button', { name: 'Enregistrer les réglages de sauvegarde' }).click();
  await expect(page.getByText(/Aucune sauvegarde de ce coffre/)).toBeVisible();

  await page.getByRole('button', { name: 'Sauvegarder maintenant' }).click();
  const bar = page.getByRole('progressbar', { name: 'Progression de la sauvegarde' });
  await expect(bar).toBeVisible();
  await expect(bar).toHaveAttribute('aria-valuenow', '100');
  await expect(page.getByText('Sauvegarde terminée', { exact: true })).toBeVisible();
  await expect(page.getByTestId('backup-list').getByRole('listitem')).toHaveCount(1);

  await page.getByRole('tab', { name: 'Journal' }).click();
  await page.getByRole('button', { name: 'Vérifier l’intégrité' }).click();
  await expect(page.getByTestId('journal-check')).toContainText('Journal intact');
  const journal = page.getByTestId('journal-table');
  await expect(journal.getByText('Sauvegarde lancée')).toBeVisible();
  await expect(journal.getByText('Dossier ouvert')).toBeVisible();

  await call(harness, 'cases.setStatus', {
    caseId: created.id,
    status: 'clos',
    outcome: 'abandon',
    outcomeNote: '',
  });
  await openCase(page, created.id, 'Avis à sauvegarder');
  await expect(page.getByTestId('case-retention')).toContainText('À conserver jusqu’au');
  await expect(page.getByRole('button', { name: 'Supprimer définitivement…' })).toHaveCount(0);
  await page.getByRole('tab', { name: 'Historique' }).click();
  const history = page.getByTestId('journal-table');
  await expect(history.getByText('Dossier ouvert')).toBeVisible();
  await expect(history.getByText('Statut du dossier modifié')).toBeVisible();
  await expect(history.getByText('Sauvegarde lancée')).toHaveCount(0);
});

test('restore into a fresh data folder from the first screen, unlock, find the case', async ({
  page,
  harness,
}) => {
  const { doctorId } = await createVaultViaApi(harness);
  await call(harness, 'vault.unlock', { accountId: doctorId, passphrase: DOCTOR_PASS });
  await call(harness, 'cases.create', { kind: 'other', title: 'Dossier restauré' });
  const usb = path.join(path.dirname(harness.host.options.dataDir), 'usb');
  mkdirSync(usb);
  await call(harness, 'backup.configure', { folder: usb, keep: 3, daily: false });
  const { jobId } = await call<{ jobId: string }>(harness, 'backup.run');
  const job = await jobsOf(harness.host).wait(jobId);
  const backupPath = (job.result as { path: string }).path;
  harness.host.lock('manual');

  const tmp = tempDir('egide-e2e-restore-');
  const fresh = await startHarness({
    dataDir: path.join(tmp.dir, 'data'),
    kdf: TEST_KDF,
    logFile: path.join(E2E_LOG_DIR, `harness-${process.pid}.log`),
  });
  try {
    await page.goto(fresh.url);
    await expect(page.getByRole('heading', { name: 'Bienvenue dans Égide' })).toBeVisible();
    await page.getByRole('button', { name: 'Restaurer une sauvegarde' }).click();
    await page.getByLabel('Dossier de la sauvegarde').fill(path.join(usb, 'absent'));
    await page.getByRole('button', { name: 'Examiner la sauvegarde' }).click();
    await expect(page.getByText(/pas une sauvegarde Égide complète/)).toBeVisible();
    await page.getByLabel('Dossier de la sauvegarde').fill(backupPath);
    await page.getByRole('button', { name: 'Examiner la sauvegarde' }).click();
    await expect(page.getByText('Sauvegarde trouvée')).toBeVisible();

    await page.getByLabel('Phrase de passe du médecin').fill('ce n’est pas la bonne phrase');
    await page.getByRole('button', { name: 'Restaurer', exact: true }).click();
    await expect(page.getByText(/Phrase de passe incorrecte/)).toBeVisible();
    await page.getByLabel('Phrase de passe du médecin').fill(DOCTOR_PASS);
    await page.getByRole('button', { name: 'Restaurer', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Sauvegarde restaurée' })).toBeVisible();
    await expect(page.getByText(/contrôle d’intégrité de la base : ok/)).toBeVisible();
    await page.getByRole('button', { name: 'Continuer' }).click();

    await expect(page.getByRole('heading', { name: 'Égide est verrouillé' })).toBeVisible();
    await unlockAs(page, /Dr Jeanne Lefort/, DOCTOR_PASS);
    await page.getByRole('link', { name: 'Dossiers' }).click();
    await expect(page.getByTestId('cases-table')).toContainText('Dossier restauré');
  } finally {
    await fresh.close();
    tmp.cleanup();
  }
});
