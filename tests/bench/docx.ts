import { performance } from 'node:perf_hooks';

import { renderLetterDocx } from '../../electron/core/letters/docx';
import type { LetterDocModel } from '../../electron/core/letters/docx';

const WARMUP = 5;
const RUNS = 30;

/** A letter that LibreOffice lays out on two A4 pages (checked by docx-libreoffice.test.ts). */
function twoPageLetter(): LetterDocModel {
  const paragraph =
    'Les propos litigieux, publiés sans nuance et repris par plusieurs internautes, portent une atteinte grave à ma considération professionnelle : ils prêtent au cabinet des pratiques qu’il n’a jamais eues, et leur auteur ne s’est pas borné à exprimer une opinion sur un service rendu.';
  return {
    sender: {
      practiceName: 'Cabinet médical des Tilleuls',
      doctorName: 'Dr Hélène Martin',
      rpps: '10001234567',
      address: '12 rue des Tilleuls\n69003 Lyon',
      phone: '04 72 00 00 00',
      email: 'contact@cabinet-tilleuls.fr',
    },
    recipient: { name: 'Société Annuaire Santé Plus', address: '3 avenue de l’Opéra\n75001 Paris' },
    place: 'Lyon',
    date: '12 mars 2026',
    sendingMode: 'lrar',
    lrarNumber: '1A 234 567 8901 2',
    objet: 'Mise en demeure de supprimer des propos injurieux',
    references: 'Propos publiés le 1er mars 2026',
    bodyText: ['Madame, Monsieur,', ...Array.from({ length: 9 }, () => paragraph)].join('\n\n'),
    closing:
      'Je vous prie d’agréer, Madame, Monsieur, l’expression de mes salutations distinguées.',
    signatureName: 'Dr Hélène Martin',
    enclosures: ['Pièce n° 1 — Capture de l’avis — 1er mars 2026'],
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Median time to render a two-page letter to DOCX, after a warm-up (reference: 9-11 ms). */
export async function benchDocx(): Promise<{ docx_letter_ms: number }> {
  const letter = twoPageLetter();
  for (let i = 0; i < WARMUP; i++) await renderLetterDocx(letter);

  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    const docx = await renderLetterDocx(letter);
    times.push(performance.now() - start);
    if (docx.length === 0) throw new Error('DOCX vide');
  }
  return { docx_letter_ms: Math.round(median(times) * 100) / 100 };
}
