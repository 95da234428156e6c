import { readFile } from 'node:fs/promises';

import type { Page } from '@playwright/test';

import type { Harness } from '../harness/server';
import { DOCTOR_PASS } from '../helpers/tmp';
import { createVaultViaApi, expect, test, unlockAs } from './fixtures';

/** Calls the core as the account unlocked in the page (the harness shares one host). */
async function call<T>(harness: Harness, method: string, input: unknown = {}): Promise<T> {
  const result = await harness.host.call(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as T;
}

function isoDay(offsetDays: number): string {
  const d = new Date(Date.now() + offsetDays * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(d);
}

async function openApp(page: Page, harness: Harness): Promise<void> {
  await createVaultViaApi(harness);
  await page.goto(harness.url);
  await unlockAs(page, /Dr Jeanne Lefort/, DOCTOR_PASS);
}

async function openCase(page: Page, id: string, title: string): Promise<void> {
  await page.evaluate((h) => (window.location.hash = h), `#/dossiers/${id}`);
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
}

async function unlawfulCase(harness: Harness, title: string): Promise<string> {
  const c = await call<{ id: string }>(harness, 'cases.create', {
    kind: 'review',
    title,
    platform: 'Google Maps',
    url: 'https://maps.google.com/review/42',
    authorPseudonym: 'Zorro69',
    firstPosted: isoDay(-20),
    firstPostedHow: 'page',
    discovered: isoDay(-18),
    verbatim: 'Un boucher, un charlatan à fuir !',
  });
  await call(harness, 'cases.qualify', {
    caseId: c.id,
    lawful: false,
    categories: ['injure'],
    answers: {},
  });
  return c.id;
}

test('a public reply shows secrecy flags as they are typed and clears them', async ({
  page,
  context,
  harness,
}) => {
  await openApp(page, harness);
  const c = await call<{ id: string }>(harness, 'cases.create', {
    kind: 'review',
    title: 'Avis sur l’attente',
    platform: 'Google Maps',
    authorPseudonym: 'Marie L.',
    verbatim: 'Une heure d’attente malgré un rendez-vous.',
  });
  await call(harness, 'cases.qualify', { caseId: c.id, lawful: true, categories: [], answers: {} });
  await openCase(page, c.id, 'Avis sur l’attente');
  await page.getByRole('tab', { name: 'Réponse publique' }).click();

  await expect(page.getByTestId('cnom-checklist')).toContainText('secret médical');
  await page.getByRole('combobox', { name: 'Modèle de réponse' }).click();
  await page.getByRole('option', { name: /Temps d’attente excessif/ }).click();
  const editor = page.getByRole('textbox', { name: 'Texte de la réponse' });
  await expect(editor).toHaveValue(/01 23 45 67 89/);
  await expect(page.getByTestId('secrecy-clear')).toBeVisible();

  const clean = await editor.inputValue();
  await editor.fill(
    `${clean}\nLors de votre consultation du 12 mars, votre diabète a été discuté.`,
  );
  const flags = page.getByTestId('secrecy-flag');
  await expect(flags).toHaveCount(3);
  await expect(flags.first()).toContainText('Règle : CSP art. R.4127-4');
  await expect(page.getByTestId('secrecy-mark').filter({ hasText: 'votre diabète' })).toBeVisible();
  await expect(page.getByTestId('secrecy-clear')).toHaveCount(0);

  // Editing the sentence away clears the flags; the check only advises, saving stays possible.
  await editor.fill(clean);
  await expect(page.getByTestId('secrecy-clear')).toBeVisible();
  await expect(flags).toHaveCount(0);

  // The clipboard refused (as Electron does): the text is shown selected for Ctrl+C.
  await page.evaluate(() => {
    navigator.clipboard.writeText = () => Promise.reject(new Error('refusé'));
  });
  await page.getByRole('button', { name: 'Copier la réponse' }).click();
  await expect(page.getByTestId('manual-copy')).toContainText('Appuyez sur Ctrl+C');
  await expect(page.getByLabel('Texte à copier')).toHaveValue(clean);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Avis sur l’attente' })).toBeVisible();
  await page.getByRole('tab', { name: 'Réponse publique' }).click();
  await page.getByRole('combobox', { name: 'Modèle de réponse' }).click();
  await page.getByRole('option', { name: /Temps d’attente excessif/ }).click();
  await page.getByRole('button', { name: 'Copier la réponse' }).click();
  await expect(page.getByRole('button', { name: 'Copié dans le presse-papiers' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('01 23 45 67 89');

  await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
  await expect(page.getByText(/Brouillon enregistré par/)).toBeVisible();
  await page.getByRole('button', { name: 'Marquer comme publiée' }).click();
  await expect(page.getByTestId('reply-published')).toBeVisible();
  const detail = await call<{ steps: Array<{ id: string; state: string }> }>(harness, 'cases.get', {
    caseId: c.id,
  });
  expect(detail.steps.filter((s) => s.state === 'fait').map((s) => s.id)).toEqual([
    'reponse-redigee',
    'reponse-publiee',
  ]);
});

test('a mise en demeure: missing values before export, DOCX, validation, LRAR, an answer', async ({
  page,
  harness,
}) => {
  await openApp(page, harness);
  const caseId = await unlawfulCase(harness, 'Avis injurieux');
  await openCase(page, caseId, 'Avis injurieux');
  await page.getByRole('tab', { name: 'Courriers' }).click();
  await page.getByRole('button', { name: 'Nouveau courrier' }).click();
  await page.getByRole('combobox', { name: 'Modèle', exact: true }).click();
  await page.getByRole('option', { name: /^Mise en demeure de l’auteur des propos/ }).click();
  await page.getByRole('combobox', { name: 'Destinataire' }).fill('M. Jean Dupont');
  await page.getByRole('button', { name: 'Préparer le courrier' }).click();

  // Before any export, what is missing is listed and highlighted in the preview.
  const missing = page.getByTestId('missing-values');
  await expect(missing).toContainText('délai accordé (en jours)');
  await expect(page.getByTestId('missing-marker').first()).toHaveText(
    '[à compléter : délai accordé (en jours)]',
  );
  await expect(page.getByTestId('letter-preview')).toContainText(
    'Un boucher, un charlatan à fuir !',
  );

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Télécharger le DOCX' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(
    'Lettre - Mise en demeure de supprimer des propos publiés sur Google Maps.docx',
  );
  const bytes = await readFile((await download.path())!);
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  await expect(page.getByText(/1 valeur\(s\) à compléter/)).toBeVisible();

  await page.getByLabel('délai accordé (en jours)').fill('8');
  await page.getByRole('button', { name: 'Insérer dans le texte' }).click();
  await expect(page.getByTestId('no-missing-values')).toBeVisible();
  await expect(page.getByTestId('letter-preview')).toContainText('dans un délai de 8 jours');

  await page.getByRole('button', { name: 'Valider' }).click();
  await expect(page.getByTestId('letter-status')).toHaveText('Validé par le médecin');

  await page.getByRole('button', { name: 'Marquer comme envoyé' }).click();
  const dialog = page.getByRole('dialog', { name: 'Marquer comme envoyé' });
  await dialog.getByRole('button', { name: 'Enregistrer l’envoi' }).click();
  await expect(dialog.getByText(/numéro de la lettre recommandée/)).toBeVisible();
  await dialog.getByLabel('Numéro du recommandé').fill('1A 234 567 8901 2');
  await dialog.getByLabel(/Marquer l’étape « Palier 2/).check();
  await dialog.getByRole('button', { name: 'Enregistrer l’envoi' }).click();
  await expect(page.getByTestId('letter-status')).toHaveText('Envoyé');

  await page.getByRole('tab', { name: 'Correspondance' }).click();
  const sent = page.getByTestId('correspondence-entry');
  await expect(sent).toHaveCount(1);
  await expect(sent).toContainText('Lettre recommandée avec AR n° 1A 234 567 8901 2');
  await expect(sent).toContainText('À : M. Jean Dupont');

  await page.getByRole('button', { name: 'Enregistrer une réception' }).click();
  const form = page.getByRole('dialog', { name: 'Enregistrer une réception' });
  await form.getByRole('combobox', { name: 'Expéditeur' }).fill('M. Jean Dupont');
  await form.getByLabel('Objet').fill('Réponse à la mise en demeure');
  await form.getByLabel('Résumé').fill('L’auteur annonce avoir supprimé son avis.');
  await form.getByRole('combobox', { name: 'En réponse à' }).click();
  await page.getByRole('option', { name: /Mise en demeure de supprimer/ }).click();
  await form.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByTestId('correspondence-entry')).toHaveCount(2);
  await expect(page.getByTestId('correspondence-entry').first()).toContainText('Reçu');
  await expect(page.getByText(/^Réponse reçue le/)).toBeVisible();

  await page.getByRole('tab', { name: 'Chronologie' }).click();
  await expect(page.getByText(/^Envoi à M\. Jean Dupont/)).toBeVisible();
  await expect(
    page.getByText('Reçu de M. Jean Dupont (Courrier simple) : Réponse à la mise en demeure'),
  ).toBeVisible();
  await expect(page.getByText('Palier 2 — Mise en demeure : fait')).toBeVisible();
});

test('the Courriers section lists a letter past its expected answer date', async ({
  page,
  harness,
}) => {
  await openApp(page, harness);
  const caseId = await unlawfulCase(harness, 'Avis resté sans réponse');
  const letter = await call<{ id: string; texts: { body: string } }>(harness, 'letters.create', {
    caseId,
    templateId: 'mise-en-demeure-auteur',
    recipient: { name: 'Mme Claire Durand' },
  });
  await call(harness, 'letters.update', {
    letterId: letter.id,
    body: letter.texts.body.replace('{{courrier.delaiJours}}', '15'),
  });
  await call(harness, 'letters.validate', { letterId: letter.id });
  await call(harness, 'letters.markSent', {
    letterId: letter.id,
    date: isoDay(-30),
    channel: 'lrar',
    lrarNumber: '1A 999 888 7776 5',
    answerExpected: isoDay(-10),
  });

  await page.getByRole('link', { name: 'Courriers' }).click();
  const entry = page.getByTestId('correspondence-entry');
  await expect(entry).toHaveCount(1);
  await expect(entry.getByTestId('overdue-badge')).toHaveText('Réponse en retard');
  await expect(entry).toContainText('dépassée de 10 jours');
  await expect(entry).toContainText('Mme Claire Durand');
  await entry.getByText('Dossier : Avis resté sans réponse').click();
  await expect(page.getByRole('heading', { name: 'Avis resté sans réponse' })).toBeVisible();
});
