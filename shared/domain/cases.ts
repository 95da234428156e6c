import { UNLAWFUL_CATEGORIES, type UnlawfulCategory } from '../deadlines/types';
import { LAWFUL_REVIEW_STEPS, LISTING_STEPS, PALIER_STEPS } from '../templates/schema';

export { UNLAWFUL_CATEGORIES, type UnlawfulCategory };

export const CASE_KINDS = ['review', 'listing', 'google', 'other'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];
export const CASE_KIND_LABELS: Record<CaseKind, string> = {
  review: 'Avis ou commentaire',
  listing: 'Fiche nominative (annuaire)',
  google: 'Page Google (Business Profile)',
  other: 'Autre',
};

export const CASE_STATUSES = ['ouvert', 'attente', 'clos'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  ouvert: 'Ouvert',
  attente: 'En attente d’une réponse',
  clos: 'Clos',
};

export const OUTCOMES = [
  'supprime',
  'reponse-publiee',
  'accord',
  'decision',
  'abandon',
  'autre',
] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const OUTCOME_LABELS: Record<Outcome, string> = {
  supprime: 'Contenu supprimé',
  'reponse-publiee': 'Réponse publiée',
  accord: 'Accord amiable',
  decision: 'Décision de justice',
  abandon: 'Démarche abandonnée',
  autre: 'Autre issue',
};

export const FIRST_POSTED_HOW = ['page', 'archive', 'estimated'] as const;
export type FirstPostedHow = (typeof FIRST_POSTED_HOW)[number];
export const FIRST_POSTED_HOW_LABELS: Record<FirstPostedHow, string> = {
  page: 'Date lue sur la page',
  archive: 'Date d’une archive du web',
  estimated: 'Date estimée',
};

/** The six categories of the guide, each with its plain-French meaning and legal basis. */
export const CATEGORY_INFO: Record<
  UnlawfulCategory,
  { label: string; explain: string; basis: string }
> = {
  injure: {
    label: 'Injure',
    explain:
      'Une expression outrageante, un terme de mépris ou une invective qui ne renferme l’imputation ' +
      'd’aucun fait précis (par exemple « charlatan », « boucher »).',
    basis: 'Loi du 29 juillet 1881, art. 29 al. 2 et 33',
  },
  diffamation: {
    label: 'Diffamation',
    explain:
      'L’allégation d’un fait précis, vérifiable, qui porte atteinte à l’honneur ou à la ' +
      'considération (par exemple « il prescrit sans examiner », « il a fait une erreur de diagnostic »).',
    basis: 'Loi du 29 juillet 1881, art. 29 al. 1 et 32',
  },
  incitation: {
    label: 'Incitation à la haine, à la discrimination ou à la violence',
    explain: 'Un appel à s’en prendre au médecin, à le discriminer ou à le haïr.',
    basis: 'Loi du 29 juillet 1881, art. 24',
  },
  denigrement: {
    label: 'Dénigrement',
    explain:
      'Une critique qui vise les services du cabinet plutôt que la personne, pour en détourner les ' +
      'patients, sans base factuelle suffisante ou sans mesure.',
    basis: 'Code civil, art. 1240',
  },
  'vie-privee': {
    label: 'Atteinte à la vie privée',
    explain: 'La divulgation d’éléments de la vie personnelle du médecin ou de ses proches.',
    basis: 'Code civil, art. 9',
  },
  discrimination: {
    label: 'Propos racistes, sexistes ou discriminatoires',
    explain:
      'Des propos visant l’origine, la religion, le sexe, l’orientation sexuelle, l’identité de ' +
      'genre ou le handicap.',
    basis: 'Loi du 29 juillet 1881, art. 32 al. 2-3, 33 al. 3-4 et 65-3',
  },
};

export const PATHS = ['paliers', 'reponse', 'fiche', 'a-qualifier'] as const;
export type CasePath = (typeof PATHS)[number];

export interface StepDef {
  id: string;
  label: string;
  needs: string;
}

export const PATH_STEPS: Record<Exclude<CasePath, 'a-qualifier'>, StepDef[]> = {
  paliers: [
    {
      id: PALIER_STEPS[0],
      label: 'Palier 1 — Signalement à l’éditeur ou à l’hébergeur',
      needs:
        'Une notification conforme au DSA (art. 16) et à la LCEN, avec l’URL exacte et les propos.',
    },
    {
      id: PALIER_STEPS[1],
      label: 'Palier 2 — Mise en demeure',
      needs:
        'De l’auteur s’il est identifiable, sinon du directeur de la publication ; envoi en LRAR.',
    },
    {
      id: PALIER_STEPS[2],
      label: 'Palier 3 — Constituer une preuve',
      needs:
        'Captures avec leur fiche de capture, et si possible un constat de commissaire de justice.',
    },
    {
      id: PALIER_STEPS[3],
      label: 'Palier 4 — Action judiciaire en suppression',
      needs: 'Le dossier transmis à l’avocat avant la fin du délai de prescription.',
    },
    {
      id: PALIER_STEPS[4],
      label: 'Palier 5 — Action en suppression et indemnisation',
      needs: 'Le dossier complet et les éléments du préjudice.',
    },
  ],
  reponse: [
    {
      id: LAWFUL_REVIEW_STEPS[0],
      label: 'Réponse rédigée',
      needs: 'Une réponse conforme aux conseils du CNOM, vérifiée pour le secret médical.',
    },
    {
      id: LAWFUL_REVIEW_STEPS[1],
      label: 'Réponse publiée',
      needs: 'La date de publication de la réponse.',
    },
    { id: LAWFUL_REVIEW_STEPS[2], label: 'Dossier clos', needs: 'L’issue du dossier.' },
  ],
  fiche: [
    {
      id: LISTING_STEPS[0],
      label: 'Demande d’opposition et d’effacement envoyée',
      needs: 'Une demande fondée sur le RGPD (art. 21 et 17), envoyée à l’éditeur.',
    },
    {
      id: LISTING_STEPS[1],
      label: 'Réponse reçue ou délai d’un mois écoulé',
      needs: 'La réponse de l’éditeur ou la fin du délai (RGPD art. 12.3).',
    },
    {
      id: LISTING_STEPS[2],
      label: 'Plainte à la CNIL ou référé',
      needs: 'La fiche de préparation de la plainte, ou le dossier pour l’avocat.',
    },
    {
      id: LISTING_STEPS[3],
      label: 'Demande de déréférencement',
      needs: 'Le formulaire du moteur de recherche, rempli avec l’URL de la fiche.',
    },
  ],
};

export const STEP_STATES = ['a-faire', 'fait', 'ecarte'] as const;
export type StepState = (typeof STEP_STATES)[number];

export function pathOf(kind: CaseKind, lawful: boolean | null): CasePath {
  if (kind === 'listing') return 'fiche';
  if (lawful === null) return 'a-qualifier';
  return lawful ? 'reponse' : 'paliers';
}
