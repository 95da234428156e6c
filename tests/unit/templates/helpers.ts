import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { TextWriter, Uint8ArrayReader, ZipReader, configure } from '@zip.js/zip.js';

import type { LetterDocModel } from '../../../electron/core/letters/docx';

configure({ useWebWorkers: false });

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const TEMPLATES_DIR = resolve(REPO_ROOT, 'resources/templates');
/** shared/ sits beside the checkout, on developers' machines and in CI alike. */
export const GUIDE_PATH = resolve(
  REPO_ROOT,
  '../shared/reference/guide-e-reputation-medecin-liberal.txt',
);

/** Every XML part of a DOCX, by name. */
export async function unzipDocx(docx: Uint8Array): Promise<Map<string, string>> {
  const reader = new ZipReader(new Uint8ArrayReader(docx));
  const parts = new Map<string, string>();
  try {
    for (const entry of await reader.getEntries()) {
      if (entry.directory) continue;
      parts.set(entry.filename, await entry.getData(new TextWriter()));
    }
  } finally {
    await reader.close();
  }
  return parts;
}

export async function documentXml(docx: Uint8Array): Promise<string> {
  const xml = (await unzipDocx(docx)).get('word/document.xml');
  if (xml === undefined) throw new Error('word/document.xml absent du DOCX');
  return xml;
}

/** The visible text of a WordprocessingML part: w:t contents, one paragraph per line. */
export function visibleText(xml: string): string {
  return xml
    .split('</w:p>')
    .map((p) =>
      [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)]
        .map((m) => (m[0] === '<w:br/>' ? '\n' : (m[1] ?? '')))
        .join(''),
    )
    .join('\n')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

export function sampleLetter(overrides: Partial<LetterDocModel> = {}): LetterDocModel {
  return {
    sender: {
      practiceName: 'Cabinet médical des Tilleuls',
      doctorName: 'Dr Hélène Martin',
      rpps: '10001234567',
      address: '12 rue des Tilleuls\n69003 Lyon',
      phone: '04 72 00 00 00',
      email: 'contact@cabinet-tilleuls.fr',
    },
    recipient: {
      name: 'Société Annuaire Santé Plus',
      address: '3 avenue de l’Opéra\n75001 Paris',
    },
    place: 'Lyon',
    date: '12 mars 2026',
    sendingMode: 'lrar',
    lrarNumber: '1A 234 567 8901 2',
    objet: 'Mise en demeure de supprimer des propos injurieux',
    references: 'Propos publiés le 1er mars 2026',
    bodyText:
      'Madame, Monsieur,\n\nLe 1er mars 2026, des propos ont été publiés à mon sujet : « Ça, c’est un cœur de pierre à éviter ».\n\nPar la présente, qui vaut mise en demeure, je vous demande de les supprimer.',
    closing:
      'Je vous prie d’agréer, Madame, Monsieur, l’expression de mes salutations distinguées.',
    signatureName: 'Dr Hélène Martin',
    enclosures: ['Pièce n° 1 — Capture de l’avis — 1er mars 2026'],
    ...overrides,
  };
}

/** A letter body long enough to need a second page, but not a third. */
export function twoPageBody(): string {
  const paragraph =
    'Les propos litigieux, publiés sans nuance et repris par plusieurs internautes, portent une atteinte grave à ma considération professionnelle : ils prêtent au cabinet des pratiques qu’il n’a jamais eues, et leur auteur ne s’est pas borné à exprimer une opinion sur un service rendu.';
  return ['Madame, Monsieur,', ...Array.from({ length: 9 }, () => paragraph)].join('\n\n');
}
