/**
 * The journal stores action codes; the dashboard shows them in French. Codes of features that
 * land later fall back on their family, then on a neutral label: nothing shows a raw code.
 */
const LABELS: Record<string, string> = {
  'vault.create': 'Coffre du cabinet créé',
  'demo.seed': 'Données d’exemple chargées',
  'practice.update': 'Coordonnées du cabinet modifiées',
  'settings.update': 'Réglages modifiés',
  'account.add': 'Compte ajouté',
  'account.rename': 'Compte renommé',
  'account.revoke': 'Compte révoqué',
  'account.passphrase': 'Phrase de passe changée',
  'contact.add': 'Contact ajouté',
  'contact.update': 'Contact modifié',
  'contact.remove': 'Contact supprimé',
  'note.set': 'Note d’annuaire modifiée',
  'case.create': 'Dossier ouvert',
  'case.update': 'Dossier modifié',
  'case.text.correct': 'Texte de l’avis corrigé',
  'case.qualify': 'Contenu qualifié',
  'case.step': 'Étape du parcours mise à jour',
  'case.status': 'Statut du dossier modifié',
  'piece.import': 'Pièce ajoutée',
  'piece.capture': 'Fiche de capture complétée',
  'piece.withdraw': 'Pièce retirée',
  'deadline.override': 'Date d’échéance corrigée',
  'deadline.restore': 'Date d’échéance calculée rétablie',
  'followup.add': 'Relance programmée',
  'followup.done': 'Relance faite',
  'gdpr.request': 'Demande RGPD signalée',
  'gdpr.extend': 'Prolongation du délai RGPD notée',
  'listing.save': 'Fiche d’annuaire mise à jour',
  'listing.check': 'Fiche d’annuaire vérifiée',
  'listing.add': 'Site ajouté à la veille des fiches',
  'listing.remove': 'Site retiré de la veille des fiches',
  'listing.case': 'Dossier ouvert depuis la veille des fiches',
  'gbp.set': 'Liste de contrôle de la page Google mise à jour',
  'feed.add': 'Flux de veille ajouté',
  'feed.remove': 'Flux de veille retiré',
  'feed.refresh': 'Flux de veille actualisé',
  'mention.dismiss': 'Mention écartée',
  'mention.case': 'Dossier ouvert depuis une mention',
};

const FAMILIES: Record<string, string> = {
  vault: 'Coffre modifié',
  account: 'Compte modifié',
  case: 'Dossier modifié',
  piece: 'Pièce modifiée',
  letter: 'Courrier modifié',
  letters: 'Courrier modifié',
  correspondence: 'Correspondance enregistrée',
  template: 'Modèle de courrier modifié',
  templates: 'Modèle de courrier modifié',
  export: 'Dossier exporté',
  backup: 'Sauvegarde',
};

/** Entries the dashboard does not list: bookkeeping, not work done by someone. */
export const HIDDEN_ACTIONS: readonly string[] = ['notify.due'];

export function journalLabel(action: string): string {
  return LABELS[action] ?? FAMILIES[action.split('.')[0] ?? ''] ?? 'Modification enregistrée';
}
