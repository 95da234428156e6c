import type { Certainty, Urgency } from '../../../../shared/deadlines/types';

/** Red when past or within 7 days, orange within 30, blue beyond. */
export const URGENCY_COLORS: Record<Urgency, string> = {
  depassee: 'red',
  critique: 'red',
  proche: 'orange',
  normale: 'blue',
};

export const URGENCY_LABELS: Record<Urgency, string> = {
  depassee: 'Dépassée',
  critique: '7 jours ou moins',
  proche: '30 jours ou moins',
  normale: 'À venir',
};

export const CERTAINTY_LABELS: Record<Certainty, string> = {
  sure: 'Date établie',
  estimated: 'Date estimée : l’échéance réelle peut être plus proche',
  verify: 'À vérifier avec votre avocat',
};

export function daysLeftLabel(days: number): string {
  if (days < 0) return `Dépassée de ${-days} jour${days < -1 ? 's' : ''}`;
  if (days === 0) return 'Dernier jour : aujourd’hui';
  return `${days} jour${days > 1 ? 's' : ''} restant${days > 1 ? 's' : ''}`;
}

/** Saves text the core produced through a blob link: no network, allowed by the CSP. */
export function downloadText(content: string, fileName: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start reading the blob before releasing it.
  window.setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
