import { BrowserWindow, type WebContents } from 'electron';

import { getLogger } from '../core/log';
import { APP_ORIGIN, isNavigationAllowed, webPreferencesFor } from './policy';

const devServerUrl = (): string | undefined => process.env.ELECTRON_RENDERER_URL;

export function createMainWindow(preloadPath: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 960,
    minHeight: 640,
    show: false,
    title: 'Égide',
    webPreferences: webPreferencesFor(preloadPath, !process.env.EGIDE_PACKAGED_CHECKS),
  });
  win.once('ready-to-show', () => win.show());
  const dev = devServerUrl();
  void win.loadURL(dev ?? `${APP_ORIGIN}/index.html`);
  return win;
}

/** Applies to every web contents: no new windows, no navigation away, no webviews. */
export function hardenWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, url) => {
    if (!isNavigationAllowed(url, devServerUrl())) {
      event.preventDefault();
      getLogger().warn('navigation refused');
    }
  });
  contents.on('will-redirect', (event, url) => {
    if (!isNavigationAllowed(url, devServerUrl())) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
