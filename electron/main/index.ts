import path from 'node:path';

import { app, type BrowserWindow, protocol, session } from 'electron';

import { AppHost } from '../core/app/host';
import { getLogger, initLogFile } from '../core/log';
import { installCrashHandlers } from './crash';
import { registerIpc } from './ipc';
import { startDueNotifications } from './notify';
import { APP_SCHEME, isPermissionAllowed, SINGLE_INSTANCE } from './policy';
import { registerAppProtocol } from './protocol';
import { createMainWindow, hardenWebContents } from './window';

/**
 * Electron lifecycle only: every decision is in policy.ts (pure, unit-tested) and every piece of
 * logic in electron/core (plain Node). This file wires them to Electron.
 */
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

if (SINGLE_INSTANCE && !app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let host: AppHost | null = null;
  let mainWindow: BrowserWindow | null = null;
  installCrashHandlers(() => host);

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

  void app.whenReady().then(() => {
    const userData = process.env.EGIDE_DATA_DIR ?? app.getPath('userData');
    initLogFile(path.join(userData, 'logs', 'egide.log'));
    getLogger().info({ version: app.getVersion() }, 'starting');

    for (const s of [session.defaultSession]) {
      s.setPermissionRequestHandler((_wc, permission, callback) =>
        callback(isPermissionAllowed(permission)),
      );
      s.setPermissionCheckHandler((_wc, permission) => isPermissionAllowed(permission));
    }

    const resourcesDir = app.isPackaged
      ? path.join(process.resourcesPath, 'resources')
      : path.join(app.getAppPath(), 'resources');
    host = new AppHost({
      dataDir: path.join(userData, 'vault'),
      demoDir: path.join(userData, 'demo'),
      resourcesDir,
      allowLoopbackCapture: process.env.EGIDE_TEST_ALLOW_LOOPBACK_CAPTURE === '1',
    });

    registerAppProtocol(path.join(import.meta.dirname, '../renderer'));
    registerIpc(host, () => mainWindow);
    startDueNotifications(host, () => mainWindow);
    mainWindow = createMainWindow(path.join(import.meta.dirname, '../preload/index.cjs'));
    mainWindow.on('closed', () => (mainWindow = null));
  });

  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', () => host?.dispose());
}
