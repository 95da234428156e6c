import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';

import { DOCTOR_PASS } from '../../helpers/tmp';

/**
 * Drives the real Electron app. Where the Electron binary is not installed (this project's CI
 * cannot download it), every test here is skipped with the reason printed.
 */
function electronBinary(): string | null {
  // Read electron's path.txt instead of require('electron'), which would try to download.
  try {
    // With an override, electron resolves the binary itself and downloads nothing.
    if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
      return createRequire(import.meta.url)('electron') as string;
    }
    const pkgDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const pathFile = path.join(pkgDir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const bin = path.join(pkgDir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
const mainEntry = path.resolve('out/main/index.js');
const skipReason = !binary
  ? 'Electron binary not installed here (it cannot be downloaded on this machine): Electron e2e skipped.'
  : !existsSync(mainEntry)
    ? 'out/main/index.js is missing: run "npm run build" first.'
    : null;

test.beforeAll(() => {
  if (skipReason) console.log(`[electron] ${skipReason}`);
});

let app: ElectronApplication;
let dataDir: string;

test.beforeEach(async () => {
  test.skip(skipReason !== null, skipReason ?? '');
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'egide-electron-'));
  app = await electron.launch({
    executablePath: binary!,
    args: [mainEntry],
    env: { ...process.env, EGIDE_DATA_DIR: dataDir, EGIDE_TEST_ALLOW_LOOPBACK_CAPTURE: '1' },
  });
});

test.afterEach(async () => {
  if (skipReason) return;
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
});

test('the window is locked down as policy.ts says', async () => {
  const window = await app.firstWindow();
  await expect(window.getByRole('heading', { name: 'Bienvenue dans Égide' })).toBeVisible();
  expect(window.url()).toBe('app://egide/index.html');

  const prefs = await app.evaluate(({ BrowserWindow }) => {
    const w = BrowserWindow.getAllWindows()[0]!;
    return (
      w.webContents as unknown as { getLastWebPreferences: () => Record<string, unknown> }
    ).getLastWebPreferences();
  });
  expect(prefs).toMatchObject({
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    webSecurity: true,
  });

  // Only the typed API is exposed: no require, no process, no ipcRenderer.
  const globals = await window.evaluate(() => ({
    egide: typeof (window as unknown as { egide?: unknown }).egide,
    require: typeof (window as unknown as { require?: unknown }).require,
    process: typeof (window as unknown as { process?: unknown }).process,
  }));
  expect(globals).toEqual({ egide: 'object', require: 'undefined', process: 'undefined' });

  // New windows are denied.
  await window.evaluate(() => globalThis.open('https://www.cnil.fr/'));
  expect(app.windows()).toHaveLength(1);
});

test('first run through the demo, then lock and unlock', async () => {
  const window = await app.firstWindow();
  await window.getByRole('button', { name: "Essayer avec des données d'exemple" }).click();
  await expect(window.getByRole('button', { name: 'Verrouiller', exact: true })).toBeVisible({
    timeout: 30_000,
  });
  await window.getByRole('button', { name: 'Verrouiller', exact: true }).click();
  await expect(window.getByRole('heading', { name: 'Égide est verrouillé' })).toBeVisible();
  await window.getByLabel('Phrase de passe').fill(DOCTOR_PASS);
  await window.getByRole('button', { name: 'Déverrouiller' }).click();
  await expect(window.getByText(/Phrase de passe incorrecte/)).toBeVisible();
});

test('captures a page in the separate window as two pièces', async () => {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<title>Avis de test</title><h1>Un avis</h1>${'<p>ligne</p>'.repeat(200)}`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const pageUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/avis`;
  try {
    const window = await app.firstWindow();
    await window.getByRole('button', { name: "Essayer avec des données d'exemple" }).click();
    await window.getByRole('link', { name: 'Dossiers' }).click();
    await window.getByText('Avis sur le temps d’attente').click();
    await window.getByRole('tab', { name: /Pièces/ }).click();
    await window.getByRole('button', { name: 'Capturer une page' }).click();
    await window.getByLabel('Adresse de la page').fill(pageUrl);
    const opened = app.waitForEvent('window');
    await window.getByRole('button', { name: 'Ouvrir la page' }).click();
    const captureWindow = await opened;
    await captureWindow.waitForLoadState();
    // The capture window has no bridge to the vault.
    expect(
      await captureWindow.evaluate(() => typeof (globalThis as { egide?: unknown }).egide),
    ).toBe('undefined');
    await window.getByRole('button', { name: 'Capturer maintenant' }).click();
    await expect(window.getByText(/2 pièces ajoutées/)).toBeVisible({ timeout: 30_000 });
  } finally {
    server.close();
  }
});
