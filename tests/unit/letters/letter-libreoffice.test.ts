import { execFile, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { LetterDetail, LetterDocx } from '../../../shared/api/letters-api';
import { formatDateFr } from '../../../shared/templates/fill';
import { hostWithVault } from '../../helpers/host';
import { isoDaysFromToday, unlawfulReview, type Ctx } from './helpers';

/**
 * A mise en demeure generated from a case file through the API, opened by LibreOffice as a
 * lawyer without Word would: the accents of the review and of the template survive, the LRAR
 * number is printed, and the page count matches the footer.
 */

const run = promisify(execFile);
const TOOLS = ['soffice', 'pdftotext', 'pdfinfo'];
const missing = TOOLS.filter(
  (tool) => spawnSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' }).status !== 0,
);
const reason = `outil(s) absent(s) : ${missing.join(', ')}. Installez libreoffice-writer-nogui, poppler-utils et fonts-liberation (ou lancez .ci/run).`;

if (missing.length > 0 && !process.env.CI) {
  process.stdout.write(`[letter-libreoffice] test ignoré : ${reason}\n`);
}

const VERBATIM =
  'Ce « docteur » est un boucher : cœur de pierre, à éviter ! Ça suffit, Noël ou pas.';
const LRAR = '1A 234 567 8901 2';

describe.skipIf(missing.length > 0 && !process.env.CI)(
  'a letter from a case in LibreOffice',
  () => {
    let ctx: Ctx;
    let dir = '';
    let profile = '';
    let text = '';
    let pages = 0;
    let sentOn = '';

    beforeAll(async () => {
      if (missing.length > 0) throw new Error(reason);
      ctx = await hostWithVault();
      const { detail, piece } = await unlawfulReview(ctx, {
        title: 'Propos injurieux d’un internaute',
        platform: 'Forum « Santé & Bien-être »',
        authorPseudonym: 'Éloïse_Ça',
        verbatim: VERBATIM,
      });
      const draft = await ctx.call<LetterDetail>('letters.create', {
        caseId: detail.id,
        templateId: 'mise-en-demeure-auteur',
        recipient: {
          name: 'Mme Éloïse Françoise Lefèvre',
          address: '7 place de l’Église\n13002 Marseille',
        },
        enclosures: [piece.id],
      });
      await ctx.call('letters.update', {
        letterId: draft.id,
        body: draft.texts.body.replace('{{courrier.delaiJours}}', '8'),
      });
      await ctx.call('letters.validate', { letterId: draft.id });
      sentOn = isoDaysFromToday(0);
      await ctx.call('letters.markSent', {
        letterId: draft.id,
        date: sentOn,
        channel: 'lrar',
        lrarNumber: LRAR,
        markStepDone: true,
      });
      const docx = await ctx.call<LetterDocx>('letters.docx', { letterId: draft.id });
      expect(docx.missing).toEqual([]);

      dir = await mkdtemp(join(tmpdir(), 'egide-letter-'));
      profile = join(tmpdir(), `lo-${process.pid}-${randomBytes(6).toString('hex')}`);
      const file = join(dir, 'lettre.docx');
      await writeFile(file, Buffer.from(docx.base64, 'base64'));
      await run(
        'soffice',
        [
          '--headless',
          `-env:UserInstallation=file://${profile}`,
          '--convert-to',
          'pdf',
          '--outdir',
          dir,
          file,
        ],
        { timeout: 180_000 },
      );
      const pdf = join(dir, 'lettre.pdf');
      text = (await run('pdftotext', ['-layout', pdf, '-'])).stdout;
      pages = Number(/^Pages:\s+(\d+)/m.exec((await run('pdfinfo', [pdf])).stdout)?.[1]);
    }, 240_000);

    afterAll(async () => {
      ctx?.cleanup();
      if (dir) await rm(dir, { recursive: true, force: true });
      if (profile) await rm(profile, { recursive: true, force: true });
    });

    it('prints the letterhead, the LRAR number, the objet and the date', () => {
      expect(text).toContain('Cabinet du Parc');
      expect(text).toContain(`Lettre recommandée avec accusé de réception n° ${LRAR}`);
      expect(text).toContain('Objet : Mise en demeure de supprimer des propos publiés sur Forum');
      expect(text).toContain(`À Paris, le ${formatDateFr(sentOn)}`);
      expect(text).toContain('Mme Éloïse Françoise Lefèvre');
      expect(text).toContain('7 place de l’Église');
    });

    it('keeps the accents of the review and of the template', () => {
      // pdftotext may break a long line: compare with the whitespace collapsed.
      const flat = text.replace(/\s+/g, ' ');
      expect(flat).toContain(VERBATIM);
      expect(flat).toContain('sous le nom « Éloïse_Ça »');
      expect(flat).toContain('Santé & Bien-être');
      expect(flat).toContain('article 1344 du Code civil');
      expect(flat).toContain('Pièce n° 1 — Capture de l’avis — 5 mars 2026');
      expect(text).not.toMatch(/\{\{|à compléter/);
    });

    it('numbers its pages as pdfinfo counts them, two at most', () => {
      expect(pages).toBeGreaterThanOrEqual(1);
      expect(pages).toBeLessThanOrEqual(2);
      for (let n = 1; n <= pages; n += 1) expect(text).toContain(`Page ${n} sur ${pages}`);
      expect(text).not.toContain(`sur ${pages + 1}`);
    });
  },
);
