import { describe, expect, it } from 'vitest';

import { AppError } from '../../../shared/api/errors';
import {
  cleanText,
  renderLetterDocx,
  renderSheetDocx,
  sendingModeLine,
  splitParagraphs,
} from '../../../electron/core/letters/docx';
import { loadBuiltInTemplates } from '../../../electron/core/resources/templates';
import { buildPlaceholderValues, fillTemplate } from '../../../shared/templates/fill';
import { TEMPLATES_DIR, documentXml, sampleLetter, unzipDocx, visibleText } from './helpers';

describe('renderLetterDocx', () => {
  it('writes the letterhead, recipient, sending mode, objet, body and enclosures', async () => {
    const docx = await renderLetterDocx(sampleLetter());
    const text = visibleText(await documentXml(docx));

    for (const expected of [
      'Cabinet médical des Tilleuls',
      'RPPS : 10001234567',
      'Tél. : 04 72 00 00 00',
      'Courriel : contact@cabinet-tilleuls.fr',
      'Société Annuaire Santé Plus\n3 avenue de l’Opéra\n75001 Paris',
      'À Lyon, le 12 mars 2026',
      'Lettre recommandée avec accusé de réception n° 1A 234 567 8901 2',
      'Objet : Mise en demeure de supprimer des propos injurieux',
      'Références : Propos publiés le 1er mars 2026',
      '« Ça, c’est un cœur de pierre à éviter »',
      'Pièces jointes :',
      'Pièce n° 1 — Capture de l’avis — 1er mars 2026',
      'Signature',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('{{');
  });

  it('keeps paragraphs apart and turns single newlines into line breaks', async () => {
    const xml = await documentXml(
      await renderLetterDocx(sampleLetter({ bodyText: 'Un\nDeux\n\n\n\nTrois' })),
    );
    const text = visibleText(xml);
    expect(text).toContain('Un\nDeux');
    expect(text).toMatch(/Un\nDeux\nTrois/);
    expect(xml.match(/<w:t xml:space="preserve">Trois<\/w:t>/g)).toHaveLength(1);
  });

  it('sets a short unpunctuated first line in bold, and only that', async () => {
    const xml = await documentXml(
      await renderLetterDocx(
        sampleLetter({ bodyText: '2. Destinataire\nSociété X\n\nPublié le 3 :\nligne' }),
      ),
    );
    expect(xml).toMatch(/<w:b\/>(?:(?!<\/w:r>).)*2\. Destinataire/);
    expect(xml).not.toMatch(/<w:b\/>(?:(?!<\/w:r>).)*Société X/);
    expect(xml).not.toMatch(/<w:b\/>(?:(?!<\/w:r>).)*Publié le 3/);
  });

  it('escapes markup typed by users, so the document stays valid XML', async () => {
    const xml = await documentXml(
      await renderLetterDocx(
        sampleLetter({ bodyText: 'Avis : <script>alert("x")</script> & </w:t> \u0007fin' }),
      ),
    );
    expect(xml).not.toContain('<script>');
    expect(xml).not.toContain('\u0007');
    expect(xml).toContain('&lt;script&gt;');
    expect(visibleText(xml)).toContain('Avis : <script>alert("x")</script> & </w:t> fin');
  });

  it('sets A4 pages, 2.5 cm margins, the font, the page footer and the properties', async () => {
    const parts = await unzipDocx(await renderLetterDocx(sampleLetter({ title: 'Titre doc' })));
    const document = parts.get('word/document.xml') ?? '';
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(document).toMatch(/w:top="1417"/);
    expect(document).toMatch(/w:left="1417"/);
    expect(parts.get('word/styles.xml')).toContain('w:ascii="Arial"');

    const footer = [...parts.entries()].find(([name]) => /word\/footer\d*\.xml/.test(name))?.[1];
    expect(footer).toMatch(/PAGE/);
    expect(footer).toMatch(/NUMPAGES/);
    expect(visibleText(footer ?? '')).toMatch(/Page .* sur /);

    const core = parts.get('docProps/core.xml') ?? '';
    expect(core).toContain('<dc:title>Titre doc</dc:title>');
    expect(core).toContain('<dc:creator>Égide</dc:creator>');
  });

  it('omits the sending line, references and enclosures when there are none', async () => {
    const text = visibleText(
      await documentXml(
        await renderLetterDocx(
          sampleLetter({ sendingMode: 'aucun', references: '  ', enclosures: [' '] }),
        ),
      ),
    );
    expect(text).not.toContain('Lettre recommandée');
    expect(text).not.toContain('Références');
    expect(text).not.toContain('Pièces jointes');
  });

  it.each([
    [{ objet: ' ' }, 'objet'],
    [{ place: '' }, 'place'],
    [{ bodyText: '\n\n  \n' }, 'bodyText'],
    [{ recipient: { name: '' } }, 'recipient.name'],
  ])('refuses an incomplete letter (%j)', async (change, field) => {
    const error: unknown = await renderLetterDocx(sampleLetter(change)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('INVALID_INPUT');
    expect((error as AppError).field).toBe(field);
  });

  it('renders a built-in template end to end without braces', async () => {
    const templates = await loadBuiltInTemplates(TEMPLATES_DIR);
    const template = templates.find((t) => t.id === 'mise-en-demeure-auteur');
    if (!template) throw new Error('modèle absent');

    const values = buildPlaceholderValues({
      cabinet: { name: 'Cabinet des Tilleuls', email: 'a@b.fr', phone: '04 72 00 00 00' },
      doctor: { name: 'Dr Hélène Martin', rpps: '10001234567' },
      caseFile: {
        url: 'https://avis.example/123',
        platform: 'Google Maps',
        verbatimText: 'Docteur {{cabinet.nom}} = charlatan',
        firstPublishedAt: '2026-03-01',
        discoveredAt: '2026-03-02',
        author: 'J. D.',
        qualification: 'injure publique',
        articles: 'articles 29 et 33 de la loi du 29 juillet 1881',
      },
      letter: { delayDays: 8, lrarNumber: '1A 999', date: '2026-03-05', place: 'Lyon' },
    });
    const fill = (s: string | undefined) => fillTemplate(s ?? '', values);
    const body = fill(template.body);
    expect(body.missing).toEqual([]);

    const docx = await renderLetterDocx(
      sampleLetter({
        objet: fill(template.objet).text,
        bodyText: body.text,
        closing: fill(template.closing).text,
        lrarNumber: values['courrier.numeroLrar'],
      }),
    );
    const text = visibleText(await documentXml(docx));
    expect(text).toContain('Objet : Mise en demeure de supprimer des propos publiés sur Google');
    expect(text).toContain('n° 1A 999');
    expect(text).toContain('délai de 8 jours');
    expect(text).toContain('article 1344 du Code civil');
    // The only braces left are those quoted verbatim from the review.
    expect(text.match(/\{\{/g)).toHaveLength(1);
    expect(text).toContain('« Docteur {{cabinet.nom}} = charlatan »');
  });
});

describe('helpers', () => {
  it('describes each sending mode in French', () => {
    expect(sendingModeLine('lrar')).toBe('Lettre recommandée avec accusé de réception');
    expect(sendingModeLine('lrar', ' 1A 2 ')).toBe(
      'Lettre recommandée avec accusé de réception n° 1A 2',
    );
    expect(sendingModeLine('lre')).toBe('Lettre recommandée électronique');
    expect(sendingModeLine('email')).toBe('Par courriel');
    expect(sendingModeLine('courrier')).toBe('Par courrier simple');
    expect(sendingModeLine('formulaire')).toMatch(/formulaire/);
    expect(sendingModeLine('aucun')).toBeUndefined();
  });

  it('splits paragraphs on blank lines, including Windows line ends', () => {
    expect(splitParagraphs('A\r\nB\r\n\r\nC\n \nD\n\n')).toEqual(['A\nB', 'C', 'D']);
    expect(cleanText('a\u0000b\u000bc\ud800d')).toBe('abcd');
    expect(cleanText('émoji 😀 ok')).toBe('émoji 😀 ok');
  });
});

describe('renderSheetDocx', () => {
  it('writes the title, subtitle and body with bold headings', async () => {
    const xml = await documentXml(
      await renderSheetDocx({
        title: 'Préparer une plainte auprès de la CNIL',
        subtitle: 'Cabinet des Tilleuls',
        bodyText: 'Pièces à rassembler\n- la demande ;\n- l’avis de réception.\n\nFin.',
      }),
    );
    const text = visibleText(xml);
    expect(text).toContain('Préparer une plainte auprès de la CNIL');
    expect(text).toContain('Cabinet des Tilleuls');
    expect(text).toContain('Pièces à rassembler\n- la demande ;');
    expect(xml).toMatch(/<w:b\/>(?:(?!<\/w:r>).)*Pièces à rassembler/);
  });

  it('refuses an empty sheet', async () => {
    await expect(renderSheetDocx({ title: 'T', bodyText: ' ' })).rejects.toBeInstanceOf(AppError);
  });
});
