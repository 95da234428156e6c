import { createHash } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';

import type { Page } from '@playwright/test';

import type { Harness } from '../harness/server';
import { DOCTOR_PASS } from '../helpers/tmp';
import { createVaultViaApi, expect, test, unlockAs } from './fixtures';

/** A real PNG (RGB, 8 bits), so that the core's checks of the bytes see an image. */
function png(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 2;
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) rows[y * (width * 3 + 1) + 1 + x * 3] = (x * 37 + y) % 256;
  }
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n' +
    '2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj\n' +
    '3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 200 200]>> endobj\n' +
    'trailer <</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

const SVG = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
  'utf8',
);

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

interface CaseInput {
  kind: 'review' | 'listing' | 'google' | 'other';
  title: string;
  verbatim?: string;
  url?: string;
  platform?: string;
}

type EgideCall = (input: unknown) => Promise<{ ok: boolean; value?: { id: string } }>;

/** Cases that a test only needs as a starting point are created through the page's API. */
async function createCaseViaPage(page: Page, input: CaseInput): Promise<string> {
  const result = await page.evaluate(async (i) => {
    const egide = (window as unknown as { egide: { cases: { create: EgideCall } } }).egide;
    return egide.cases.create(i);
  }, input);
  expect(result.ok).toBe(true);
  return result.value!.id;
}

async function openApp(page: Page, harness: Harness): Promise<void> {
  await createVaultViaApi(harness);
  await page.goto(harness.url);
  await unlockAs(page, /Dr Jeanne Lefort/, DOCTOR_PASS);
  // The dashboard is the home page: go to the case list.
  await page.getByRole('link', { name: 'Dossiers' }).click();
}

async function openCase(page: Page, id: string, title: string): Promise<void> {
  await page.evaluate((h) => (window.location.hash = h), `#/dossiers/${id}`);
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
}

test('creates a case of each kind, with the core’s errors shown next to the field', async ({
  page,
  harness,
}) => {
  await openApp(page, harness);
  await expect(page.getByTestId('cases-empty')).toBeVisible();

  const kinds = [
    { card: 'Avis ou commentaire', title: 'Avis une étoile', badge: 'Avis ou commentaire' },
    { card: 'Fiche nominative', title: 'Fiche sur un annuaire', badge: 'Fiche nominative' },
    { card: 'Page Google', title: 'Fiche Google du cabinet', badge: 'Page Google' },
    { card: 'Autre', title: 'Article de blog', badge: 'Autre' },
  ];
  for (const k of kinds) {
    await page.getByRole('link', { name: 'Dossiers' }).click();
    await page.getByRole('button', { name: 'Nouveau dossier' }).click();
    await page.getByRole('radio', { name: new RegExp(k.card) }).click();
    const verbatim = page.getByLabel('Texte de l’avis ou du commentaire');
    if (k.card === 'Fiche nominative') await expect(verbatim).toHaveCount(0);
    else await verbatim.fill(`Texte publié pour « ${k.title} »`);

    if (k.card === 'Avis ou commentaire') {
      // Bad inputs first: an empty title, then a URL that is not one.
      await page.getByRole('button', { name: 'Créer le dossier' }).click();
      await expect(page.getByText(/Titre : ce champ est obligatoire/)).toBeVisible();
      await page.getByLabel(/^Titre du dossier/).fill(k.title);
      await page.getByLabel('Adresse (URL) de la page').fill('pas une adresse');
      await page.getByRole('button', { name: 'Créer le dossier' }).click();
      await expect(page.getByText(/Adresse \(URL\) invalide/)).toBeVisible();
      await expect(page.getByRole('heading', { name: 'Nouveau dossier' })).toBeVisible();
      await page.getByLabel('Adresse (URL) de la page').fill('https://avis.example/medecin/1');
      // The directory's sites are offered as suggestions; free text stays possible.
      await page.getByRole('combobox', { name: 'Plateforme ou site' }).fill('Doctoo');
      await page.getByRole('option', { name: 'Doctoome' }).click();
      await expect(page.getByRole('combobox', { name: 'Plateforme ou site' })).toHaveValue(
        'Doctoome',
      );
      await page.getByLabel('Note attribuée').fill('1');
      await page.getByLabel('Date de première publication').fill('2026-01-15');
      await page.getByLabel('Pseudonyme de l’auteur').fill('Patient42');
    } else {
      await page.getByLabel(/^Titre du dossier/).fill(k.title);
    }
    await page.getByRole('button', { name: 'Créer le dossier' }).click();
    await expect(page.getByRole('heading', { name: k.title })).toBeVisible();
    await expect(page.getByText(k.badge, { exact: false }).first()).toBeVisible();
  }

  await page.getByRole('link', { name: 'Dossiers' }).click();
  const rows = page.getByTestId('cases-table').locator('tbody tr');
  await expect(rows).toHaveCount(4);
  await expect(rows.filter({ hasText: 'Avis une étoile' })).toContainText('15 janvier 2026');
  await expect(rows.filter({ hasText: 'Avis une étoile' })).toContainText('À qualifier');
  await expect(rows.filter({ hasText: 'Avis une étoile' })).toContainText('Doctoome');
  await expect(rows.filter({ hasText: 'Fiche sur un annuaire' })).toContainText('RGPD');

  // The kind filter narrows the list to the listing only.
  await page.getByRole('combobox', { name: 'Type', exact: true }).click();
  await page.getByRole('option', { name: 'Fiche nominative (annuaire)' }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Fiche sur un annuaire');
});

test('pièces: pasted screenshot, dropped PDF, refusals, integrity and withdrawal', async ({
  page,
  harness,
}) => {
  await openApp(page, harness);
  const id = await createCaseViaPage(page, {
    kind: 'review',
    title: 'Avis avec captures',
    url: 'https://avis.example/fiche/9',
  });
  await openCase(page, id, 'Avis avec captures');

  // Ctrl+V on the Résumé tab: the screenshot goes to the pièces, and the tab follows.
  const image = png(40, 24);
  await page.evaluate((b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const dt = new DataTransfer();
    dt.items.add(new File([bytes], 'image.png', { type: 'image/png' }));
    window.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt }));
  }, image.toString('base64'));
  const first = page.getByTestId('piece-1');
  await expect(first).toContainText('Pièce n° 1');
  await expect(first.getByTestId('piece-sha256')).toHaveText(sha256(image));
  await expect(first).toContainText('https://avis.example/fiche/9');

  // A PDF dropped on the drop zone becomes pièce n° 2.
  const drop = await page.evaluateHandle((b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const dt = new DataTransfer();
    dt.items.add(new File([bytes], 'constat.pdf', { type: 'application/pdf' }));
    return dt;
  }, PDF.toString('base64'));
  await page.getByTestId('pieces-dropzone').dispatchEvent('drop', { dataTransfer: drop });
  const second = page.getByTestId('piece-2');
  await expect(second).toContainText('Pièce n° 2');
  await expect(second).toContainText('constat');
  await expect(second.getByTestId('piece-sha256')).toHaveText(sha256(PDF));

  // An SVG is refused by the core, and the alert names the file.
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choisir des fichiers' }).click();
  await (await chooser).setFiles({ name: 'logo.svg', mimeType: 'image/svg+xml', buffer: SVG });
  const refusal = page.getByTestId('piece-refusal');
  await expect(refusal).toContainText('logo.svg');
  await expect(refusal).toContainText('SVG');
  await expect(page.getByTestId('piece-3')).toHaveCount(0);

  // Over the limit: refused in the page before the file is read.
  await page.evaluate(async () => {
    const w = window as unknown as {
      egide: { settings: { update: (i: unknown) => Promise<{ ok: boolean }> } };
      reads: number;
    };
    w.reads = 0;
    const original = FileReader.prototype.readAsDataURL;
    FileReader.prototype.readAsDataURL = function (this: FileReader, blob: Blob) {
      w.reads += 1;
      original.call(this, blob);
    };
    const r = await w.egide.settings.update({ maxPieceMiB: 1 });
    if (!r.ok) throw new Error('settings.update refused');
  });
  const chooser2 = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choisir des fichiers' }).click();
  await (
    await chooser2
  ).setFiles({
    name: 'video.png',
    mimeType: 'image/png',
    buffer: Buffer.concat([image, Buffer.alloc(2 * 1024 * 1024)]),
  });
  await expect(refusal).toContainText('video.png');
  await expect(refusal).toContainText(/trop volumineux.*1 Mio/);
  const reads = () => page.evaluate(() => (window as unknown as { reads: number }).reads);
  expect(await reads()).toBe(0);

  // The same path with a small file does read it: the counter above can see reads.
  const note = Buffer.from('De : patient@example.fr\nObjet : mon avis\n\n<b>pas du HTML</b>\n');
  const chooser3 = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choisir des fichiers' }).click();
  await (await chooser3).setFiles({ name: 'message.txt', mimeType: 'text/plain', buffer: note });
  await expect(page.getByTestId('piece-3')).toContainText('Pièce n° 3');
  expect(await reads()).toBe(1);
  await page.getByTestId('piece-3').getByRole('button', { name: 'Afficher' }).click();
  await expect(page.getByTestId('viewer-text')).toHaveText(note.toString('utf8'));
  await expect(page.getByRole('dialog').locator('b')).toHaveCount(0);
  await page.keyboard.press('Escape');

  // The hash still matches the stored bytes.
  await first.getByRole('button', { name: 'Vérifier l’intégrité' }).click();
  await expect(first.getByTestId('piece-verify')).toBeVisible();
  await expect(first.getByTestId('piece-verify')).not.toContainText(/altér/);

  // The image opens in the viewer from a blob: URL.
  await first.getByRole('button', { name: 'Afficher' }).click();
  await expect(page.getByTestId('viewer-image')).toHaveAttribute('src', /^blob:/);
  await page.getByRole('button', { name: 'Agrandir' }).click();
  await expect(page.getByTestId('viewer-zoom')).toHaveText('150 %');
  await page.keyboard.press('Escape');

  // The capture record: a bad URL is refused next to its field, then the record is saved.
  await first.getByRole('button', { name: 'Fiche de capture' }).click();
  const form = first.getByTestId('capture-form');
  await form.getByLabel('Adresse (URL) capturée').fill('avis.example sans schéma');
  await form.getByRole('button', { name: 'Enregistrer la fiche de capture' }).click();
  await expect(form.getByText(/Adresse \(URL\) invalide/)).toBeVisible();
  await form.getByLabel('Adresse (URL) capturée').fill('https://avis.example/fiche/9?tri=date');
  await form.getByLabel('Horloge vérifiée').check();
  await form.getByLabel('Cache et historique vidés avant la capture').check();
  await form.getByRole('button', { name: 'Enregistrer la fiche de capture' }).click();
  await expect(first.getByTestId('capture-form')).toHaveCount(0);
  await expect(first).toContainText('https://avis.example/fiche/9?tri=date');
  await expect(first).toContainText('Précautions : cache et historique vidés, horloge vérifiée.');

  // Withdrawing needs a reason, and the pièce stays listed with it.
  await second.getByRole('button', { name: 'Retirer du dossier' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('button', { name: 'Retirer la pièce' })).toBeDisabled();
  await dialog.getByLabel(/Motif du retrait/).fill('Doublon du constat papier');
  await dialog.getByRole('button', { name: 'Retirer la pièce' }).click();
  await expect(second.getByTestId('piece-withdrawn')).toContainText('Doublon du constat papier');
  await expect(second).toContainText('Retirée');
  await expect(second.getByTestId('piece-sha256')).toHaveText(sha256(PDF));
  await expect(page.getByTestId('piece-1')).toBeVisible();
});

test('qualifies a comment as unlawful and follows the paliers', async ({ page, harness }) => {
  await openApp(page, harness);
  const id = await createCaseViaPage(page, {
    kind: 'review',
    title: 'Commentaire injurieux',
    verbatim: 'Ce charlatan prescrit sans examiner ses patients.',
  });
  await openCase(page, id, 'Commentaire injurieux');
  await expect(page.getByTestId('verbatim')).toHaveText(
    'Ce charlatan prescrit sans examiner ses patients.',
  );

  // A correction adds version 2 and keeps version 1 as published.
  await page.getByRole('button', { name: 'Corriger le texte' }).click();
  const fix = page.getByRole('dialog');
  await fix.getByLabel('Texte corrigé').fill('Ce charlatan prescrit sans examiner ses patients !');
  await expect(fix.getByRole('button', { name: 'Enregistrer la nouvelle version' })).toBeDisabled();
  await fix.getByLabel(/Motif de la correction/).fill('L’auteur a modifié son avis');
  await fix.getByRole('button', { name: 'Enregistrer la nouvelle version' }).click();
  await expect(page.getByTestId('verbatim')).toHaveText(
    'Ce charlatan prescrit sans examiner ses patients !',
  );
  await expect(page.getByText('Version 2', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: /Versions précédentes \(1\)/ }).click();
  await expect(page.getByTestId('text-version-1')).toContainText(
    'Ce charlatan prescrit sans examiner ses patients.',
  );

  // Before qualifying, the path invites to qualify first.
  await page.getByRole('tab', { name: 'Parcours' }).click();
  await expect(page.getByText('Qualifiez d’abord le contenu')).toBeVisible();
  await page.getByRole('button', { name: 'Aller à la qualification' }).click();

  await page.getByRole('button', { name: 'Qualifier', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText('Loi du 29 juillet 1881, art. 29 al. 2 et 33')).toBeVisible();
  const answer = (key: string, label: 'Oui' | 'Non') =>
    dialog.getByTestId(`question-${key}`).getByLabel(label, { exact: true }).check();
  await answer('injure', 'Oui');
  await answer('diffamation', 'Oui');
  for (const key of ['incitation', 'denigrement', 'vie-privee', 'discrimination']) {
    await answer(key, 'Non');
  }
  await answer('liberte-expression', 'Non');
  await expect(dialog.getByText('Conclusion déduite des réponses')).toBeVisible();
  await expect(dialog.getByRole('radio', { name: /Illicite/ })).toBeChecked();
  await dialog.getByLabel('Note').fill('Injure et allégation d’un fait précis.');
  await dialog.getByRole('button', { name: 'Enregistrer la qualification' }).click();

  const current = page.getByTestId('qualification-current');
  await expect(current).toContainText('Illicite');
  await expect(current).toContainText('Injure');
  await expect(current).toContainText('Diffamation');
  await expect(current).not.toContainText('Dénigrement');
  await expect(page.getByRole('cell', { name: 'Dr Jeanne Lefort' })).toBeVisible();

  await page.getByRole('tab', { name: 'Parcours' }).click();
  const panel = page.getByTestId('step-panel');
  const today = new Intl.DateTimeFormat('fr-FR', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date());

  for (const n of [1, 2]) {
    await expect(panel).toContainText(`Palier ${n}`);
    await panel.getByRole('button', { name: 'Marquer comme fait' }).click();
    await expect(panel.getByLabel('Fait le')).not.toHaveValue('');
    await panel.getByRole('button', { name: 'Confirmer' }).click();
  }
  await expect(page.getByText(`Fait le ${today}`)).toHaveCount(2);

  await expect(panel).toContainText('Palier 3');
  await panel.getByRole('button', { name: 'Écarter', exact: true }).click();
  await expect(panel.getByRole('button', { name: 'Écarter cette étape' })).toBeDisabled();
  await panel.getByLabel(/Motif/).fill('Constat déjà établi par le commissaire de justice');
  await panel.getByRole('button', { name: 'Écarter cette étape' }).click();
  await expect(
    page.getByText('Écarté : Constat déjà établi par le commissaire de justice').first(),
  ).toBeVisible();
  await expect(panel).toContainText('Palier 4');

  // Closing asks for the outcome.
  await page.getByRole('button', { name: 'Statut : Ouvert' }).click();
  await page.getByRole('menuitem', { name: 'Clos' }).click();
  const closing = page.getByRole('dialog');
  await expect(closing.getByRole('button', { name: 'Clore le dossier' })).toBeDisabled();
  await closing.getByRole('combobox', { name: 'Issue du dossier' }).click();
  await page.getByRole('option', { name: 'Contenu supprimé' }).click();
  await closing.getByRole('button', { name: 'Clore le dossier' }).click();
  await expect(page.getByRole('button', { name: 'Statut : Clos' })).toBeVisible();
  await expect(page.getByTestId('case-outcome')).toHaveText('Issue : Contenu supprimé');

  // The list shows the next step.
  await page.getByRole('link', { name: 'Dossiers' }).click();
  await expect(page.getByTestId('cases-table')).toContainText('Palier 4');
});

test('search finds the text with or without accents', async ({ page, harness }) => {
  await openApp(page, harness);
  await createCaseViaPage(page, {
    kind: 'review',
    title: 'Avis sur l’accueil',
    verbatim: 'Le médecin ne m’a pas écouté, très déçu.',
  });
  await createCaseViaPage(page, {
    kind: 'other',
    title: 'Article de presse',
    verbatim: 'Un reportage sur les urgences de la ville.',
  });
  await page.reload();
  const rows = page.getByTestId('cases-table').locator('tbody tr');
  await expect(rows).toHaveCount(2);

  const search = page.getByRole('searchbox', { name: 'Rechercher' });
  for (const query of ['medecin', 'médecin', 'MEDECIN']) {
    await search.fill(query);
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('Avis sur l’accueil');
  }
  await search.fill('urgences');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Article de presse');
  await search.fill('ophtalmologie');
  await expect(page.getByTestId('cases-empty')).toHaveText(
    'Aucun dossier ne correspond à ces critères.',
  );
  await search.fill('');
  await expect(rows).toHaveCount(2);
});
