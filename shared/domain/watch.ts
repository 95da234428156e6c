/** Vocabulary of the listings watch, the Google page checklist and the mentions watch. */

export const LISTING_STATES = [
  'non-verifiee',
  'absente',
  'presente',
  'reclamee',
  'suppression-demandee',
  'supprimee',
  'refus',
  'dereferencement-demande',
] as const;
export type ListingState = (typeof LISTING_STATES)[number];

export const LISTING_STATE_LABELS: Record<ListingState, string> = {
  'non-verifiee': 'Non vérifiée',
  absente: 'Aucune fiche trouvée',
  presente: 'Présente',
  reclamee: 'Réclamée',
  'suppression-demandee': 'Suppression demandée',
  supprimee: 'Supprimée',
  refus: 'Refus de l’éditeur',
  'dereferencement-demande': 'Déréférencement demandé',
};

/** A listing unchecked for this long triggers the monthly reminder. */
export const LISTING_CHECK_DAYS = 30;

/** Deadlines within this many days are "due soon": banner and desktop notification. */
export const DUE_SOON_DAYS = 7;

export interface GbpItem {
  id: string;
  label: string;
  detail: string;
}

/** Google's help page on taking over the page Google builds for a practice. */
export const GBP_HELP_URL =
  'https://support.google.com/business/answer/4566671?hl=fr&ref_topic=4539640';

/** The Google Business Profile checklist, in the order the work is done. */
export const GBP_CHECKLIST: readonly GbpItem[] = [
  {
    id: 'revendiquer',
    label: 'Revendiquer la page du cabinet',
    detail:
      'Depuis un compte Google au nom du cabinet (pas un compte personnel), demandez la gestion ' +
      'de la page que Google a créée à partir des annuaires publics.',
  },
  {
    id: 'valider',
    label: 'Valider la propriété',
    detail:
      'Google vérifie que vous êtes bien le cabinet : code par courrier, téléphone, e-mail ou ' +
      'vidéo selon ce qu’il propose. Tant que ce n’est pas fait, vous ne gérez rien.',
  },
  {
    id: 'informations',
    label: 'Corriger les informations',
    detail:
      'Nom d’exercice, spécialité, adresse, téléphone, horaires et lien de prise de rendez-vous : ' +
      'les mêmes que sur l’Annuaire Santé, pour éviter les appels et les avis d’agacement.',
  },
  {
    id: 'acces',
    label: 'Donner un accès au secrétariat',
    detail:
      'Ajoutez le secrétariat comme gestionnaire de la page plutôt que de partager le mot de ' +
      'passe du compte.',
  },
  {
    id: 'avis',
    label: 'Régler la réception des avis',
    detail:
      'Activez les notifications des nouveaux avis et décidez qui y répond, depuis le compte du ' +
      'cabinet, en suivant les conseils du CNOM et sans rien révéler du soin.',
  },
  {
    id: 'revue',
    label: 'Revoir la page chaque mois',
    detail:
      'Des internautes peuvent proposer des modifications que Google applique sans vous : ' +
      'vérifiez la page lors de la vérification mensuelle des fiches.',
  },
];
