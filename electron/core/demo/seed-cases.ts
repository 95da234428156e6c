import type { CaseFields } from '../../../shared/api/cases-api';
import { createCase, qualify, setStatus, setStep } from '../cases/repo';
import { importPiece } from '../pieces/pieces';
import type { OpenVault } from '../vault/open-vault';
import { demoPdf, demoPng } from './demo-files';

const DAY = 86_400_000;
const iso = (d: Date) => d.toISOString().slice(0, 10);

/** Defaults for the fields a demo case does not set. */
const BLANK: Omit<CaseFields, 'kind' | 'title' | 'platform' | 'url'> = {
  platformEntryId: null,
  authorPseudonym: '',
  authorIdentifiable: false,
  authorIdentity: '',
  rating: null,
  ratingMax: null,
  firstPosted: null,
  firstPostedHow: null,
  discovered: null,
  notes: '',
  tags: [],
};

const CAPTURE = {
  os: 'Windows 11 Professionnel 23H2',
  browser: 'Firefox 133',
  cacheEmptied: true,
  clockChecked: true,
  reachedByLinks: true,
  pageTitle: '',
  appVersion: 'Égide (démonstration)',
};

/** Invented case files of each kind, at different stages, with pièces. */
export async function seedCasesDemo(vault: OpenVault, now: Date): Promise<void> {
  const daysAgo = (n: number) => new Date(now.getTime() - n * DAY);

  const injure = createCase(
    vault,
    {
      ...BLANK,
      kind: 'review',
      title: 'Avis injurieux sur la page Google',
      platform: 'Google (fiche d’établissement)',
      url: 'https://maps.google.com/?cid=0000000000000000001',
      authorPseudonym: 'Zorro69',
      rating: 1,
      ratingMax: 5,
      firstPosted: iso(daysAgo(40)),
      firstPostedHow: 'page',
      discovered: iso(daysAgo(38)),
      notes: 'Repéré par le secrétariat lors de la vérification mensuelle.',
      tags: ['google', 'urgent'],
    },
    'Médecin incompétent et arrogant, un vrai boucher. À fuir absolument, il devrait être radié.',
    daysAgo(38),
  );
  qualify(
    vault,
    {
      caseId: injure,
      lawful: false,
      categories: ['injure', 'diffamation'],
      answers: { injure: true, diffamation: true },
      note: 'Termes outrageants et accusation de faute.',
    },
    daysAgo(37),
  );
  setStep(
    vault,
    {
      caseId: injure,
      stepId: 'palier-1',
      state: 'fait',
      date: iso(daysAgo(36)),
      reason: '',
      note: 'Signalement via le formulaire de Google.',
    },
    daysAgo(36),
  );
  await importPiece(
    vault,
    {
      caseId: injure,
      source: {
        kind: 'bytes',
        name: 'capture-avis-google.png',
        base64: demoPng(480, 270, 1).toString('base64'),
      },
      title: 'Capture de l’avis sur la page Google',
      capture: {
        ...CAPTURE,
        sourceUrl: 'https://maps.google.com/?cid=0000000000000000001',
        capturedAt: daysAgo(38).toISOString(),
        description: 'Avis visible en haut de la liste des avis, note 1/5.',
      },
    },
    daysAgo(38),
  );
  await importPiece(
    vault,
    {
      caseId: injure,
      source: {
        kind: 'bytes',
        name: 'accuse-reception-signalement.pdf',
        base64: demoPdf([
          'Accuse de reception du signalement',
          'Reference : DEMO-0001',
          'Votre signalement est en cours d examen.',
        ]).toString('base64'),
      },
      title: 'Accusé de réception du signalement',
      capture: {
        ...CAPTURE,
        sourceUrl: '',
        capturedAt: daysAgo(35).toISOString(),
        description: 'Réponse automatique de la plateforme.',
      },
    },
    daysAgo(35),
  );

  const lawful = createCase(
    vault,
    {
      ...BLANK,
      kind: 'review',
      title: 'Avis sur le temps d’attente',
      platform: 'Google (fiche d’établissement)',
      url: 'https://maps.google.com/?cid=0000000000000000002',
      authorPseudonym: 'Marie L.',
      rating: 2,
      ratingMax: 5,
      firstPosted: iso(daysAgo(6)),
      firstPostedHow: 'page',
      discovered: iso(daysAgo(5)),
      tags: ['attente'],
    },
    'Une heure d’attente malgré un rendez-vous, personne ne nous a prévenus du retard.',
    daysAgo(5),
  );
  qualify(
    vault,
    {
      caseId: lawful,
      lawful: true,
      categories: [],
      answers: {},
      note: 'Critique désagréable mais dans les limites de la liberté d’expression.',
    },
    daysAgo(5),
  );

  const listing = createCase(
    vault,
    {
      ...BLANK,
      kind: 'listing',
      title: 'Fiche nominative sur un annuaire d’horaires',
      platform: 'Annuaire horaire',
      platformEntryId: 'site:annuaire-horaire',
      url: 'https://www.annuaire-horaire.fr/medecin/demo-moreau',
      discovered: iso(daysAgo(50)),
      notes: 'Fiche créée sans accord, horaires erronés.',
      tags: ['rgpd'],
    },
    '',
    daysAgo(50),
  );
  setStep(
    vault,
    {
      caseId: listing,
      stepId: 'opposition-envoyee',
      state: 'fait',
      date: iso(daysAgo(45)),
      reason: '',
      note: 'Envoyée en LRAR.',
    },
    daysAgo(45),
  );
  await importPiece(
    vault,
    {
      caseId: listing,
      source: {
        kind: 'bytes',
        name: 'fiche-annuaire.png',
        base64: demoPng(480, 300, 2).toString('base64'),
      },
      title: 'Capture de la fiche nominative',
      capture: {
        ...CAPTURE,
        sourceUrl: 'https://www.annuaire-horaire.fr/medecin/demo-moreau',
        capturedAt: daysAgo(50).toISOString(),
        description: 'Fiche avec adresse et horaires erronés.',
      },
    },
    daysAgo(50),
  );

  createCase(
    vault,
    {
      ...BLANK,
      kind: 'google',
      title: 'Revendiquer la fiche Google du cabinet',
      platform: 'Google Business Profile',
      url: 'https://business.google.com/',
      discovered: iso(daysAgo(20)),
      notes: 'Numéro de téléphone de l’ancien cabinet affiché.',
    },
    '',
    daysAgo(20),
  );

  const closed = createCase(
    vault,
    {
      ...BLANK,
      kind: 'other',
      title: 'Message sur un forum de quartier',
      platform: 'Forum local',
      url: 'https://forum.example.org/t/123',
      authorPseudonym: 'voisin75',
      firstPosted: iso(daysAgo(200)),
      firstPostedHow: 'estimated',
      discovered: iso(daysAgo(190)),
      notes: 'Supprimé par le modérateur après signalement.',
    },
    'Ce cabinet refuse les nouveaux patients, ne perdez pas votre temps.',
    daysAgo(190),
  );
  setStatus(
    vault,
    {
      caseId: closed,
      status: 'clos',
      outcome: 'supprime',
      outcomeNote: 'Message retiré par le forum.',
    },
    daysAgo(150),
  );
}
