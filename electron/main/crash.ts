import { app, clipboard, dialog } from 'electron';

import type { AppHost } from '../core/app/host';
import { backupService } from '../core/backup/service';
import { buildCrashReport, CRASH_DIALOG, crashChoice } from '../core/crash-report';
import { getLogger } from '../core/log';

const QUIT_WAIT_MS = 2 * 60_000;

/**
 * What happens when the main process meets an error nobody caught: the vault is closed (the key
 * leaves memory), the error is logged without its message, and a French dialog offers to restart,
 * to copy a redacted report, or to quit. Also holds the quit until a backup started by the last
 * lock has finished copying.
 */
export function installCrashHandlers(getHost: () => AppHost | null): void {
  let handling = false;

  const onFatal = (error: unknown) => {
    getLogger().child({ subsystem: 'crash' }).fatal({ err: error }, 'uncaught error');
    if (handling) return;
    handling = true;
    try {
      // No backup here: the state that led to the error is unknown. Closing drops the key.
      getHost()?.session?.close();
    } catch {
      // Already closed or unusable: nothing more to protect.
    }
    const report = buildCrashReport(error, {
      app: app.getVersion(),
      electron: process.versions.electron,
      chrome: process.versions.chrome,
      node: process.versions.node,
      platform: process.platform,
      arch: process.arch,
    });
    void ask(report);
  };

  const ask = async (report: string): Promise<void> => {
    for (;;) {
      const { response } = await dialog.showMessageBox({
        type: 'error',
        title: CRASH_DIALOG.title,
        message: CRASH_DIALOG.message,
        detail: CRASH_DIALOG.detail,
        buttons: [...CRASH_DIALOG.buttons],
        defaultId: CRASH_DIALOG.defaultId,
        cancelId: CRASH_DIALOG.cancelId,
        noLink: true,
      });
      const choice = crashChoice(response);
      if (choice === 'copy') {
        clipboard.writeText(report);
        continue; // Back to the dialog: copying is not a way out.
      }
      if (choice === 'restart') app.relaunch();
      app.exit(choice === 'restart' ? 0 : 1);
      return;
    }
  };

  process.on('uncaughtException', onFatal);
  process.on('unhandledRejection', onFatal);

  let waited = false;
  app.on('before-quit', (event) => {
    const host = getHost();
    if (waited || !host) return;
    host.dispose();
    event.preventDefault();
    waited = true;
    // A drive that stops answering must not keep Égide open for ever.
    const limit = new Promise<void>((resolve) => setTimeout(resolve, QUIT_WAIT_MS).unref());
    void Promise.race([backupService(host).whenIdle(), limit]).finally(() => app.quit());
  });
}
