import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

import { DEMO_ACCOUNTS, DEMO_PRACTICE } from '../../electron/core/demo/demo';
import { DOCTOR_PASS, PRACTICE, SECRETARY_PASS } from '../helpers/tmp';
import { E2E_LOG_DIR, expect, test } from './fixtures';

/**
 * Runs last (the name sorts last): every harness of the run wrote its log lines to one folder,
 * and none of them may hold a passphrase, a name or the words of a review.
 * Limitation: with two Playwright workers, the other worker may still be finishing its last
 * file while this one scans; a teardown project in playwright.config.ts would close that gap.
 */
test.describe.configure({ mode: 'serial' });

const FIXED_NEEDLES = [
  DOCTOR_PASS,
  SECRETARY_PASS,
  DEMO_ACCOUNTS.medecin.passphrase,
  DEMO_ACCOUNTS.secretariat.passphrase,
  DEMO_ACCOUNTS.medecin.label,
  DEMO_ACCOUNTS.secretariat.label,
  DEMO_PRACTICE.email,
  DEMO_PRACTICE.phone,
  PRACTICE.doctorName,
  PRACTICE.email,
  PRACTICE.phone,
  'Moreau',
  'Renaud',
  'Zorro69',
  'voisin75',
];

test('no log file of the run holds a passphrase, a name or a review text', async ({ harness }) => {
  // The demo vault brings every kind of invented data; using it also writes log lines.
  const opened = await harness.host.call('vault.openDemo', {});
  expect(opened.ok).toBe(true);
  const db = harness.host.session!.db;
  const texts = (sql: string) =>
    (db.prepare(sql).all() as Array<Record<string, unknown>>)
      .flatMap((row) => Object.values(row))
      .filter((v): v is string => typeof v === 'string' && v.trim().length >= 6);
  const needles = [
    ...FIXED_NEEDLES,
    ...texts('SELECT text FROM case_texts'),
    ...texts('SELECT title, notes, author_pseudonym FROM case_files'),
    ...texts('SELECT name, organisation, email, notes FROM contacts'),
    ...texts('SELECT title FROM pieces'),
  ];
  expect(needles.length).toBeGreaterThan(FIXED_NEEDLES.length + 5);

  // A refused import whose file name carries a name, then a lock: both go through the logger.
  await harness.host.call('pieces.import', {
    caseId: '00000000-0000-4000-8000-000000000000',
    source: { kind: 'bytes', name: 'avis-de-Mme-Moreau.svg', base64: 'PHN2Zz4=' },
  });
  harness.host.lock('manual');

  expect(existsSync(E2E_LOG_DIR)).toBe(true);
  const files = readdirSync(E2E_LOG_DIR).map((n) => path.join(E2E_LOG_DIR, n));
  expect(files.length).toBeGreaterThan(0);
  expect(files.reduce((n, f) => n + statSync(f).size, 0)).toBeGreaterThan(0);
  for (const file of files) {
    const content = readFileSync(file, 'utf8');
    const found = needles.filter((needle) => content.includes(needle));
    expect(found, path.basename(file)).toEqual([]);
  }
});
