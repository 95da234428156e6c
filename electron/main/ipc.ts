import { ipcMain, shell, type BrowserWindow } from 'electron';

import { IPC_CHANNEL } from '../../shared/api/method-names';
import type { AppHost } from '../core/app/host';
import { getLogger } from '../core/log';
import { isSenderFrameAllowed } from './policy';

/**
 * One channel for the whole API. The sender frame is checked (main frame of the app origin);
 * the input is validated by the host against the contract's schema before any handler runs.
 */
export function registerIpc(host: AppHost, _window: () => BrowserWindow | null): void {
  ipcMain.handle(IPC_CHANNEL, async (event, method: unknown, input: unknown) => {
    if (!isSenderFrameAllowed(event.senderFrame, process.env.ELECTRON_RENDERER_URL)) {
      getLogger().warn('ipc call refused: unexpected sender');
      return { ok: false, error: { code: 'FORBIDDEN', message: 'Appel refusé.' } };
    }
    if (typeof method !== 'string') {
      return { ok: false, error: { code: 'INVALID_INPUT', message: 'Action inconnue.' } };
    }
    const result = await host.call(method, input);
    // The core validated the address against the allowlist; only main may open the browser.
    if (method === 'system.openExternal' && result.ok) {
      const { url } = result.value as { url: string };
      await shell.openExternal(url);
      return { ok: true, value: { mode: 'system', url } };
    }
    return result;
  });
}
