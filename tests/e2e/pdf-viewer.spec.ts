import { demoPdf } from '../../electron/core/demo/demo-files';
import { DOCTOR_PASS } from '../helpers/tmp';
import { createVaultViaApi, expect, test, unlockAs } from './fixtures';

test('a PDF pièce is shown page by page, drawn by PDF.js under the CSP', async ({
  page,
  harness,
}) => {
  await createVaultViaApi(harness);
  await page.goto(harness.url);
  await unlockAs(page, /Dr Jeanne Lefort/, DOCTOR_PASS);

  const created = await page.evaluate(
    async (base64) => {
      const egide = (
        window as unknown as {
          egide: Record<
            string,
            Record<string, (i: unknown) => Promise<{ ok: boolean; value: { id: string } }>>
          >;
        }
      ).egide;
      const c = await egide.cases!.create!({ kind: 'other', title: 'Courrier reçu' });
      await egide.pieces!.import!({
        caseId: c.value.id,
        source: { kind: 'bytes', name: 'courrier.pdf', base64 },
        title: 'Courrier de l’éditeur',
      });
      return c.value.id;
    },
    demoPdf(['Reponse de l editeur', 'Votre demande a ete recue.']).toString('base64'),
  );

  const violations: string[] = [];
  page.on('console', (m) => m.type() === 'error' && violations.push(m.text()));
  await page.goto(`${harness.url}#/dossiers/${created}`);
  await page.getByRole('tab', { name: /Pièces/ }).click();
  await page.getByTestId('piece-1').getByRole('button', { name: 'Afficher' }).click();
  const canvas = page.getByTestId('viewer-pdf').getByLabel('Page 1');
  await expect(canvas).toBeVisible();
  // The page was really drawn: the canvas holds non-white pixels.
  await expect
    .poll(() =>
      canvas.evaluate((c: HTMLCanvasElement) => {
        const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        let dark = 0;
        for (let i = 0; i < d.length; i += 4) if (d[i]! < 128) dark += 1;
        return dark;
      }),
    )
    .toBeGreaterThan(50);
  expect(violations.filter((v) => /Content Security Policy/i.test(v))).toEqual([]);
});
