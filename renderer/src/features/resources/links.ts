import { notifications } from '@mantine/notifications';

import { api, errorMessage } from '../../api/client';

/**
 * Every outside link goes through the core, which checks it against the allowlist. In Electron
 * the main process opens the system browser; in the browser harness the page opens a tab.
 */
export async function openExternalLink(url: string): Promise<void> {
  try {
    const opened = await api.system.openExternal({ url });
    if (opened.mode === 'tab') window.open(opened.url, '_blank', 'noopener');
  } catch (error) {
    notifications.show({ color: 'red', title: 'Lien non ouvert', message: errorMessage(error) });
  }
}

/** A readable label for a bare URL: its host without "www.". */
export function hostLabel(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

/** "2021", "2021-03" or "2021-03-12" as "2021", "mars 2021" or "12 mars 2021". */
export function formatPartialDate(value: string): string {
  const [year, month, day] = value.split('-');
  if (month === undefined || !/^\d{4}$/.test(year ?? '')) return year ?? value;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day ?? 1)));
  if (Number.isNaN(date.getTime())) return value;
  const options: Intl.DateTimeFormatOptions =
    day === undefined
      ? { month: 'long', year: 'numeric', timeZone: 'UTC' }
      : { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat('fr-FR', options).format(date);
}

export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString('fr-FR', { dateStyle: 'long', timeStyle: 'short' });
}
