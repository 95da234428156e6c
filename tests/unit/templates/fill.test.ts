import { describe, expect, it } from 'vitest';

import { AppError } from '../../../shared/api/errors';
import {
  buildPlaceholderValues,
  fillTemplate,
  findPlaceholders,
  formatDateFr,
  formatPieceLine,
} from '../../../shared/templates/fill';
import type { PlaceholderInput } from '../../../shared/templates/fill';

const base: PlaceholderInput = {
  cabinet: {
    name: 'Cabinet des Tilleuls',
    address: '12 rue des Tilleuls\n69003 Lyon',
    phone: '04 72 00 00 00',
    email: 'contact@tilleuls.fr',
  },
  doctor: { name: 'Dr Hélène Martin', rpps: '10001234567' },
};

describe('findPlaceholders', () => {
  it('lists distinct keys in order of first appearance, tolerating inner spaces', () => {
    const text = '{{ dossier.url }} puis {{cabinet.nom}} et {{dossier.url}} {{courrier.date}}';
    expect(findPlaceholders(text)).toEqual(['dossier.url', 'cabinet.nom', 'courrier.date']);
  });

  it('ignores text that only looks like a placeholder', () => {
    expect(findPlaceholders('{cabinet.nom} {{ }} {{1abc}} {{a..b}} {{cabinet.nom')).toEqual([]);
  });
});

describe('fillTemplate', () => {
  it('replaces known placeholders with their values', () => {
    const result = fillTemplate('Tél. : {{cabinet.telephone}}, {{cabinet.email}}', {
      'cabinet.telephone': '04 72 00 00 00',
      'cabinet.email': 'a@b.fr',
    });
    expect(result).toEqual({ text: 'Tél. : 04 72 00 00 00, a@b.fr', missing: [], unknown: [] });
  });

  it('marks missing values in French instead of printing braces, and lists them once', () => {
    const result = fillTemplate('N° {{courrier.numeroLrar}} — {{dossier.url}} {{dossier.url}}', {
      'courrier.numeroLrar': '   ',
    });
    expect(result.text).toBe(
      'N° [à compléter : numéro de la lettre recommandée] — ' +
        '[à compléter : adresse (URL) du contenu] [à compléter : adresse (URL) du contenu]',
    );
    expect(result.missing).toEqual(['courrier.numeroLrar', 'dossier.url']);
    expect(result.text).not.toContain('{{');
  });

  it('reports unknown placeholders and marks them visibly', () => {
    const result = fillTemplate('Bonjour {{patient.nom}}', { 'patient.nom': 'X' });
    expect(result.unknown).toEqual(['patient.nom']);
    expect(result.text).toBe('Bonjour [champ inconnu : patient.nom]');
  });

  it('inserts values literally, without expanding placeholders or $ patterns inside them', () => {
    const review = 'Le {{cabinet.nom}} est nul ! $& $1 $$';
    const result = fillTemplate('« {{dossier.texte}} » — {{cabinet.nom}}', {
      'dossier.texte': review,
      'cabinet.nom': 'Cabinet des Tilleuls',
    });
    expect(result.text).toBe(`« ${review} » — Cabinet des Tilleuls`);
    expect(result.missing).toEqual([]);
    expect(result.unknown).toEqual([]);
  });

  it('keeps accents, typographic quotes and line breaks intact', () => {
    const result = fillTemplate('{{dossier.texte}}', {
      'dossier.texte': 'Médecin à éviter… « œuvre » ç\nligne 2',
    });
    expect(result.text).toBe('Médecin à éviter… « œuvre » ç\nligne 2');
  });

  it('does not read inherited object properties as values', () => {
    const result = fillTemplate('{{cabinet.nom}}', Object.create({ 'cabinet.nom': 'piège' }));
    expect(result.missing).toEqual(['cabinet.nom']);
  });
});

describe('formatDateFr', () => {
  it.each([
    ['2011-11-23', '23 novembre 2011'],
    ['2026-03-01', '1er mars 2026'],
    ['2024-02-29', '29 février 2024'],
    ['2026-08-15', '15 août 2026'],
    ['2026-12-31', '31 décembre 2026'],
  ])('formats %s as %s', (input, expected) => {
    expect(formatDateFr(input)).toBe(expected);
  });

  it('reads timestamps in Paris time, not UTC', () => {
    expect(formatDateFr('2026-03-11T23:30:00Z')).toBe('12 mars 2026');
    expect(formatDateFr('2026-07-31T22:30:00.000Z')).toBe('1er août 2026');
  });

  it.each(['2023-02-29', '2026-13-01', '2026-00-10', '12/03/2026', 'hier', '', '2026-03-1'])(
    'refuses %j with an INVALID_INPUT error',
    (input) => {
      expect(() => formatDateFr(input)).toThrow(AppError);
      expect(() => formatDateFr(input)).toThrow(/AAAA-MM-JJ/);
    },
  );
});

describe('buildPlaceholderValues', () => {
  it('maps every input to its placeholder and formats dates in French', () => {
    const values = buildPlaceholderValues({
      ...base,
      caseFile: {
        title: 'Avis Google',
        url: 'https://example.fr/a',
        platform: 'Google Maps',
        verbatimText: 'Texte exact',
        firstPublishedAt: '2011-08-23',
        discoveredAt: '2011-09-01',
        author: 'Jean D.',
        qualification: 'injure publique',
        articles: ['art. 29 de la loi du 29 juillet 1881', ' ', 'art. 33'],
      },
      recipient: { name: 'Google Ireland Limited', address: 'Dublin' },
      letter: {
        date: '2011-11-23',
        place: 'Lyon',
        lrarNumber: '1A 234',
        delayDays: 8,
        initialRequestDate: '2011-10-02',
      },
      pieces: [
        { number: 2, title: 'Constat', date: '2026-03-14' },
        { number: 1, title: 'Capture de l’avis', date: '2026-03-12' },
        { number: 3, title: 'Courriel sans date' },
      ],
    });

    expect(values).toMatchObject({
      'cabinet.nom': 'Cabinet des Tilleuls',
      'cabinet.adresse': '12 rue des Tilleuls\n69003 Lyon',
      'medecin.rpps': '10001234567',
      'dossier.datePublication': '23 août 2011',
      'dossier.dateDecouverte': '1er septembre 2011',
      'dossier.articles': 'art. 29 de la loi du 29 juillet 1881; art. 33',
      'courrier.date': '23 novembre 2011',
      'courrier.delaiJours': '8',
      'courrier.dateDemandeInitiale': '2 octobre 2011',
      'destinataire.nom': 'Google Ireland Limited',
    });
    expect(values['pieces.liste']).toBe(
      'Pièce n° 1 — Capture de l’avis — 12 mars 2026\n' +
        'Pièce n° 2 — Constat — 14 mars 2026\n' +
        'Pièce n° 3 — Courriel sans date',
    );
  });

  it('leaves absent data undefined so that the letter shows markers', () => {
    const values = buildPlaceholderValues({ ...base, pieces: [] });
    expect(values['dossier.url']).toBeUndefined();
    expect(values['pieces.liste']).toBeUndefined();
    expect(values['courrier.date']).toBeUndefined();

    const filled = fillTemplate('{{cabinet.nom}} : {{pieces.liste}}', values);
    expect(filled.text).toBe('Cabinet des Tilleuls : [à compléter : liste des pièces]');
    expect(filled.missing).toEqual(['pieces.liste']);
  });

  it('refuses an invalid date or delay, naming the field', () => {
    const badDate = () =>
      buildPlaceholderValues({ ...base, caseFile: { firstPublishedAt: '2026-02-30' } });
    expect(badDate).toThrow(AppError);
    try {
      badDate();
    } catch (e) {
      expect((e as AppError).field).toBe('caseFile.firstPublishedAt');
    }

    for (const delayDays of [0, -3, 2.5, Number.NaN]) {
      expect(() => buildPlaceholderValues({ ...base, letter: { delayDays } })).toThrow(/délai/);
    }
  });

  it('formats a pièce line like the bordereau', () => {
    expect(formatPieceLine({ number: 7, title: '  Avis de réception ', date: '2026-03-01' })).toBe(
      'Pièce n° 7 — Avis de réception — 1er mars 2026',
    );
  });
});
