import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import type { Page } from '@playwright/test';

import { addDays, isoDateInTimeZone } from '../../shared/deadlines/dates';
import { computeDeadlines, daysLeft } from '../../shared/deadlines/engine';
import { PRESCRIPTION_WARNING } from '../../shared/deadlines/types';
import type { Harness } from '../harness/server';
import { DOCTOR_PASS } from '../helpers/tmp';
import { GOOGLE_ALERTS_ATOM } from '../unit/watch/fixtures';
import { createVaultViaApi, expect, test } from './fixtures';

async function call<T = { id: string }>(
  harness: Harness,
  method: string,
  input: unknown,
): Promise<T> {
  const result = await harness.host.call(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as T;
}

/** Vault created and unlocked through the API, then the app opened on its home page. */
async function openUnlocked(page: Page, harness: Harness, seed?: () => Promise<void>) {
  const { doctorId } = await createVaultViaApi(harness);
  await call(harness, 'vault.unlock', { accountId: doctorId, passphrase: DOCTOR_PASS });
  await seed?.();
  await page.goto(harness.url);
  await expect(page.getByRole('heading', { name: 'Tableau de bord', level: 2 })).toBeVisible();
}

/** The renderer's own day format ("5 avril 2026"), for a calendar day read as local. */
function frenchDay(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Intl.DateTimeFormat('fr-FR', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(y!, m! - 1, d!));
}

const today = () => isoDateInTimeZone(new Date());

async function unlawfulCase(harness: Harness, title: string, firstPosted: string) {
  const c = await call(harness, 'cases.create', {
    kind: 'review',
    title,
    firstPosted,
    firstPostedHow: 'page',
    verbatim: 'Ce médecin a menti sur ses diplômes.',
  });
  await call(harness, 'cases.qualify', {
    caseId: c.id,
    lawful: false,
    categories: ['diffamation'],
  });
  return c.id;
}

test('the dashboard counts down a prescription, and the case file warns before palier 1', async ({
  page,
  harness,
}) => {
  const posted = addDays(today(), -20);
  let caseId = '';
  await openUnlocked(page, harness, async () => {
    caseId = await unlawfulCase(harness, 'Avis de M. Lambert', posted);
  });
  const expected = computeDeadlines({
    caseId,
    kind: 'review',
    unlawful: true,
    categories: ['diffamation'],
    firstPosted: { date: posted, how: 'page' },
  }).find((d) => d.kind === 'prescription')!;
  const days = daysLeft(expected, today());

  const card = page.getByTestId('deadline-prescription:65');
  await expect(card).toContainText(frenchDay(expected.legalEnd));
  await expect(card).toContainText(`${days} jours restants`);
  await expect(card).toContainText('Loi du 29 juillet 1881, art. 65');
  await expect(card).toContainText(frenchDay(posted));
  await expect(card).toHaveAttribute('data-urgency', 'normale');

  // A correction keeps both dates and the reason.
  await card.getByRole('button', { name: 'Modifier la date' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Enregistrer la date' }).click();
  await expect(dialog.getByText(/Motif de la correction : ce champ est obligatoire/)).toBeVisible();
  const corrected = addDays(expected.legalEnd, -3);
  await dialog.getByLabel('Date retenue').fill(corrected);
  await dialog.getByLabel('Motif de la correction').fill('Archive du web plus ancienne');
  await dialog.getByRole('button', { name: 'Enregistrer la date' }).click();
  await expect(card.getByTestId('deadline-override')).toContainText(
    `Date corrigée au ${frenchDay(corrected)} — motif : Archive du web plus ancienne`,
  );
  await expect(card.getByTestId('deadline-override')).toContainText(frenchDay(expected.legalEnd));
  await expect(card).toContainText(`${days - 3} jours restants`);

  await card.getByRole('link', { name: /Avis de M\. Lambert/ }).click();
  await expect(page.getByRole('heading', { name: 'Avis de M. Lambert' })).toBeVisible();
  await expect(page.getByTestId('case-prescription')).toContainText(
    `Prescription : ${days - 3} jours restants`,
  );
  await expect(page.getByTestId('paliers-warning')).toHaveText(PRESCRIPTION_WARNING);
});

test('a letter past its expected answer is listed, and a follow-up can be set', async ({
  page,
  harness,
}) => {
  await openUnlocked(page, harness, async () => {
    const c = await call(harness, 'cases.create', { kind: 'listing', title: 'Fiche Doctoome' });
    await call(harness, 'correspondence.add', {
      caseId: c.id,
      direction: 'envoye',
      date: addDays(today(), -40),
      channel: 'email',
      counterpart: { name: 'Doctoome', email: 'dpo@doctoome.example' },
      subject: 'Opposition et effacement',
      answerExpected: addDays(today(), -5),
    });
  });
  const letters = page.getByTestId('overdue-letters');
  await expect(letters).toContainText('Opposition et effacement');
  await expect(letters).toContainText('5 jours de retard');
  await expect(letters).toContainText(frenchDay(addDays(today(), -5)));

  await letters.getByRole('button', { name: 'Programmer une relance' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('Intitulé')).toHaveValue('Relancer : Opposition et effacement');
  await dialog.getByLabel('Date de la relance').fill(addDays(today(), 2));
  await dialog.getByRole('button', { name: 'Programmer' }).click();
  const followUp = page.getByTestId('deadlines').locator('[data-testid^="deadline-followup:"]');
  await expect(followUp).toContainText('Relancer : Opposition et effacement');
  await expect(followUp).toContainText('2 jours restants');
  await expect(followUp).toHaveAttribute('data-urgency', 'critique');
  await expect(page.getByTestId('due-soon-banner')).toContainText('Relancer');

  // The harness stands in for the desktop notification: once, with case numbers only.
  await page.reload();
  const notice = page.getByTestId('due-notification');
  await expect(notice).toContainText('Égide : une échéance dans les 7 jours');
  await expect(notice).toContainText(/Dossier n° [0-9A-F]{8} — Relance prévue : dans 2 jours/);
  await expect(notice).not.toContainText('Doctoome');
  await page.reload();
  await expect(page.getByTestId('due-soon-banner')).toBeVisible();
  await expect(notice).toHaveCount(0);
});

test('the listings watch records a state and a check, and the reminder shows', async ({
  page,
  harness,
  context,
}) => {
  await context.route('https://www.doctoome.com/**', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<title>Doctoome</title>' }),
  );
  await openUnlocked(page, harness);
  await expect(page.getByTestId('listings-reminder')).toBeVisible();
  await page
    .getByTestId('listings-reminder')
    .getByRole('button', { name: 'Vérifier les fiches' })
    .click();
  await expect(page.getByRole('heading', { name: 'Veille', level: 2 })).toBeVisible();
  await expect(page.getByTestId('watch-reminder')).toBeVisible();

  const row = page.getByTestId('listing-site:doctoome');
  await expect(row).toContainText('Jamais');
  await row.getByRole('combobox', { name: 'État de la fiche sur Doctoome' }).click();
  await page.getByRole('option', { name: 'Suppression demandée' }).click();
  await expect(row.getByRole('combobox', { name: 'État de la fiche sur Doctoome' })).toHaveValue(
    'Suppression demandée',
  );

  const [tab] = await Promise.all([
    context.waitForEvent('page'),
    row.getByRole('button', { name: 'Vérifier' }).click(),
  ]);
  await expect.poll(() => tab.url()).toBe('https://www.doctoome.com/');
  await tab.close();
  await expect(row).toContainText(frenchDay(today()));
  await expect(row).not.toContainText('À vérifier');

  // Reloaded from the vault: the state and the check were saved.
  await page.reload();
  const again = page.getByTestId('listing-site:doctoome');
  await expect(again.getByRole('combobox', { name: 'État de la fiche sur Doctoome' })).toHaveValue(
    'Suppression demandée',
  );
  await expect(again).toContainText(frenchDay(today()));

  // The Google page checklist, with Google's help.
  await page.getByRole('tab', { name: 'Page Google' }).click();
  const claim = page.getByRole('checkbox', { name: 'Revendiquer la page du cabinet' });
  await claim.click();
  await expect(claim).toBeChecked();
  await expect(page.getByTestId('gbp-checklist')).toContainText('1 étape sur');
  await expect(
    page.getByRole('button', { name: 'Aide de Google : gérer la fiche d’établissement' }),
  ).toBeVisible();
});

test('the deadlines download as an .ics calendar without case titles', async ({
  page,
  harness,
}) => {
  const posted = addDays(today(), -20);
  await openUnlocked(page, harness, async () => {
    await unlawfulCase(harness, 'Avis de M. Lambert', posted);
  });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Exporter vers le calendrier (.ics)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('echeances-egide.ics');
  const content = readFileSync((await download.path())!, 'utf8');
  expect(content.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
  const legalEnd = computeDeadlines({
    caseId: 'x',
    kind: 'review',
    unlawful: true,
    categories: ['diffamation'],
    firstPosted: { date: posted, how: 'page' },
  }).find((d) => d.kind === 'prescription')!.legalEnd;
  expect(content).toContain(`DTSTART;VALUE=DATE:${legalEnd.replace(/-/g, '')}`);
  expect(content).not.toContain('Lambert');
});

test('the mentions watch reads a feed served locally, and says what went wrong', async ({
  page,
  harness,
}) => {
  const server = http.createServer((req, res) => {
    if (req.url === '/alerts.xml') {
      res.writeHead(200, { 'content-type': 'application/atom+xml' });
      res.end(GOOGLE_ALERTS_ATOM);
      return;
    }
    res.writeHead(200, { 'content-type': 'application/xml' });
    res.end('<rss version="2.0"><channel><item><title>coupé');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // Nothing listens on port 2 (below 1024, and not one of fetch's forbidden ports).
  const closedPort = 2;
  try {
    await openUnlocked(page, harness);
    await page.getByRole('link', { name: 'Veille' }).click();
    await page.getByRole('tab', { name: 'Mentions sur le web' }).click();

    const addFeed = async (url: string) => {
      await page.getByLabel('Adresse du flux').fill(url);
      await page.getByRole('button', { name: 'Ajouter le flux' }).click();
      await expect(page.getByText(url)).toBeVisible();
    };
    const refresh = (url: string) =>
      page
        .getByTestId('feed-row')
        .filter({ hasText: url })
        .getByRole('button', { name: 'Actualiser' })
        .click();

    await addFeed(`${base}/alerts.xml`);
    await refresh(`${base}/alerts.xml`);
    await expect(page.getByTestId('feed-message')).toHaveText('2 nouvelles mentions.');
    const mentions = page.getByTestId('mention');
    await expect(mentions).toHaveCount(2);
    await mentions
      .filter({ hasText: 'Un lien en clair' })
      .getByRole('button', { name: 'Écarter' })
      .click();
    await expect(mentions).toHaveCount(1);

    await addFeed(`${base}/broken.xml`);
    await refresh(`${base}/broken.xml`);
    await expect(page.getByTestId('feed-message')).toContainText('Flux illisible');

    await addFeed(`http://127.0.0.1:${closedPort}/rss`);
    await refresh(`http://127.0.0.1:${closedPort}/rss`);
    await expect(page.getByTestId('feed-message')).toContainText(
      'Flux non récupéré : le serveur est injoignable',
    );
    // Each feed keeps its last error; the good one's mentions are still listed.
    await expect(page.getByText(/Dernière erreur : Flux illisible/)).toBeVisible();
    await expect(mentions).toHaveCount(1);

    await mentions.getByRole('button', { name: 'Créer un dossier' }).click();
    await page.getByRole('menuitem', { name: 'Avis ou commentaire' }).click();
    await expect(
      page.getByRole('heading', { name: "Avis sur le Dr Lefort 'à fuir'" }),
    ).toBeVisible();
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});
