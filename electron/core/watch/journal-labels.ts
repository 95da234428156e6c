import { JOURNAL_ACTION_LABELS } from '../../../shared/api/security-api';

/**
 * The journal stores action codes; the dashboard shows them in French. Codes of features that
 * land later fall back on their family, then on a neutral label: nothing shows a raw code.
 */

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
  return (
    JOURNAL_ACTION_LABELS[action] ??
    FAMILIES[action.split('.')[0] ?? ''] ??
    'Modification enregistrée'
  );
}
