import type { SendingMode, TemplateKind } from '../../../../shared/templates/schema';

export const SENDING_MODE_LABELS: Record<SendingMode, string> = {
  lrar: 'Lettre recommandée avec AR',
  lre: 'Lettre recommandée électronique',
  email: 'Courriel',
  courrier: 'Courrier simple',
  formulaire: 'Formulaire en ligne',
  aucun: 'Sans mention d’envoi',
};

export const TEMPLATE_KIND_LABELS: Record<TemplateKind, string> = {
  reply: 'Réponse publique',
  letter: 'Courrier',
  sheet: 'Fiche de préparation',
  'form-text': 'Texte pour un formulaire',
};

/**
 * What a careful public reply does, in the order the CNOM's guide « Préserver sa réputation
 * numérique » (2018) recommends, in our words; 'fonde' and 'non-fonde' are alternatives.
 */
export const CNOM_REPLY_STEPS = [
  { id: 'remercier', label: 'Remercier l’auteur d’avoir pris le temps de donner son avis' },
  { id: 'comprendre', label: 'Montrer que vous avez compris ce qui l’a mécontenté' },
  {
    id: 'fonde',
    label: 'Si le reproche est fondé : en donner la cause et les mesures prises pour y remédier',
  },
  { id: 'non-fonde', label: 'S’il ne l’est pas : dire votre étonnement à sa lecture' },
  {
    id: 'secret',
    label: 'Si besoin, expliquer que le secret médical empêche une réponse complète',
  },
  {
    id: 'contact',
    label: 'Proposer d’en parler par les coordonnées professionnelles du cabinet',
  },
] as const;
export type CnomStepId = (typeof CNOM_REPLY_STEPS)[number]['id'];
