import type { RecipientRole as ApiRecipientRole } from '../../../../shared/api/resources-api';
import { PATH_STEPS } from '../../../../shared/domain/cases';
import type { RecipientRole, TemplateCaseKind } from '../../../../shared/templates/schema';

/** Labels and small date helpers shared by the letters' screens. */

export const STEP_LABELS: Record<string, string> = Object.fromEntries(
  Object.values(PATH_STEPS).flatMap((steps) => steps.map((s) => [s.id, s.label])),
);

export const TEMPLATE_CASE_KIND_LABELS: Record<TemplateCaseKind, string> = {
  review: 'Avis ou commentaire',
  listing: 'Fiche nominative',
  google: 'Page Google',
  other: 'Autre contenu',
  any: 'Tout dossier',
};

export const TEMPLATE_RECIPIENT_LABELS: Record<RecipientRole, string> = {
  auteur: 'Auteur des propos',
  editeur: 'Éditeur du site',
  'directeur-publication': 'Directeur de la publication',
  hebergeur: 'Hébergeur',
  cnil: 'CNIL',
  'moteur-recherche': 'Moteur de recherche',
  commissaire: 'Commissaire de justice',
  assureur: 'Assureur',
  ordre: 'Ordre des médecins',
  avocat: 'Avocat',
  autre: 'Autre destinataire',
};

/** Which entries of « recipients.list » suit a template's recipient. */
export const RECIPIENT_MATCH: Partial<Record<RecipientRole, ApiRecipientRole[]>> = {
  editeur: ['editeur'],
  'directeur-publication': ['editeur'],
  hebergeur: ['editeur'],
  cnil: ['institution'],
  'moteur-recherche': ['institution'],
  commissaire: ['commissaire', 'societe'],
  assureur: ['assureur'],
  ordre: ['ordre'],
  avocat: ['avocat'],
};

/** Calendar arithmetic on "YYYY-MM-DD" strings, in local days (no time zone involved). */
export function addDaysIso(iso: string, days: number): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days));
  return d.toISOString().slice(0, 10);
}

export function addMonthsIso(iso: string, months: number): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const year = Number(m[1]);
  const month = Number(m[2]) - 1 + months;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const d = new Date(Date.UTC(year, month, Math.min(Number(m[3]), last)));
  return d.toISOString().slice(0, 10);
}

export function daysLeftLabel(days: number | null): string {
  if (days === null) return '';
  if (days === 0) return 'aujourd’hui';
  if (days > 0) return `dans ${days} jour${days > 1 ? 's' : ''}`;
  return `dépassée de ${-days} jour${days < -1 ? 's' : ''}`;
}
