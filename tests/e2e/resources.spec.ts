import type { Page } from '@playwright/test';

import { DOCTOR_PASS } from '../helpers/tmp';
import { createVaultViaApi, expect, test, unlockAs } from './fixtures';

async function openResources(page: Page, harnessUrl: string): Promise<void> {
  await page.goto(harnessUrl);
  await unlockAs(page, /Dr Jeanne Lefort/, DOCTOR_PASS);
  await page.getByRole('link', { name: 'Ressources' }).click();
  await expect(page.getByRole('heading', { name: 'Ressources', level: 2 })).toBeVisible();
}

async function resultIds(page: Page): Promise<string[]> {
  const results = page.getByTestId('search-results');
  await expect(results.getByRole('status')).toContainText('résultat');
  return results
    .locator('[data-testid^="entry-"]')
    .evaluateAll((cards) => cards.map((c) => c.getAttribute('data-testid') ?? ''));
}

test.beforeEach(async ({ harness }) => {
  await createVaultViaApi(harness);
});

test('browse each category of the directories', async ({ page, harness }) => {
  await openResources(page, harness.url);

  await expect(page.getByTestId('entry-site:doctoome')).toBeVisible();
  await expect(page.getByTestId('entry-site:doctoome')).toContainText('Obtenir le retrait');

  await page.getByRole('tab', { name: 'Sociétés spécialisées' }).click();
  await expect(page).toHaveURL(/#\/ressources\/societes$/);
  await expect(page.getByText('Aucune recommandation')).toBeVisible();
  await expect(page.getByTestId('entry-firm:healthcie')).toContainText('Réponse aux avis');

  await page.getByRole('tab', { name: 'Assurances' }).click();
  await expect(page.getByTestId('insurers-warning')).toContainText('interrogez votre assureur');
  await expect(page.getByTestId('offer-kind-assistance-gestion')).toBeVisible();
  await expect(page.getByTestId('offer-kind-assurance-e-reputation')).toBeVisible();
  const axa = page.getByTestId('entry-insurer:axa');
  await expect(axa).toContainText('Assistance à la gestion');
  await expect(axa).toContainText('Assurance e-réputation');

  await page.getByRole('tab', { name: 'Institutions' }).click();
  await expect(page.getByTestId('entry-institution:cnil')).toContainText(
    'Ce qu’elle peut faire pour vous',
  );

  await page.getByRole('tab', { name: 'Bibliographie' }).click();
  await expect(page.getByTestId('entry-bib:cnom-preserver-sa-reputation-numerique')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Articles des assureurs' })).toBeVisible();
});

test('search ignores accents: "medecin" and "médecin" give the same results', async ({
  page,
  harness,
}) => {
  await openResources(page, harness.url);
  const search = page.getByLabel('Rechercher dans les annuaires');

  await search.fill('medecin');
  await expect(page.getByTestId('entry-site:choisir-un-medecin')).toBeVisible();
  const plain = await resultIds(page);
  expect(plain.length).toBeGreaterThan(1);

  await search.fill('Médecin');
  await expect(page.getByTestId('search-results').getByRole('status')).toHaveText(
    `${plain.length} résultats`,
  );
  expect(await resultIds(page)).toEqual(plain);

  await search.fill('zzqxw');
  await expect(page.getByText('Aucun résultat.')).toBeVisible();
  await page.getByRole('button', { name: 'Effacer' }).click();
  await expect(page.getByRole('tab', { name: 'Annuaires' })).toBeVisible();
});

test('a note on an insurer is kept after a reload', async ({ page, harness }) => {
  await openResources(page, harness.url);
  await page.getByRole('tab', { name: 'Assurances' }).click();
  const macsf = page.getByTestId('entry-insurer:macsf');
  await macsf.getByRole('button', { name: 'Ajouter une note' }).click();
  await macsf.getByLabel('Texte de la note').fill('Contrat RCP n° 4242-AB');
  await macsf.getByRole('button', { name: 'Enregistrer la note' }).click();
  await expect(macsf.getByTestId('note-text')).toHaveText('Contrat RCP n° 4242-AB');

  await page.reload();
  await expect(page.getByRole('tab', { name: 'Assurances' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(page.getByTestId('entry-insurer:macsf').getByTestId('note-text')).toHaveText(
    'Contrat RCP n° 4242-AB',
  );
  // The search also finds the insurer by its note.
  await page.getByLabel('Rechercher dans les annuaires').fill('4242-ab');
  expect(await resultIds(page)).toEqual(['entry-insurer:macsf']);
});

test('the cabinet’s lawyer added in Contacts becomes a letter recipient', async ({
  page,
  harness,
}) => {
  await openResources(page, harness.url);
  await page.getByRole('tab', { name: 'Contacts du cabinet' }).click();
  await page.getByRole('button', { name: 'Ajouter un contact' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: 'Nom' }).fill('Maître Sophie Renaud');
  await dialog.getByLabel('Organisation').fill('Renaud Avocats');
  await dialog.getByLabel('E-mail').fill('pas-une-adresse');
  await dialog.getByRole('button', { name: 'Enregistrer le contact' }).click();
  await expect(dialog.getByText(/adresse e-mail invalide/)).toBeVisible();
  await dialog.getByLabel('E-mail').fill('sophie.renaud@renaud-avocats.example');
  await dialog.getByRole('button', { name: 'Enregistrer le contact' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  const table = page.getByTestId('contacts-table');
  await expect(table).toContainText('Maître Sophie Renaud');
  await expect(table).toContainText('Avocat');

  const recipients = await page.evaluate(() =>
    (
      window as unknown as {
        egide: { recipients: { list: (i: object) => Promise<unknown> } };
      }
    ).egide.recipients.list({}),
  );
  expect(recipients).toMatchObject({ ok: true });
  const list = (recipients as { value: { source: string; role: string; name: string }[] }).value;
  expect(list).toContainEqual(
    expect.objectContaining({
      source: 'contact',
      role: 'avocat',
      name: 'Maître Sophie Renaud',
      email: 'sophie.renaud@renaud-avocats.example',
    }),
  );

  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: 'Supprimer Maître Sophie Renaud' }).click();
  await expect(page.getByText('Aucun contact pour l’instant.')).toBeVisible();
});

test('a guide page renders and its action leads to the insurers', async ({ page, harness }) => {
  await page.goto(harness.url);
  await unlockAs(page, /Dr Jeanne Lefort/, DOCTOR_PASS);
  await page.getByRole('link', { name: 'Guide' }).click();
  await page.getByRole('button', { name: 'Lire « Aides et assurances »' }).click();
  await expect(page.getByRole('heading', { name: 'Aides et assurances', level: 2 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'L’Ordre des médecins' })).toBeVisible();
  await expect(page.locator('strong', { hasText: 'Attention' })).toBeVisible();
  await expect(page.getByText('Guide e-réputation du médecin libéral, annexe 2')).toBeVisible();

  await page.getByRole('button', { name: 'Voir les assureurs' }).click();
  await expect(page).toHaveURL(/#\/ressources\/assurances$/);
  await expect(page.getByTestId('insurers-warning')).toBeVisible();
});

test('a guide page offers the dashboard and leads to it', async ({ page, harness }) => {
  await page.goto(`${harness.url}#/guide/delais`);
  await unlockAs(page, /Dr Jeanne Lefort/, DOCTOR_PASS);
  await expect(
    page.getByRole('heading', { name: 'Les délais à connaître', level: 2 }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Voir les échéances du tableau de bord' }).click();
  await expect(page.getByRole('heading', { name: 'Tableau de bord', level: 2 })).toBeVisible();
  await expect(page).toHaveURL(/#\/accueil$/);
});

test('a link opens a new tab on its https address', async ({ page, harness, context }) => {
  // No network here: the outside site is answered locally, so the tab keeps its address.
  await context.route('https://www.doctoome.com/**', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<title>Doctoome</title>' }),
  );
  await openResources(page, harness.url);
  const [tab] = await Promise.all([
    context.waitForEvent('page'),
    page.getByTestId('entry-site:doctoome').getByRole('button', { name: 'Ouvrir le site' }).click(),
  ]);
  await expect.poll(() => tab.url()).toBe('https://www.doctoome.com/');
  await tab.close();
  // The app's own page stays where it was.
  await expect(page.getByTestId('entry-site:doctoome')).toBeVisible();

  // The core, not the button, decides: a script address is refused even when called directly.
  const refused = await page.evaluate(() =>
    (
      window as unknown as {
        egide: { system: { openExternal: (i: { url: string }) => Promise<unknown> } };
      }
    ).egide.system.openExternal({ url: 'javascript:alert(1)' }),
  );
  expect(refused).toMatchObject({ ok: false, error: { code: 'UNSAFE_URL' } });
});

test('a guide action opens the new case form for its kind', async ({ page, harness }) => {
  await page.goto(`${harness.url}#/guide/fiches-nominatives`);
  await unlockAs(page, /Dr Jeanne Lefort/, DOCTOR_PASS);
  await page.getByRole('button', { name: 'Créer un dossier pour une fiche' }).click();
  await expect(page).toHaveURL(/#\/dossiers\/nouveau\/listing$/);
  await expect(page.getByRole('heading', { name: 'Nouveau dossier' })).toBeVisible();
  // The letters screen is not built yet: its action is hidden rather than dead.
  await expect(page.getByRole('button', { name: 'Préparer une demande d’opposition' })).toHaveCount(
    0,
  );
});

test('the letter composer offers the cabinet’s lawyer as a recipient', async ({
  page,
  harness,
}) => {
  await page.goto(harness.url);
  await unlockAs(page, /Dr Jeanne Lefort/, DOCTOR_PASS);
  const caseId = await page.evaluate(async () => {
    const egide = (
      window as unknown as {
        egide: Record<string, Record<string, (i: object) => Promise<{ value: { id: string } }>>>;
      }
    ).egide;
    await egide.contacts!.save!({ role: 'avocat', name: 'Maître Sophie Renaud' });
    return (await egide.cases!.create!({ kind: 'other', title: 'Message sur un forum' })).value.id;
  });
  await page.goto(`${harness.url}#/dossiers/${caseId}`);
  await page.getByRole('tab', { name: 'Courriers' }).click();
  await page.getByRole('button', { name: 'Nouveau courrier' }).click();
  await page.getByRole('combobox', { name: 'Destinataire' }).fill('Renaud');
  await expect(page.getByRole('option', { name: /Maître Sophie Renaud/ })).toBeVisible();
});
