import type { SendingMode } from '../../../../../shared/templates/schema';

/** The line the DOCX prints under the date (same wording as the core's renderer). */
export function sendingModeLineFr(mode: SendingMode, lrarNumber: string): string | undefined {
  const number = lrarNumber.trim() ? ` n° ${lrarNumber.trim()}` : '';
  switch (mode) {
    case 'lrar':
      return `Lettre recommandée avec accusé de réception${number}`;
    case 'lre':
      return `Lettre recommandée électronique${number}`;
    case 'email':
      return 'Par courriel';
    case 'courrier':
      return 'Par courrier simple';
    case 'formulaire':
      return 'Transmis par le formulaire en ligne du destinataire';
    case 'aucun':
      return undefined;
  }
}
