import { api, errorMessage } from '../../api/client';

/**
 * Opens an address outside the app through the core's check; resolves to null when it opened,
 * or to the French reason it did not. In the browser harness the page opens a tab itself.
 */
export async function openOutside(url: string): Promise<string | null> {
  try {
    const opened = await api.system.openExternal({ url });
    if (opened.mode === 'tab') window.open(opened.url, '_blank', 'noopener');
    return null;
  } catch (error) {
    return errorMessage(error);
  }
}
