import { existsSync, readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { loadBuiltInTemplates } from '../../../electron/core/resources/templates';
import { findPlaceholders } from '../../../shared/templates/fill';
import {
  LISTING_STEPS,
  PALIER_STEPS,
  isPlaceholderKey,
  templateSchema,
  templateTexts,
} from '../../../shared/templates/schema';
import type { Template } from '../../../shared/templates/schema';
import { GUIDE_PATH, TEMPLATES_DIR } from './helpers';

let templates: Template[];
const byId = (id: string): Template => {
  const found = templates.find((t) => t.id === id);
  if (!found) throw new Error(`modèle ${id} absent`);
  return found;
};
const allText = (t: Template) => templateTexts(t).join('\n');

beforeAll(async () => {
  templates = await loadBuiltInTemplates(TEMPLATES_DIR);
});

describe('built-in template files', () => {
  it('each JSON file validates on its own against the schema', async () => {
    const files = (await readdir(TEMPLATES_DIR, { recursive: true })).filter((f) =>
      f.endsWith('.json'),
    );
    expect(files.length).toBeGreaterThanOrEqual(19);
    for (const file of files) {
      const data: unknown = JSON.parse(await readFile(join(TEMPLATES_DIR, file), 'utf8'));
      const result = templateSchema.safeParse(data);
      expect(result.success, `${file}: ${result.error?.message ?? ''}`).toBe(true);
    }
  });

  it('loads every template, marked built-in, with unique ids', () => {
    expect(templates.length).toBeGreaterThanOrEqual(19);
    expect(new Set(templates.map((t) => t.id)).size).toBe(templates.length);
    expect(templates.every((t) => t.builtIn === true)).toBe(true);
  });

  it('uses only known placeholders', () => {
    for (const t of templates) {
      const unknown = templateTexts(t)
        .flatMap(findPlaceholders)
        .filter((k) => !isPlaceholderKey(k));
      expect(unknown, t.id).toEqual([]);
    }
  });

  it('gives every letter a legal basis and every reply a nature', () => {
    for (const t of templates.filter((t) => t.kind !== 'reply')) {
      expect(t.legalBasis?.length ?? 0, t.id).toBeGreaterThan(0);
    }
    for (const t of templates.filter((t) => t.kind === 'reply')) {
      expect(t.nature, t.id).toBeTruthy();
      expect(t.body, t.id).toContain('{{cabinet.telephone}}');
      expect(t.body, t.id).toContain('{{cabinet.email}}');
    }
  });

  it('has a template for every palier and every listing step', () => {
    const steps = new Set(templates.map((t) => t.path?.step));
    for (const step of [...PALIER_STEPS.filter((s) => s !== 'palier-5'), ...LISTING_STEPS]) {
      expect(steps.has(step), step).toBe(true);
    }
  });

  it('keeps replies free of patient confirmation and health details', () => {
    const forbidden =
      /\b(votre (traitement|diagnostic|examen|ordonnance)|lors de votre (visite|consultation) du)\b/i;
    for (const t of templates.filter((t) => t.kind === 'reply' && !t.id.startsWith('cnom-'))) {
      expect(t.body, t.id).not.toMatch(forbidden);
      expect(t.body, t.id).toMatch(/secret médical/);
      expect(t.body, t.id).toMatch(/merci|remercions/i);
    }
  });
});

describe('CNOM model replies', () => {
  const ids = ['cnom-desagrement-soins', 'cnom-consultation-courte', 'cnom-temps-attente'];

  it('are present with the CNOM attribution', () => {
    for (const id of ids) {
      const t = byId(id);
      expect(t.kind).toBe('reply');
      expect(t.attribution).toMatch(/Préserver sa réputation numérique/);
      expect(t.attribution).toMatch(/CNOM/);
    }
  });

  // The guide lives beside the checkout (../shared), as CI lays it out; a clone without it skips.
  it.skipIf(!existsSync(GUIDE_PATH))(
    'match the guide’s annex word for word, contact details aside',
    () => {
      const normalise = (s: string) =>
        s
          .replace(/\s+/g, ' ')
          .replace(/\(01 00 00 00 00\)/g, '{{cabinet.telephone}}')
          .replace(/\(exemple@email\.fr\)/g, '{{cabinet.email}}')
          .replace(/rendez -vous/g, 'rendez-vous')
          .replace(/ \./g, '.')
          .trim();
      const guide = readFileSync(GUIDE_PATH, 'utf8');
      const annex = [...guide.matchAll(/Bonjour Madame\/Monsieur,[\s\S]*?Bien à vous/g)].map((m) =>
        normalise(m[0]),
      );
      expect(annex).toHaveLength(3);

      for (const id of ids) {
        const body = normalise(byId(id).body);
        expect(annex, id).toContain(body);
      }
    },
  );
});

describe('palier 1: notice to the editor or host', () => {
  it('carries every element of DSA art. 16(2) and the LCEN checklist', () => {
    const t = byId('signalement-contenu-illicite');
    const text = allText(t);
    expect(t.path).toEqual({ caseKind: 'review', step: 'palier-1' });

    // (a) reasons, with the legal provisions
    expect(text).toContain('{{dossier.qualification}}');
    expect(text).toContain('{{dossier.articles}}');
    expect(text).toMatch(/motifs/i);
    // (b) exact location and the content itself
    expect(text).toContain('{{dossier.url}}');
    expect(text).toContain('{{dossier.texte}}');
    // (c) notifier's name and e-mail
    expect(text).toContain('{{medecin.nom}}');
    expect(text).toContain('{{cabinet.email}}');
    // (d) good-faith statement
    expect(text).toMatch(/de bonne foi .* exactes et complètes/);
    // LCEN: date, recipient, copy to the author or why not
    expect(text).toContain('{{courrier.date}}');
    expect(text).toContain('{{destinataire.nom}}');
    expect(text).toMatch(/copie/);
    expect(text).toMatch(/2022\/2065/);
  });

  it('reminds the user that a knowingly false notice is an offence', () => {
    const reminders = byId('signalement-contenu-illicite').reminders?.join('\n') ?? '';
    expect(reminders).toMatch(/6-I-4/);
    expect(reminders).toMatch(/un an/);
    expect(reminders).toMatch(/15 000 €/);
  });
});

describe('palier 2: mises en demeure', () => {
  it.each(['mise-en-demeure-auteur', 'mise-en-demeure-directeur-publication'])(
    '%s has the words, the facts, a deadline and art. 1344',
    (id) => {
      const t = byId(id);
      const text = allText(t);
      expect(t.path?.step).toBe('palier-2');
      expect(t.sendingMode).toBe('lrar');
      expect(text.toLowerCase()).toContain('mise en demeure');
      expect(text).toMatch(/article 1344 du Code civil/);
      for (const key of ['dossier.url', 'dossier.datePublication', 'dossier.texte']) {
        expect(text).toContain(`{{${key}}}`);
      }
      expect(text).toContain('{{dossier.qualification}}');
      expect(text).toContain('{{courrier.delaiJours}} jours');
      expect(text).toMatch(/saisirai/);
    },
  );

  it('addresses the second one to the directeur de la publication', () => {
    expect(byId('mise-en-demeure-directeur-publication').recipientRole).toBe(
      'directeur-publication',
    );
    expect(byId('mise-en-demeure-auteur').recipientRole).toBe('auteur');
  });
});

describe('listing and other letters', () => {
  it('cites RGPD art. 21, 17, the one-month period and the CNIL in the opposition', () => {
    const text = allText(byId('opposition-effacement-fiche'));
    expect(text).toMatch(/article 21 du RGPD/);
    expect(text).toMatch(/article 17 du RGPD/);
    expect(text).toMatch(/article 12, paragraphe 3/);
    expect(text).toMatch(/un mois/);
    expect(text).toMatch(/CNIL/);
  });

  it('points the CNIL sheet to the complaint page', () => {
    const t = byId('preparation-plainte-cnil');
    expect(t.kind).toBe('sheet');
    expect(t.body).toContain('https://www.cnil.fr/fr/plaintes');
  });

  it('lists the NF Z67-147 elements in the constat request', () => {
    const text = allText(byId('demande-constat-commissaire'));
    expect(text).toContain('NF Z67-147');
    for (const word of ['navigateur', 'adresses IP', 'proxy', 'cache', 'horloge']) {
      expect(text).toContain(word);
    }
  });

  it('sends the lawyer the pièces and recalls the prescription', () => {
    const text = allText(byId('transmission-dossier-avocat'));
    expect(text).toContain('{{pieces.liste}}');
    expect(text).toMatch(/prescri/);
    expect(text).toMatch(/art\. 65/);
  });
});
