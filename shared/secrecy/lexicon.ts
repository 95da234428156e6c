import type { HealthCategory } from './messages';
import { CARE, EXAMS, TREATMENTS } from './lexicon-care';
import { DIAGNOSES } from './lexicon-diagnoses';

/**
 * The French health lexicon behind the secrecy check. Terms are written as a person would write
 * them; matching folds accents and case, works on whole words, and accepts plurals (see
 * lexicon-diagnoses.ts). A term of several words matches the same words in sequence, whatever the
 * spaces, hyphens or apostrophes between them.
 */

export const SYMPTOMS: readonly string[] = [
  'douleur',
  'fièvre',
  'fiévreux',
  'fiévreuse',
  'toux',
  'nausée',
  'vomissement',
  'diarrhée',
  'constipation',
  'mal de tête',
  'mal à la tête',
  'céphalée',
  'mal de dos',
  'mal au dos',
  'mal de ventre',
  'mal au ventre',
  'mal de gorge',
  'mal à la gorge',
  'mal aux dents',
  'rage de dents',
  'vertige',
  'étourdissement',
  'malaise',
  'évanouissement',
  'syncope',
  'essoufflement',
  'palpitation',
  'saignement',
  'hémorragie',
  'éruption cutanée',
  'démangeaison',
  'œdème',
  'inflammation',
  'brûlure d’estomac',
  'trouble du sommeil',
  'angoisse',
  'convulsion',
  'perte de poids',
  'prise de poids',
  'amaigrissement',
  'engourdissement',
  'fourmillement',
  'souffrant',
  'souffrante',
  'blessure',
  'symptôme',
  'problème de santé',
  'souci de santé',
  'ennui de santé',
  'séquelle',
  'rechute',
  'récidive',
  'fatigue chronique',
  'crampe',
  'contracture',
  'courbature',
  'hématome',
  'ecchymose',
  'plaie',
  'brûlure',
  'morsure',
  'boiterie',
];

/**
 * Specialties and carers. Flagged as 'attention' only: the reply may name the doctor's own
 * specialty, which reveals nothing about the author.
 */
export const SPECIALTIES: readonly string[] = [
  'cardiologue',
  'cardiologie',
  'psychiatre',
  'psychiatrie',
  'psychiatrique',
  'pédopsychiatre',
  'psychologue',
  'psy',
  'gynécologue',
  'gynéco',
  'gynécologie',
  'obstétricien',
  'obstétricienne',
  'sage-femme',
  'oncologue',
  'oncologie',
  'cancérologue',
  'dermatologue',
  'neurologue',
  'pneumologue',
  'gastro-entérologue',
  'gastroentérologue',
  'endocrinologue',
  'diabétologue',
  'urologue',
  'néphrologue',
  'rhumatologue',
  'ophtalmologue',
  'ophtalmo',
  'ORL',
  'orthopédiste',
  'chirurgien',
  'chirurgienne',
  'anesthésiste',
  'addictologue',
  'sexologue',
  'radiologue',
  'kinésithérapeute',
  'kiné',
  'orthophoniste',
  'allergologue',
  'pédiatre',
  'gériatre',
];

/**
 * Words that say nothing on their own ("au sein de", "la santé publique") but become a health
 * detail after a possessive addressed to the author: "votre dos", "votre état de santé".
 */
export const POSSESSIVE_ONLY: readonly string[] = [
  'dos',
  'ventre',
  'tête',
  'gorge',
  'cœur',
  'poumon',
  'foie',
  'rein',
  'estomac',
  'genou',
  'épaule',
  'cheville',
  'poignet',
  'hanche',
  'jambe',
  'bras',
  'pied',
  'œil',
  'yeux',
  'oreille',
  'nez',
  'dent',
  'peau',
  'sein',
  'prostate',
  'utérus',
  'ovaire',
  'vessie',
  'intestin',
  'thyroïde',
  'cerveau',
  'colonne vertébrale',
  'nuque',
  'sang',
  'urine',
  'poids',
  'tension',
  'sommeil',
  'appétit',
  'cicatrice',
  // Not "santé" alone: "votre santé est notre priorité" is a courtesy, not a health detail.
  'état de santé',
  'opération',
  'intervention',
  'examen',
  'analyse',
  'bilan',
  'fatigue',
  'souffrance',
  'guérison',
  'convalescence',
  'rétablissement',
];

/**
 * After "votre" + one of these (one adjective may come between, which also covers "grand-mère"),
 * a health term a few words later is about the author's family.
 */
export const FAMILY: readonly string[] = [
  'enfant',
  'fils',
  'fille',
  'garçon',
  'neveu',
  'nièce',
  'bébé',
  'nourrisson',
  'mari',
  'époux',
  'épouse',
  'femme',
  'conjoint',
  'conjointe',
  'compagnon',
  'compagne',
  'mère',
  'père',
  'maman',
  'papa',
  'parent',
  'frère',
  'sœur',
  'proche',
];

/**
 * Set phrases that contain a lexicon word without speaking of anyone's health. They are matched
 * first and then ignored.
 */
export const NEUTRAL: readonly string[] = [
  'assurance maladie',
  'caisse d’assurance maladie',
  'délai de prescription',
  'santé publique',
  'professionnel de santé',
  'maison de santé',
  'centre de santé',
  'pilule amère',
];

export type LexiconCategory = HealthCategory | 'generique' | 'neutre';

export interface LexiconEntry {
  readonly term: string;
  readonly category: LexiconCategory;
  /** True when the term is flagged only after "votre", "vos", "ton", "ta" or "tes". */
  readonly possessiveOnly: boolean;
}

function entries(
  terms: readonly string[],
  category: LexiconCategory,
  possessiveOnly = false,
): LexiconEntry[] {
  return terms.map((term) => ({ term, category, possessiveOnly }));
}

export const LEXICON: readonly LexiconEntry[] = [
  ...entries(DIAGNOSES, 'diagnostic'),
  ...entries(SYMPTOMS, 'symptome'),
  ...entries(TREATMENTS, 'traitement'),
  ...entries(EXAMS, 'examen'),
  ...entries(CARE, 'soin'),
  ...entries(SPECIALTIES, 'specialite'),
  ...entries(POSSESSIVE_ONLY, 'generique', true),
  ...entries(NEUTRAL, 'neutre'),
];

export { CARE, DIAGNOSES, EXAMS, TREATMENTS };
