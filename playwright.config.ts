import { defineConfig } from '@playwright/test';

const CHROMIUM = process.env.EGIDE_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Two projects: "chromium" drives the built renderer through the test harness (real core, temp
 * vault) in Debian's Chromium; "electron" drives the real app and skips itself, with a printed
 * reason, where the Electron binary is not installed.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  reporter: [['list']],
  use: {
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    trace: 'off',
  },
  projects: [
    {
      name: 'chromium',
      testMatch: /.*\.spec\.ts$/,
      testIgnore: [/electron\/.*/, /zz-log-scan\.spec\.ts$/],
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: CHROMIUM,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
    {
      // Runs after every browser test has written its logs.
      name: 'log-scan',
      testMatch: /zz-log-scan\.spec\.ts$/,
      dependencies: ['chromium'],
    },
    {
      name: 'electron',
      testMatch: /electron\/.*\.spec\.ts$/,
    },
  ],
});
