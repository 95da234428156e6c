import { execFile, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { renderLetterDocx, renderSheetDocx } from '../../../electron/core/letters/docx';
import { sampleLetter, twoPageBody } from './helpers';

/**
 * Opens the generated letters in LibreOffice, as a lawyer without Word would, and reads the PDF
 * back: accents must survive, a short letter fits one page, a long one numbers its pages.
 */

const run = promisify(execFile);
const TOOLS = ['soffice', 'pdftotext', 'pdfinfo'];
const missing = TOOLS.filter(
  (tool) => spawnSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' }).status !== 0,
);
const reason = `outil(s) absent(s) : ${missing.join(', ')}. Lancez .ci/run, qui installe libreoffice-writer-nogui, poppler-utils et fonts-liberation.`;

if (missing.length > 0 && !process.env.CI) {
  process.stdout.write(`[docx-libreoffice] tests ignorés : ${reason}\n`);
}

describe.skipIf(missing.length > 0 && !process.env.CI)('DOCX opened by LibreOffice', () => {
  let dir = '';
  let profile = '';
  const pdf: Record<string, { text: string; pages: number }> = {};

  beforeAll(async () => {
    if (missing.length > 0) throw new Error(reason);

    dir = await mkdtemp(join(tmpdir(), 'egide-docx-'));
    profile = join(tmpdir(), `lo-${process.pid}-${randomBytes(6).toString('hex')}`);

    const docs = {
      short: await renderLetterDocx(
        sampleLetter({ bodyText: 'Madame, Monsieur,\n\nAccents : é à ç œ Ç É À « guillemets ».' }),
      ),
      long: await renderLetterDocx(sampleLetter({ bodyText: twoPageBody() })),
      sheet: await renderSheetDocx({
        title: 'Préparer une plainte auprès de la CNIL',
        bodyText: 'Déposer la plainte\nEn ligne : https://www.cnil.fr/fr/plaintes',
      }),
    };
    const files = await Promise.all(
      Object.entries(docs).map(async ([name, buffer]) => {
        const file = join(dir, `${name}.docx`);
        await writeFile(file, buffer);
        return file;
      }),
    );

    await run(
      'soffice',
      [
        '--headless',
        `-env:UserInstallation=file://${profile}`,
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        ...files,
      ],
      { timeout: 180_000 },
    );

    for (const name of Object.keys(docs)) {
      const file = join(dir, `${name}.pdf`);
      const { stdout: text } = await run('pdftotext', ['-layout', file, '-']);
      const { stdout: info } = await run('pdfinfo', [file]);
      pdf[name] = { text, pages: Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]) };
    }
  }, 240_000);

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  it('keeps a short letter on one page with its accents', () => {
    const short = pdf.short;
    expect(short?.pages).toBe(1);
    expect(short?.text).toContain('Objet : Mise en demeure de supprimer des propos injurieux');
    expect(short?.text).toMatch(/mise en demeure/i);
    expect(short?.text).toContain('é à ç œ Ç É À « guillemets »');
    expect(short?.text).toContain(
      'Lettre recommandée avec accusé de réception n° 1A 234 567 8901 2',
    );
    expect(short?.text).toContain('À Lyon, le 12 mars 2026');
    expect(short?.text).toContain('Page 1 sur 1');
  });

  it('numbers the pages of a long letter', () => {
    const long = pdf.long;
    expect(long?.pages).toBe(2);
    expect(long?.text).toContain('Page 1 sur 2');
    expect(long?.text).toContain('Page 2 sur 2');
    expect(long?.text).toContain('Pièce n° 1 — Capture de l’avis — 1er mars 2026');
  });

  it('renders a sheet', () => {
    expect(pdf.sheet?.pages).toBe(1);
    expect(pdf.sheet?.text).toContain('Préparer une plainte auprès de la CNIL');
    expect(pdf.sheet?.text).toContain('https://www.cnil.fr/fr/plaintes');
  });
});
