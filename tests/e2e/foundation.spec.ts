import { DOCTOR_PASS, SECRETARY_PASS } from '../helpers/tmp';
import { createVaultViaApi, expect, test, unlockAs } from './fixtures';

test('first run: the wizard creates the vault and confirms the recovery key', async ({
  page,
  harness,
}) => {
  await page.goto(harness.url);
  await expect(page.getByRole('heading', { name: 'Bienvenue dans Égide' })).toBeVisible();
  await page.getByRole('button', { name: 'Créer le coffre du cabinet' }).click();

  await page.getByLabel('Nom du cabinet').fill('Cabinet des Lilas');
  await page.getByLabel('Adresse').fill('8 rue des Lilas\n33000 Bordeaux');
  await page.getByLabel('Ville (pour « Fait à … »)').fill('Bordeaux');
  await page.getByLabel('Téléphone du cabinet').fill('05 56 00 00 00');
  await page.getByRole('button', { name: 'Continuer' }).click();

  await page.getByLabel('Nom du médecin').fill('Dr Paul Girard');
  await page.getByLabel('Numéro RPPS').fill('123');
  await expect(page.getByText('Le numéro RPPS compte 11 chiffres.')).toBeVisible();
  await page.getByLabel('Numéro RPPS').fill('10002000300');
  await page.getByRole('button', { name: 'Continuer' }).click();

  await page.getByLabel(/^Phrase de passe/).fill('motdepasse');
  await expect(page.getByTestId('passphrase-strength')).toContainText('insuffisante');
  await expect(page.getByRole('button', { name: 'Créer le coffre' })).toBeDisabled();
  await page.getByLabel(/^Phrase de passe/).fill(DOCTOR_PASS);
  await expect(page.getByTestId('passphrase-strength')).toContainText('acceptée');
  await page.getByLabel('Confirmez la phrase de passe').fill(DOCTOR_PASS);
  await page.getByRole('button', { name: 'Créer le coffre' }).click();

  const key = (await page.getByTestId('recovery-key').innerText()).trim();
  expect(key).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
  const groups = key.split('-');
  const confirm = page.getByRole('button', { name: "J'ai noté ma clé de secours" });
  await expect(confirm).toBeDisabled();
  const inputs = page.getByLabel(/^Groupe n° \d$/);
  for (let i = 0; i < 2; i += 1) {
    const label = await inputs
      .nth(i)
      .getAttribute('id')
      .then(async (id) => page.locator(`label[for="${id}"]`).innerText());
    const n = Number(/(\d)/.exec(label)![1]);
    await inputs.nth(i).fill(groups[n - 1]!.toLowerCase());
  }
  await confirm.click();

  await expect(page.getByTestId('session-account')).toHaveText('Dr Paul Girard · Médecin');
});

test('lock, wrong passphrase, unlock', async ({ page, harness }) => {
  await createVaultViaApi(harness);
  await page.goto(harness.url);
  await expect(page.getByRole('heading', { name: 'Égide est verrouillé' })).toBeVisible();

  await page.getByLabel('Phrase de passe').fill('ce n’est pas la bonne phrase');
  await page.getByRole('button', { name: 'Déverrouiller' }).click();
  await expect(page.getByText(/Phrase de passe incorrecte/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Verrouiller', exact: true })).toHaveCount(0);

  await unlockAs(page, /Dr Jeanne Lefort/, DOCTOR_PASS);
  await page.getByRole('button', { name: 'Verrouiller', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Égide est verrouillé' })).toBeVisible();
});

test('recovery key opens the vault and forces a new passphrase', async ({ page, harness }) => {
  const { recoveryKey } = await createVaultViaApi(harness);
  await page.goto(harness.url);
  await page.getByRole('button', { name: "J'ai perdu ma phrase de passe" }).click();
  await page.getByLabel('Clé de secours').fill('AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH');
  await page.getByRole('button', { name: 'Ouvrir avec la clé de secours' }).click();
  await expect(page.getByText(/Clé de secours incorrecte/)).toBeVisible();

  await page.getByLabel('Clé de secours').fill(recoveryKey.replace(/-/g, ' ').toLowerCase());
  await page.getByRole('button', { name: 'Ouvrir avec la clé de secours' }).click();
  await expect(page.getByRole('heading', { name: 'Nouvelle phrase de passe' })).toBeVisible();
  const fresh = 'lanterne boréale cinquante sept';
  await page.getByLabel('Nouvelle phrase de passe').fill(fresh);
  await page.getByLabel('Confirmez').fill(fresh);
  await page.getByRole('button', { name: 'Enregistrer et continuer' }).click();
  await expect(page.getByRole('button', { name: 'Verrouiller', exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Verrouiller', exact: true }).click();
  await page.getByLabel('Phrase de passe').fill(DOCTOR_PASS);
  await page.getByRole('button', { name: 'Déverrouiller' }).click();
  await expect(page.getByText(/Phrase de passe incorrecte/)).toBeVisible();
  await unlockAs(page, /Dr Jeanne Lefort/, fresh);
});

test('settings: cabinet details, a secretary account, roles and the idle delay', async ({
  page,
  harness,
}) => {
  await createVaultViaApi(harness);
  await page.goto(harness.url);
  await unlockAs(page, /Dr Jeanne Lefort/, DOCTOR_PASS);
  await page.getByRole('link', { name: 'Paramètres' }).click();

  await page.getByLabel('Téléphone').fill('01 98 76 54 32');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Coordonnées du cabinet enregistrées.')).toBeVisible();
  await page.getByLabel('E-mail').fill('pas-une-adresse');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText(/adresse e-mail invalide/)).toBeVisible();

  await page.getByRole('tab', { name: 'Comptes' }).click();
  await page.getByRole('button', { name: 'Ajouter un compte' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Nom du compte').fill('Julie');
  await dialog.getByLabel('Phrase de passe de ce compte').fill(SECRETARY_PASS);
  await dialog.getByLabel('Confirmez').fill(SECRETARY_PASS);
  await dialog.getByRole('button', { name: 'Créer le compte' }).click();
  await expect(page.getByRole('cell', { name: 'Julie' })).toBeVisible();

  await page.getByRole('tab', { name: 'Sécurité' }).click();
  await page.getByLabel("Délai d'inactivité avant verrouillage (minutes)").fill('5');
  await page.getByRole('button', { name: 'Enregistrer les réglages' }).click();
  await expect(page.getByText('Réglages enregistrés.')).toBeVisible();

  await page.getByRole('button', { name: 'Verrouiller', exact: true }).click();
  await unlockAs(page, /Julie/, SECRETARY_PASS);
  await expect(page.getByTestId('session-account')).toHaveText('Julie · Secrétariat');
  await page.getByRole('link', { name: 'Paramètres' }).click();
  await expect(page.getByLabel('Téléphone')).toHaveValue('01 98 76 54 32');
  await expect(
    page.getByText('Seul le médecin peut modifier les coordonnées du cabinet.'),
  ).toBeVisible();

  // Roles are enforced by the core, not only hidden: a direct call is refused.
  const refused = await page.evaluate(() =>
    (
      window as unknown as { egide: { accounts: { add: (i: unknown) => Promise<unknown> } } }
    ).egide.accounts.add({
      label: 'Intrus',
      role: 'medecin',
      passphrase: 'une phrase assez longue et solide',
    }),
  );
  expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
});

test('the vault locks itself after the idle delay', async ({ page, harness, clock }) => {
  await createVaultViaApi(harness);
  await page.goto(harness.url);
  await unlockAs(page, /Dr Jeanne Lefort/, DOCTOR_PASS);
  clock.offsetMs = 11 * 60_000;
  await expect(page.getByRole('heading', { name: 'Égide est verrouillé' })).toBeVisible({
    timeout: 20_000,
  });
  expect(harness.host.session).toBeNull();
});

test('the harness refuses requests without its token', async ({ harness, request }) => {
  const base = harness.url.replace(/\?token=.*/, '');
  expect((await request.get(base)).status()).toBe(401);
  expect((await request.post(`${base}api/vault.status`, { data: {} })).status()).toBe(401);
  const ok = await request.post(`${base}api/vault.status`, {
    data: {},
    headers: { 'x-egide-token': harness.token },
  });
  expect(await ok.json()).toMatchObject({ ok: true, value: { state: 'absent' } });
});

test('the demo opens from the first screen in its own folder', async ({ page, harness }) => {
  await page.goto(harness.url);
  await page.getByRole('button', { name: "Essayer avec des données d'exemple" }).click();
  await expect(page.getByText('Démonstration', { exact: true })).toBeVisible({ timeout: 20_000 });
  await page.getByRole('button', { name: 'Quitter la démonstration' }).click();
  await expect(page.getByRole('heading', { name: 'Bienvenue dans Égide' })).toBeVisible();
});
