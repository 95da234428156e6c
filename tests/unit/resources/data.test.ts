import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

import { beforeAll, describe, expect, it } from 'vitest';

import {
  listDirectoryEntries,
  loadResources,
  RESOURCE_ENTRY_KINDS,
  RESOURCE_FILES,
} from '../../../electron/core/resources/load';
import { isHttpsUrl } from '../../../shared/resources/schema';
import type { Resources } from '../../../shared/resources/schema';

const RESOURCES_DIR = fileURLToPath(new URL('../../../resources', import.meta.url));

const DIRECTORY_FILES = [
  RESOURCE_FILES.sites,
  RESOURCE_FILES.firms,
  RESOURCE_FILES.insurers,
  RESOURCE_FILES.institutions,
  RESOURCE_FILES.bibliography,
];

/** Every string in a JSON value, with its dotted path. */
function strings(value: unknown, path = ''): { path: string; value: string }[] {
  if (typeof value === 'string') return [{ path, value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${path}.${i}`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => strings(v, `${path}.${k}`));
  }
  return [];
}

/** Objects of a JSON value that carry an `id`, with the list they sit in. */
function identified(value: unknown, list = ''): { list: string; id: string }[] {
  if (Array.isArray(value)) return value.flatMap((v) => identified(v, list));
  if (value === null || typeof value !== 'object') return [];
  const own = 'id' in value && typeof value.id === 'string' ? [{ list, id: value.id }] : [];
  return [...own, ...Object.entries(value).flatMap(([k, v]) => identified(v, k))];
}

async function readJson(relative: string): Promise<unknown> {
  return JSON.parse(await readFile(`${RESOURCES_DIR}/${relative}`, 'utf8')) as unknown;
}

let resources: Resources;

beforeAll(async () => {
  resources = await loadResources(RESOURCES_DIR);
});

describe('directory data files', () => {
  it.each(DIRECTORY_FILES)('%s holds only https URLs', async (file) => {
    const urlLike = strings(await readJson(file)).filter(
      (s) =>
        /^[a-z]+:\/\//i.test(s.value) || s.path.endsWith('.url') || s.path.endsWith('.website'),
    );

    expect(urlLike.length).toBeGreaterThan(0);
    for (const s of urlLike) expect(isHttpsUrl(s.value), `${file}${s.path}`).toBe(true);
    // Only the notes that explain the switch from the guide's http:// may mention it.
    const insecure = strings(await readJson(file)).filter(
      (s) => s.value.includes('http://') && !s.path.endsWith('.urlNote'),
    );
    expect(insecure).toEqual([]);
  });

  it.each(DIRECTORY_FILES)('%s has no duplicate id or URL', async (file) => {
    const data = await readJson(file);
    const ids = identified(data).map((x) => `${x.list}:${x.id}`);
    const urls = strings(data)
      .filter((s) => /^https:\/\//.test(s.value))
      .map((s) => s.value);

    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(urls).size).toBe(urls.length);
  });

  it('gives every entry a source', () => {
    const all = [
      ...resources.sites.sites,
      ...resources.firms.firms,
      ...resources.insurers.insurers,
      ...resources.institutions.institutions,
      ...resources.bibliography.references,
      ...resources.bibliography.insurerArticles,
    ];
    expect(all.length).toBeGreaterThan(30);
    for (const entry of all) expect(entry.source.trim(), entry.id).not.toBe('');
  });

  it('lists every site of the guide with the review system it describes', () => {
    const byId = new Map(resources.sites.sites.map((s) => [s.id, s]));
    const expected = {
      'annuaire-horaire': 'avis',
      'choisir-un-medecin': 'notation',
      doctoome: 'recommandation',
      'horaires-d-ouverture-24': 'notation',
      keskeces: 'notation',
      lemedecin: 'rendez-vous',
      'societe-com': 'aucun',
      'tous-les-horaires': 'aucun',
      'annuaire-sante': 'aucun',
      google: 'avis',
    } as const;

    for (const [id, kind] of Object.entries(expected))
      expect(byId.get(id)?.reviewKind, id).toBe(kind);
    expect(byId.get('lemedecin')?.linkedToBooking).toBe(true);
    expect(byId.get('doctoome')?.linkedToBooking).toBe(false);
    // The guide writes these with http:// or as a bare domain: the switch to https is explained.
    for (const id of ['annuaire-horaire', 'doctoome', 'lemedecin']) {
      expect(byId.get(id)?.urlNote, id).toMatch(/https/);
    }
  });

  it('says how to ask for removal, citing the RGPD or saying what is unknown', () => {
    for (const site of resources.sites.sites) {
      expect(site.removalHowTo, site.id).toMatch(/RGPD|à vérifier|avocat/);
    }
  });

  it('lists the 13 firms of the guide, each with a caution about its offer', () => {
    const ids = resources.firms.firms.map((f) => f.id).sort();
    expect(ids).toEqual(
      [
        'alaxione',
        'antipodes-medical',
        'doctizen',
        'doctolib',
        'google-alerts',
        'healthcie',
        'iprotego',
        'merci-docteur',
        'net-offensive',
        'pro-reputation',
        'semji',
        'smile-mood',
        'vokare',
      ].sort(),
    );
    for (const firm of resources.firms.firms) {
      const free = firm.offers.includes('outil-gratuit');
      expect(free, firm.id).toBe(firm.id === 'google-alerts');
      if (!free)
        expect(firm.description, firm.id).toContain('Offre à vérifier auprès de la société');
    }
    const categories = resources.firms.categories.map((c) => c.id).sort();
    expect(categories).toEqual(
      [
        'assistance-juridique',
        'enfouissement-dereferencement',
        'outil-gratuit',
        'reponse-aux-avis',
        'veille',
      ].sort(),
    );
  });

  it('separates what the guide states about insurers from what it does not', () => {
    const insurers = resources.insurers;
    expect(insurers.insurers.map((i) => i.id).sort()).toEqual(
      ['aviva', 'axa', 'macsf', 'mnh', 'sham', 'swisslife'].sort(),
    );
    expect(insurers.warning).toMatch(/contact|interrogez|appelez/i);
    expect(insurers.offerKinds.map((k) => k.kind).sort()).toEqual([
      'assistance-gestion',
      'assurance-e-reputation',
    ]);

    const statedInsurance = insurers.insurers
      .filter((i) => i.offers.some((o) => o.kind === 'assurance-e-reputation' && o.stated))
      .map((i) => i.id)
      .sort();
    expect(statedInsurance).toEqual(['axa', 'macsf', 'sham', 'swisslife']);
    for (const insurer of insurers.insurers) {
      expect(insurer.offers.map((o) => o.kind).sort(), insurer.id).toEqual([
        'assistance-gestion',
        'assurance-e-reputation',
      ]);
    }
  });

  it('links the institutions to the CNIL, CNOM, ANS and Google pages of the guide', () => {
    const urls = new Set(
      resources.institutions.institutions.flatMap((i) => [
        ...(i.url === undefined ? [] : [i.url]),
        ...i.links.map((l) => l.url),
      ]),
    );
    for (const url of [
      'https://www.cnil.fr/fr/le-droit-dopposition',
      'https://www.cnil.fr/agir',
      'https://www.cnil.fr/fr/le-dereferencement-dun-contenu-dans-un-moteur-de-recherche',
      'https://annuaire.sante.fr/web/site-pro',
      'https://www.conseil-national.medecin.fr/sites/default/files/cnom_guide_pratique_e-reputation.pdf',
      'https://support.google.com/business/answer/4566671?hl=fr&ref_topic=4539640',
    ]) {
      expect(urls.has(url), url).toBe(true);
    }
    for (const url of urls) expect(url).not.toContain('sjid');
  });

  it('keeps the five references of the bibliography and ties articles to known insurers', () => {
    expect(resources.bibliography.references).toHaveLength(5);
    const insurerIds = new Set(resources.insurers.insurers.map((i) => i.id));
    for (const article of resources.bibliography.insurerArticles) {
      expect(insurerIds.has(article.insurer), article.id).toBe(true);
    }
  });
});

describe('listDirectoryEntries', () => {
  it('gives unique, category-prefixed ids and https URLs', () => {
    const entries = listDirectoryEntries(resources);
    const ids = entries.map((e) => e.id);

    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('site:doctolib');
    expect(ids).toContain('firm:doctolib');
    for (const e of entries) {
      expect(RESOURCE_ENTRY_KINDS).toContain(e.category);
      expect(e.id).toMatch(/^(site|firm|insurer|institution|bib):[a-z0-9-]+$/);
      expect(e.name.trim()).not.toBe('');
      for (const url of e.urls) expect(isHttpsUrl(url), e.id).toBe(true);
    }
    for (const kind of RESOURCE_ENTRY_KINDS) {
      expect(
        entries.some((e) => e.category === kind),
        kind,
      ).toBe(true);
    }
  });

  it('counts one entry per site, firm, insurer, institution, reference and article', () => {
    const r = resources;
    const expected =
      r.sites.sites.length +
      r.firms.firms.length +
      r.insurers.insurers.length +
      r.institutions.institutions.length +
      r.bibliography.references.length +
      r.bibliography.insurerArticles.length;
    expect(listDirectoryEntries(r)).toHaveLength(expected);
  });
});
