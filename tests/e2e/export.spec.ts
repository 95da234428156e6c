import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { demoPdf, demoPng } from '../../electron/core/demo/demo-files';
import type { Harness } from '../harness/server';
import { DOCTOR_PASS, tempDir } from '../helpers/tmp';
import { createVaultViaApi, expect, test, unlockAs } from './fixtures';

async function call<T>(harness: Harness, method: string, input: unknown): Promise<T> {
  const result = await harness.host.call(method, input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

/** A case file with two pièces, seeded through the core once the page has unlocked the vault. */
async function seedCase(harness: Harness): Promise<string> {
  const created = await call<{ id: string }>(harness, 'cases.create', {
    kind: 'review',
    title: 'Avis injurieux à exporter',
    url: 'https://www.exemple-avis.fr/avis/1',
    firstPosted: '2026-01-10',
    verbatim: 'Un vrai boucher, à éviter.',
  });
  const files = [
    { name: 'capture.png', base64: demoPng(240, 160, 1).toString('base64') },
    { name: 'archive.pdf', base64: demoPdf(['Archive']).toString('base64') },
  ];
  for (const f of files) {
    await call(harness, 'pieces.import', {
      caseId: created.id,
      source: { kind: 'bytes', ...f },
    });
  }
  return created.id;
}

test('exports the case file to a typed folder, with a progress bar and a summary', async ({
  page,
  harness,
}) => {
  const tmp = tempDir('egide-e2e-export-');
  try {
    const dest = path.join(tmp.dir, 'pour-avocat');
    mkdirSync(dest);
    await createVaultViaApi(harness);
    await page.goto(harness.url);
    await unlockAs(page, /Dr Jeanne Lefort/, DOCTOR_PASS);
    const caseId = await seedCase(harness);

    await page.evaluate((h) => (window.location.hash = h), `#/dossiers/${caseId}`);
    await expect(page.getByRole('heading', { name: 'Avis injurieux à exporter' })).toBeVisible();
    await page.getByRole('tab', { name: 'Export avocat' }).click();

    await page.getByRole('radio', { name: 'Dossier', exact: true }).check();
    await expect(page.getByText('Export non chiffré')).toBeVisible();
    // The harness has no system picker: the path is typed.
    await expect(page.getByRole('button', { name: 'Choisir…' })).toHaveCount(0);
    await page.getByLabel('Dossier de destination').fill(dest);
    await page.getByRole('button', { name: 'Exporter le dossier' }).click();

    const bar = page.getByRole('progressbar');
    await expect(bar).toHaveAttribute('aria-valuenow', '100');
    await expect(page.getByText('100 %')).toBeVisible();
    await expect(page.getByText('Export terminé')).toBeVisible();
    const shown = (await page.getByTestId('export-path').textContent())?.trim() ?? '';
    expect(path.dirname(shown)).toBe(dest);
    expect(existsSync(path.join(shown, 'SHA256SUMS'))).toBe(true);
    expect(readFileSync(path.join(shown, 'SHA256SUMS'), 'utf8')).toContain('Pièces/Pièce 01 - ');
    expect(readdirSync(dest)).toHaveLength(1);

    // The hand-over is now part of the case file's history.
    await page.getByRole('tab', { name: 'Chronologie' }).click();
    await expect(page.getByText(/Dossier exporté pour l’avocat/)).toBeVisible();
  } finally {
    tmp.cleanup();
  }
});

test('shows the protected archive’s password once, and a refused destination in the form', async ({
  page,
  harness,
}) => {
  const tmp = tempDir('egide-e2e-export-');
  try {
    await createVaultViaApi(harness);
    await page.goto(harness.url);
    await unlockAs(page, /Dr Jeanne Lefort/, DOCTOR_PASS);
    const caseId = await seedCase(harness);
    await page.evaluate((h) => (window.location.hash = h), `#/dossiers/${caseId}`);
    await page.getByRole('tab', { name: 'Export avocat' }).click();

    await page.getByLabel('Dossier de destination').fill(path.join(tmp.dir, 'absent'));
    await page.getByRole('button', { name: 'Exporter le dossier' }).click();
    await expect(page.getByText(/n’existe pas/)).toBeVisible();

    await page.getByLabel('Dossier de destination').fill(tmp.dir);
    await page.getByRole('button', { name: 'Exporter le dossier' }).click();
    await expect(page.getByText('Export terminé')).toBeVisible();
    const password = (await page.getByTestId('export-password').textContent()) ?? '';
    expect(password).toMatch(/^([A-Za-z2-9]{4}-){5}[A-Za-z2-9]{4}$/);
    await expect(page.getByText(/par un autre moyen que l’archive/)).toBeVisible();
    const zip = (await page.getByTestId('export-path').textContent())?.trim() ?? '';
    expect(zip.endsWith('.zip')).toBe(true);
    expect(existsSync(zip)).toBe(true);
  } finally {
    tmp.cleanup();
  }
});
