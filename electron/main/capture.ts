import os from 'node:os';

import { app, BrowserWindow, type WebContents } from 'electron';

import type { ApiResult } from '../../shared/api/errors';
import type { AppHost } from '../core/app/host';
import { getLogger } from '../core/log';
import { captureRecordFor, type CaptureEnvironment } from '../core/pieces/capture';
import { captureWebPreferences, isCaptureUrlAllowed } from './policy';

const log = () => getLogger().child({ subsystem: 'capture' });

/**
 * The separate capture window: sandboxed, no preload (so no access to the app's API), a fresh
 * in-memory session each time, no permission granted. The user scrolls or logs in there; the
 * app window's "Capturer maintenant" then grabs the whole page as PNG and as PDF.
 */
export class CaptureWindows {
  private window: BrowserWindow | null = null;

  constructor(
    private readonly host: AppHost,
    private readonly allowLoopback: boolean,
  ) {}

  open(url: string): void {
    this.close();
    const win = new BrowserWindow({
      width: 1200,
      height: 900,
      title: 'Égide — fenêtre de capture',
      webPreferences: captureWebPreferences(),
    });
    const contents = win.webContents;
    contents.session.setPermissionRequestHandler((_wc, _p, callback) => callback(false));
    contents.session.setPermissionCheckHandler(() => false);
    contents.setWindowOpenHandler(({ url: next }) => {
      // Links that open a new window load in the capture window itself.
      if (this.allowed(next)) void contents.loadURL(next);
      return { action: 'deny' };
    });
    contents.on('will-navigate', (event, next) => {
      if (!this.allowed(next)) event.preventDefault();
    });
    contents.session.on('will-download', (event) => event.preventDefault());
    win.on('closed', () => {
      if (this.window === win) this.window = null;
    });
    this.window = win;
    void win.loadURL(url);
  }

  close(): void {
    if (this.window && !this.window.isDestroyed()) this.window.close();
    this.window = null;
  }

  async take(caseId: string): Promise<ApiResult<unknown>> {
    const win = this.window;
    if (!win || win.isDestroyed()) {
      return {
        ok: false,
        error: {
          code: 'NOT_FOUND',
          message: 'La fenêtre de capture est fermée : ouvrez d’abord la page à capturer.',
        },
      };
    }
    const contents = win.webContents;
    const at = new Date();
    const png = await fullPagePng(contents);
    const pdf = await contents.printToPDF({ printBackground: true, pageSize: 'A4' });
    const env: CaptureEnvironment = {
      os: `${os.type()} ${os.release()} (${os.arch()})`,
      chromium: process.versions.chrome ?? 'inconnu',
      appVersion: `Égide ${app.getVersion()} (Electron ${process.versions.electron})`,
    };
    const loadedUrl = contents.getURL();
    const title = contents.getTitle();
    const pieces: unknown[] = [];
    for (const [bytes, what, name] of [
      [png, 'image', 'capture-page.png'],
      [pdf, 'pdf', 'capture-page.pdf'],
    ] as const) {
      const result = await this.host.call('pieces.import', {
        caseId,
        source: { kind: 'bytes', name, base64: Buffer.from(bytes).toString('base64') },
        title: `${what === 'image' ? 'Capture' : 'Impression PDF'} — ${title || loadedUrl}`.slice(
          0,
          200,
        ),
        capture: captureRecordFor({ loadedUrl, title, at, env, what }),
      });
      if (!result.ok) return result;
      pieces.push(result.value);
    }
    log().info({ count: pieces.length }, 'page captured');
    return { ok: true, value: { caseId, pieces } };
  }

  private allowed(url: string): boolean {
    return (
      isCaptureUrlAllowed(url) ||
      (this.allowLoopback && /^http:\/\/127\.0\.0\.1(:\d+)?\//.test(url))
    );
  }
}

/** Full-page screenshot through the DevTools protocol (capturePage() only sees the viewport). */
async function fullPagePng(contents: WebContents): Promise<Buffer> {
  const dbg = contents.debugger;
  dbg.attach('1.3');
  try {
    const metrics = (await dbg.sendCommand('Page.getLayoutMetrics')) as {
      cssContentSize?: { width: number; height: number };
      contentSize: { width: number; height: number };
    };
    const size = metrics.cssContentSize ?? metrics.contentSize;
    // Limitation: pages taller than 16,000 px are cut there (Chromium's texture limit).
    const height = Math.min(Math.ceil(size.height), 16_000);
    const shot = (await dbg.sendCommand('Page.captureScreenshot', {
      format: 'png',
      captureBeyondViewport: true,
      clip: { x: 0, y: 0, width: Math.ceil(size.width), height, scale: 1 },
    })) as { data: string };
    return Buffer.from(shot.data, 'base64');
  } finally {
    dbg.detach();
  }
}
