import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  APP_ORIGIN,
  CAPTURE_WEB_PREFERENCES,
  CONTENT_SECURITY_POLICY,
  CSP_DEV,
  DEFAULT_IDLE_MINUTES,
  SINGLE_INSTANCE,
  WEB_PREFERENCES,
  captureWebPreferences,
  isCaptureUrlAllowed,
  isNavigationAllowed,
  isPermissionAllowed,
  isSenderAllowed,
  isSenderFrameAllowed,
  newCapturePartition,
  webPreferencesFor,
} from '../../../electron/main/policy';

const here = path.dirname(fileURLToPath(import.meta.url));
const DEV = 'http://localhost:5173';

function directives(csp: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of csp.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name !== undefined && name !== '') map.set(name, values);
  }
  return map;
}

describe('window preferences', () => {
  it('locks the main window down', () => {
    expect(WEB_PREFERENCES).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    });
    expect(Object.isFrozen(WEB_PREFERENCES)).toBe(true);
  });

  it('adds the preload and the devTools switch, and only those', () => {
    const prefs = webPreferencesFor('/opt/egide/out/preload/index.mjs', false);
    expect(prefs).toEqual({
      ...WEB_PREFERENCES,
      preload: '/opt/egide/out/preload/index.mjs',
      devTools: false,
    });
    expect(webPreferencesFor('/p.js', true).devTools).toBe(true);
  });

  it('refuses a relative preload path', () => {
    expect(() => webPreferencesFor('out/preload/index.mjs', false)).toThrow(/Réinstallez/);
  });

  it('gives the capture window no preload, no node and a throw-away partition', () => {
    const prefs = captureWebPreferences();
    expect(prefs).not.toHaveProperty('preload');
    expect(CAPTURE_WEB_PREFERENCES).not.toHaveProperty('partition');
    expect(prefs).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      javascript: true,
      devTools: false,
    });
    expect(prefs.partition).toMatch(/^capture-[0-9a-f]{24}$/);
    expect(prefs.partition.startsWith('persist:')).toBe(false);
    expect(newCapturePartition()).not.toBe(newCapturePartition());
  });
});

describe('capture window addresses', () => {
  it('loads public pages by domain name over http or https', () => {
    for (const url of [
      'https://www.google.com/maps/place/Cabinet',
      'http://www.annuaire-horaire.fr/medecin/12',
      'https://fr.trustpilot.com/review/x?page=2#r',
    ]) {
      expect(isCaptureUrlAllowed(url), url).toBe(true);
    }
  });

  it('refuses local targets, other schemes, credentials and ports', () => {
    for (const url of [
      'http://192.168.1.1/',
      'http://127.0.0.1:8080/',
      'http://[::1]/',
      'http://0x7f.1/',
      'http://localhost/',
      'http://router.local/',
      'http://app.localhost/',
      'http://intranet/',
      'https://user:pw@www.google.com/',
      'https://www.google.com:8443/',
      'file:///C:/Users/x/avis.html',
      'app://egide/index.html',
      'javascript:alert(1)',
      'data:text/html,x',
      'https://www.google.com/ x',
      'not a url',
    ]) {
      expect(isCaptureUrlAllowed(url), url).toBe(false);
    }
  });
});

describe('content security policy', () => {
  const prod = directives(CONTENT_SECURITY_POLICY);

  it('denies by default and lets scripts come only from the app', () => {
    expect(prod.get('default-src')).toEqual(["'none'"]);
    expect(prod.get('script-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(prod.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it('closes objects, frames, forms and base', () => {
    for (const name of ['object-src', 'base-uri', 'form-action', 'frame-ancestors', 'frame-src']) {
      expect(prod.get(name), name).toEqual(["'none'"]);
    }
    expect(prod.get('img-src')).toEqual(["'self'", 'blob:', 'data:']);
    expect(prod.get('connect-src')).toEqual(["'self'"]);
    expect(prod.get('worker-src')).toEqual(["'self'", 'blob:']);
    expect(prod.get('font-src')).toEqual(["'self'"]);
  });

  it('opens only the loopback dev server in development, never eval', () => {
    const dev = directives(CSP_DEV);
    expect(dev.get('default-src')).toEqual(["'none'"]);
    expect(CSP_DEV).not.toContain('unsafe-eval');
    expect(dev.get('connect-src')).toContain('ws://localhost:*');
    for (const values of dev.values()) {
      for (const v of values) expect(v, v).not.toMatch(/^(\*|https?:|https?:\/\/\*|wss?:)$/);
    }
    expect(dev.get('frame-ancestors')).toEqual(["'none'"]);
  });
});

describe('navigation and IPC senders', () => {
  it('allows the app origin only', () => {
    expect(APP_ORIGIN).toBe('app://egide');
    for (const url of ['app://egide/', 'app://egide/index.html#/cases', 'app://egide/?x=1']) {
      expect(isNavigationAllowed(url), url).toBe(true);
    }
    const refused = [
      'https://www.cnil.fr/',
      'app://evil/',
      'app://egide:81/',
      'app://u@egide/',
      'file:///C:/x.html',
      'javascript:alert(1)',
      'data:text/html,x',
      'about:blank',
      'http://localhost:5173/',
      '',
    ];
    for (const url of refused) expect(isNavigationAllowed(url), url).toBe(false);
  });

  it('allows the dev server only when it is given and on loopback', () => {
    expect(isNavigationAllowed('http://localhost:5173/#/x', DEV)).toBe(true);
    expect(isNavigationAllowed('http://localhost:5174/', DEV)).toBe(false);
    expect(isNavigationAllowed('http://127.0.0.1:5173/', DEV)).toBe(false);
    expect(isNavigationAllowed('https://evil.com/', 'https://evil.com')).toBe(false);
    expect(isNavigationAllowed('http://10.0.0.2:5173/', 'http://10.0.0.2:5173')).toBe(false);
    expect(isNavigationAllowed('file:///x', 'file:///x')).toBe(false);
  });

  it('accepts IPC only from the main frame on the app origin', () => {
    expect(isSenderAllowed('app://egide/index.html')).toBe(true);
    expect(isSenderAllowed('')).toBe(false);
    expect(isSenderAllowed('https://www.google.com/')).toBe(false);
    expect(isSenderAllowed('http://localhost:5173/', DEV)).toBe(true);
    expect(isSenderFrameAllowed({ url: 'app://egide/', parent: null })).toBe(true);
    expect(isSenderFrameAllowed({ url: 'app://egide/', parent: {} })).toBe(false);
    expect(isSenderFrameAllowed({ url: 'https://evil.com/', parent: null })).toBe(false);
    expect(isSenderFrameAllowed(null)).toBe(false);
    expect(isSenderFrameAllowed(undefined)).toBe(false);
  });
});

describe('permissions and app-wide constants', () => {
  it('refuses every permission, known or not', () => {
    const known = [
      'clipboard-read',
      'clipboard-sanitized-write',
      'display-capture',
      'fullscreen',
      'geolocation',
      'media',
      'notifications',
      'openExternal',
      'pointerLock',
      'hid',
      'serial',
      'usb',
      'unknown',
      '',
    ];
    for (const permission of known) expect(isPermissionAllowed(permission), permission).toBe(false);
  });

  it('keeps one instance and locks after ten idle minutes', () => {
    expect(SINGLE_INSTANCE).toBe(true);
    expect(DEFAULT_IDLE_MINUTES).toBe(10);
  });

  it('never imports electron, so it runs under plain Node', () => {
    const source = fs.readFileSync(path.join(here, '../../../electron/main/policy.ts'), 'utf8');
    expect(source).not.toMatch(/from ['"]electron['"]|require\(['"]electron['"]\)/);
  });
});
