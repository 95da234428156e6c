import { dialog, ipcMain, shell, type BrowserWindow, type OpenDialogOptions } from 'electron';

import type { ApiResult } from '../../shared/api/errors';
import { IPC_CHANNEL } from '../../shared/api/method-names';
import type { AppHost } from '../core/app/host';
import { getLogger } from '../core/log';
import { CaptureWindows } from './capture';
import { isSenderFrameAllowed } from './policy';

type MainAction = (approved: unknown, input: unknown) => Promise<ApiResult<unknown>>;

/**
 * One channel for the whole API. The sender frame is checked (main frame of the app origin);
 * the input is validated by the host against the contract's schema before any handler runs.
 * A few methods need Electron itself: the core approves them first (session, role, input,
 * address policy), then the matching action below does the Electron part.
 */
export function registerIpc(host: AppHost, _window: () => BrowserWindow | null): void {
  const capture = new CaptureWindows(host, process.env.EGIDE_TEST_ALLOW_LOOPBACK_CAPTURE === '1');

  const actions: Record<string, MainAction> = {
    'system.openExternal': async (approved) => {
      const { url } = approved as { url: string };
      await shell.openExternal(url);
      return { ok: true, value: { mode: 'system', url } };
    },
    // The core answered { path: null } after its session check; main shows the real picker.
    'system.chooseFolder': async (_approved, input) => {
      const title = (input as { title?: unknown } | null)?.title;
      const options: OpenDialogOptions = {
        title: typeof title === 'string' && title ? title : 'Choisir un dossier',
        buttonLabel: 'Choisir ce dossier',
        properties: ['openDirectory', 'createDirectory'],
      };
      const win = _window();
      const picked = win
        ? await dialog.showOpenDialog(win, options)
        : await dialog.showOpenDialog(options);
      return { ok: true, value: { path: picked.canceled ? null : (picked.filePaths[0] ?? null) } };
    },
    'capture.open': async (approved) => {
      capture.open((approved as { url: string }).url);
      return { ok: true, value: approved };
    },
    'capture.take': async (approved) => capture.take((approved as { caseId: string }).caseId),
    'capture.close': async () => {
      capture.close();
      return { ok: true, value: null };
    },
  };

  ipcMain.handle(IPC_CHANNEL, async (event, method: unknown, input: unknown) => {
    if (!isSenderFrameAllowed(event.senderFrame, process.env.ELECTRON_RENDERER_URL)) {
      getLogger().warn('ipc call refused: unexpected sender');
      return { ok: false, error: { code: 'FORBIDDEN', message: 'Appel refusé.' } };
    }
    if (typeof method !== 'string') {
      return { ok: false, error: { code: 'INVALID_INPUT', message: 'Action inconnue.' } };
    }
    const result = await host.call(method, input);
    const action = Object.hasOwn(actions, method) ? actions[method] : undefined;
    if (!action || !result.ok) return result;
    try {
      return await action(result.value, input);
    } catch {
      getLogger().error({ method }, 'main action failed');
      return {
        ok: false,
        error: { code: 'INTERNAL', message: 'L’action n’a pas abouti. Réessayez.' },
      };
    }
  });
}
