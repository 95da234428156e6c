import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

import { beforeAll, describe, expect, it } from 'vitest';

import { listDirectoryEntries, loadResources } from '../../../electron/core/resources/load';

const RESOURCES_DIR = fileURLToPath(new URL('../../../resources', import.meta.url));

// The reference text lives beside the checkout on the project's machines; elsewhere the copy of
// its links below is what the test checks.
const GUIDE_TEXT =
  process.env['EGIDE_GUIDE_TEXT'] ??
  fileURLToPath(
    new URL('../../../../shared/reference/guide-e-reputation-medecin-liberal.txt', import.meta.url),
  );

/** Every address the guide gives, as written there (http://, bare domains, tracking params). */
const GUIDE_URLS = [
  'https://annuaire.sante.fr/web/site-pro',
  'https://www.cnil.fr/fr/le-droit-dopposition',
  'https://www.cnil.fr/agir',
  'https://www.cnil.fr/fr/le-dereferencement-dun-contenu-dans-un-moteur-de-recherche',
  'https://support.google.com/business/answer/4566671?hl=fr&ref_topic=4539640&sjid=16382943297815053610-EU',
  'https://www.conseil-national.medecin.fr/sites/default/files/cnom_guide_pratique_e-reputation.pdf',
  'https://www.linkedin.com/pulse/soignez-votre-e-r%C3%A9putation-le-m%C3%A9decin-lib%C3%A9ral-face-aux-olivier-leca',
  'https://www.cairn.info/revue-sante-publique-2021-3-page-379.htm',
  'https://www.cairn.info/publications-de-David-Gladines--731731.htm',
  'https://www.cairn.info/publications-de-Pierre-Andr%C3%A9-Bonnet--731732.htm',
  'https://www.cairn.info/publications-de-Axelle-Durocher--731733.htm',
  'https://www.urps-ml-bfc.org/wp-content/uploads/2021/04/Lettre_48_BFC-1.pdf',
  'https://www.capital.fr/economie-politique/un-internaute-condamne-a-payer-1800-euros-a-cause-dun-avis-sur-google-1438278',
  'https://www.aviva.fr/conseils-en-assurance/mon-activite-professionnelle/e-reputation-entreprise.html',
  'https://www.macsf.fr/responsabilite-professionnelle/ethique-et-societe/comment-proteger-votre-e-reputation',
  'https://www.macsf.fr/responsabilite-professionnelle/Relation-au-patient-et-deontologie/ereputation-garantie-assistance',
  'https://www.macsf.fr/Nos-produits-services/vie-professionnelle/Responsabilite-civile-professionnelle-Protection-juridique/RCP-PJ-Professionnels-de-sante/responsabilite-civile-professionnelle-et-protection-juridique-liberaux#garanties-optionnelles',
  'https://www.mnh.fr/actualite/prenez-soin-votre-e-reputation',
  'https://www.sham.fr/professionnels-de-sante/responsabilite-civile-professionnelle',
  'https://www.swisslife.fr/home/particuliers/Proteger-mes-proches-et-maintenir-mes-revenus/Proteger-ma-famille/E-reputation.html',
  'http://www.annuaire-horaire.fr/',
  'www.annuaire-horaire.fr',
  'https://www.choisirunmedecin.com/',
  'http://www.doctoome.com/',
  'www.doctoome.com',
  'https://www.horairesdouverture24.fr/',
  'https://www.keskeces.com/',
  'https://lemedecin.fr/',
  'lemedecin.fr',
  'https://www.societe.com/',
  'https://tous-les-horaires.fr/',
  'https://www.alaxione.fr/nos-solutions/',
  'https://www.antipodes-medical.com/expertise/e-reputation/',
  'https://doctizen.com/',
  'https://community.doctolib.com/t5/agenda-en-ligne/lier-le-systeme-interne-de-notation-doctolib-aux-avis-google/idi-p/13182',
  'https://www.google.fr/alerts',
  'https://www.healthcie.fr/e-reputation-medecin/',
  'https://www.iprotego.com/',
  'https://www.mercidocteur.co/',
  'https://www.netoffensive.blog/e-reputation/agence/gestion/professionnels-sante/',
  'https://pro-reputation.com/e-reputation-medecin/',
  'https://semji.com/fr/blog/ereputation-des-professionnels-de-sante/',
  'https://smilemood.fr/',
  'https://www.vokare.fr/',
];

/** The form the data uses: https, a trailing slash on bare hosts, no Google tracking id. */
function normalize(raw: string): string {
  const withScheme = /^[a-z]+:\/\//i.test(raw) ? raw : `https://${raw}`;
  const url = new URL(withScheme.replace(/^http:\/\//i, 'https://'));
  url.searchParams.delete('sjid');
  return url.toString();
}

let dataUrls: Set<string>;

beforeAll(async () => {
  const entries = listDirectoryEntries(await loadResources(RESOURCES_DIR));
  dataUrls = new Set(entries.flatMap((e) => e.urls).map(normalize));
});

describe('links of the guide', () => {
  it('normalizes http, bare domains and the sjid parameter', () => {
    expect(normalize('http://www.doctoome.com/')).toBe('https://www.doctoome.com/');
    expect(normalize('lemedecin.fr')).toBe('https://lemedecin.fr/');
    expect(normalize('https://a.fr/x?hl=fr&sjid=12-EU')).toBe('https://a.fr/x?hl=fr');
  });

  it.each(GUIDE_URLS)('%s appears in the data', (raw) => {
    expect(dataUrls.has(normalize(raw))).toBe(true);
  });

  it.skipIf(!existsSync(GUIDE_TEXT))(
    'covers every address found in the reference text',
    async () => {
      const text = await readFile(GUIDE_TEXT, 'utf8');
      const found = [...text.matchAll(/https?:\/\/[^\s()]+/g)].map((m) => m[0]);
      expect(found.length).toBeGreaterThan(40);

      for (const raw of found) {
        // The text wraps a few long addresses over two lines: the first half ends with a hyphen.
        const known =
          dataUrls.has(normalize(raw)) ||
          (raw.endsWith('-') && [...dataUrls].some((u) => u.startsWith(normalize(raw))));
        expect(known, raw).toBe(true);
      }
    },
  );
});
