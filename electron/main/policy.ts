/**
 * Every security decision of the Electron main process, as pure functions and constants. This
 * module must never import 'electron': Electron cannot start on the project's machines, so the
 * decisions are unit-tested here and the main process only wires them in.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { AppError } from '../../shared/api/errors';

export const APP_SCHEME = 'app';
export const APP_HOST = 'egide';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** One window, one process: a second launch focuses the first (two writers on one vault). */
export const SINGLE_INSTANCE = true;
/** Minutes without input before the vault locks; the user may change it in the settings. */
export const DEFAULT_IDLE_MINUTES = 10;

/** Shared by the main window and the capture window: nothing from Node reaches a web page. */
const LOCKED_DOWN = {
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
} as const;

export const WEB_PREFERENCES = Object.freeze({ ...LOCKED_DOWN });

export type AppWebPreferences = typeof WEB_PREFERENCES & { preload: string; devTools: boolean };

/** The main window's preferences; the preload must be absolute (Electron ignores relative ones). */
export function webPreferencesFor(preloadPath: string, devTools: boolean): AppWebPreferences {
  if (!path.isAbsolute(preloadPath)) {
    throw new AppError(
      'INTERNAL',
      'Le script de démarrage de la fenêtre est introuvable. Réinstallez l’application.',
    );
  }
  return { ...WEB_PREFERENCES, preload: preloadPath, devTools };
}

/**
 * The capture window loads arbitrary third-party pages (a review, a listing) to screenshot them.
 * It gets no preload, so the page never sees the app's API, and a fresh in-memory partition per
 * capture (no 'persist:' prefix), so no cookie or storage outlives it or leaks into the app.
 * JavaScript stays on: most review sites render nothing without it.
 */
export const CAPTURE_WEB_PREFERENCES = Object.freeze({
  ...LOCKED_DOWN,
  javascript: true,
  devTools: false,
});

export function newCapturePartition(): string {
  return `capture-${randomBytes(12).toString('hex')}`;
}

export function captureWebPreferences(): typeof CAPTURE_WEB_PREFERENCES & { partition: string } {
  return { ...CAPTURE_WEB_PREFERENCES, partition: newCapturePartition() };
}

/**
 * Pages the capture window may load: public web pages by domain name, http or https (some small
 * directory sites still lack TLS, and nothing is sent to them). No IP literal, local name or
 * explicit port, so a pasted link cannot reach the cabinet's router or a local service.
 * Limitation: a public name that resolves to a private address is not detected.
 */
export function isCaptureUrlAllowed(url: string): boolean {
  if (url.length > 2048 || UNSAFE_RAW.test(url) || hasControlChar(url)) return false;
  const target = parseUrl(url);
  if (target === null || (target.protocol !== 'https:' && target.protocol !== 'http:'))
    return false;
  if (target.username !== '' || target.password !== '' || target.port !== '') return false;
  const host = target.hostname;
  return HOSTNAME.test(host) && !IPV4.test(host) && !/\.(localhost|local|internal)$/.test(host);
}

/**
 * Sent as a response header by the app:// handler (a meta tag cannot carry frame-ancestors).
 * style-src keeps 'unsafe-inline' because Mantine and its CSS variables resolver inject <style>
 * elements and style attributes at run time; scripts never get 'unsafe-inline' or 'unsafe-eval',
 * so injected markup cannot run code even if it gets styled.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' blob: data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "frame-src 'none'",
  "worker-src 'self' blob:",
].join('; ');

/**
 * Development only (vite dev server): hot reload talks over a WebSocket, and the React Fast
 * Refresh preamble is an inline module script, hence 'unsafe-inline' for scripts here and nowhere
 * else. Limitation: never checked in a running Electron on the project's machines.
 */
export const CSP_DEV = [
  "default-src 'none'",
  "script-src 'self' 'unsafe-inline' http://localhost:* http://127.0.0.1:*",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' blob: data: http://localhost:* http://127.0.0.1:*",
  "font-src 'self' http://localhost:* http://127.0.0.1:*",
  "connect-src 'self' ws://localhost:* ws://127.0.0.1:* http://localhost:* http://127.0.0.1:*",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "frame-src 'none'",
  "worker-src 'self' blob:",
].join('; ');

/**
 * Only the file types the renderer build emits. SVG can carry script: the only SVGs under the
 * root are the bundled icons, and user-supplied SVG lives in the vault, never behind app://.
 */
const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

export type AppPathResult =
  { ok: true; filePath: string; mime: string } | { ok: false; status: 403 | 404 };

const REFUSED: AppPathResult = { ok: false, status: 403 };
const NOT_FOUND: AppPathResult = { ok: false, status: 404 };

/**
 * Maps an app:// request to a file of the renderer build. The raw path is checked before and
 * after a single percent-decoding, without trusting the URL parser's own dot-segment removal.
 * Limitation: symbolic links inside rendererRoot are followed; the build output holds none, and
 * in a packaged app it sits inside the signed, integrity-checked asar.
 */
export function resolveAppPath(rendererRoot: string, requestUrl: string): AppPathResult {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return REFUSED;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.hostname.toLowerCase() !== APP_HOST) return REFUSED;
  if (url.port !== '' || url.username !== '' || url.password !== '') return REFUSED;

  // Query and fragment never select a file.
  const raw = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*([^?#]*)/i.exec(requestUrl)?.[1] ?? '';
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return REFUSED;
  }
  // A '%' left after one decoding is a double-encoding attempt; ':' covers drive letters and
  // Windows alternate data streams; control characters include NUL.
  if (/[\\%:]/.test(decoded) || hasControlChar(decoded)) return REFUSED;

  const relative = decoded.startsWith('/') ? decoded.slice(1) : decoded;
  if (relative === '') return fileInRoot(rendererRoot, ['index.html']);
  const segments = relative.split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..')) return REFUSED;
  return fileInRoot(rendererRoot, segments);
}

function fileInRoot(rendererRoot: string, segments: string[]): AppPathResult {
  const mime = MIME_TYPES[path.posix.extname(segments[segments.length - 1] ?? '').toLowerCase()];
  if (mime === undefined) return NOT_FOUND;
  const root = path.resolve(rendererRoot);
  const filePath = path.resolve(root, ...segments);
  if (!filePath.startsWith(root + path.sep)) return REFUSED;
  return { ok: true, filePath, mime };
}

function parseUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

function isAppUrl(url: URL): boolean {
  return (
    url.protocol === `${APP_SCHEME}:` &&
    url.hostname === APP_HOST &&
    url.port === '' &&
    url.username === '' &&
    url.password === ''
  );
}

/** The dev server counts only when it is an http(s) server on this machine's loopback. */
function devOrigin(devServerUrl: string | undefined): string | null {
  if (devServerUrl === undefined || devServerUrl === '') return null;
  const dev = parseUrl(devServerUrl);
  if (dev === null || (dev.protocol !== 'http:' && dev.protocol !== 'https:')) return null;
  if (!['localhost', '127.0.0.1', '[::1]'].includes(dev.hostname)) return null;
  return dev.origin;
}

/** Where the main window may go: the app itself, or the loopback dev server in development. */
export function isNavigationAllowed(url: string, devServerUrl?: string): boolean {
  const target = parseUrl(url);
  if (target === null) return false;
  if (isAppUrl(target)) return true;
  const dev = devOrigin(devServerUrl);
  return dev !== null && target.origin === dev;
}

/**
 * IPC sender check on the frame's URL. The caller must also check that the frame is the main
 * frame (`event.senderFrame.parent === null`); isSenderFrameAllowed does both.
 */
export function isSenderAllowed(senderUrl: string, devServerUrl?: string): boolean {
  return senderUrl !== '' && isNavigationAllowed(senderUrl, devServerUrl);
}

/** Structurally matches Electron's WebFrameMain; null when the frame is already gone. */
export function isSenderFrameAllowed(
  frame: { url: string; parent: unknown } | null | undefined,
  devServerUrl?: string,
): boolean {
  if (frame === null || frame === undefined || frame.parent !== null) return false;
  return isSenderAllowed(frame.url, devServerUrl);
}

/**
 * Every permission a page can ask for is refused, in the main window and the capture window:
 * clipboard-read, clipboard-sanitized-write, display-capture, fileSystem, fullscreen,
 * geolocation, hid, idle-detection, keyboardLock, media, mediaKeySystem, midi, midiSysex,
 * notifications, openExternal, pointerLock, serial, speaker-selection, storage-access,
 * top-level-storage-access, usb, window-management, unknown. Copying text and notifications go
 * through the typed API to the main process instead.
 */
export function isPermissionAllowed(permission: string): boolean {
  void permission;
  return false;
}

/** Values for @electron/fuses, keyed by FuseV1Options names; scripts/after-pack.cjs mirrors them. */
export const FUSES = Object.freeze({
  RunAsNode: false,
  EnableCookieEncryption: true,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  LoadBrowserProcessSpecificV8Snapshot: false,
  GrantFileProtocolExtraPrivileges: false,
});

/**
 * Hosts that shell.openExternal may open, each with its subdomains: the sites, firms, insurers,
 * institutions and sources that the guide and the app's pages link to.
 */
export const EXTERNAL_URL_ALLOWLIST: readonly string[] = Object.freeze([
  // Institutions, law and procedures
  'cnil.fr',
  'conseil-national.medecin.fr',
  'ordre.medecin.fr',
  'cnom.fr',
  'annuaire.sante.fr',
  'legifrance.gouv.fr',
  'eur-lex.europa.eu',
  'service-public.fr',
  'commissaire-justice.fr',
  'urps-ml-bfc.org',
  // Search engines, Google Business Profile, archives
  'google.fr',
  'google.com',
  'support.google.com',
  'business.google.com',
  'bing.com',
  'web.archive.org',
  'archive.org',
  // Directory and appointment sites
  'doctolib.fr',
  'community.doctolib.com',
  'doctoome.com',
  'choisirunmedecin.com',
  'lemedecin.fr',
  'societe.com',
  'tous-les-horaires.fr',
  'annuaire-horaire.fr',
  'horairesdouverture24.fr',
  'keskeces.com',
  'alaxione.fr',
  'doctizen.com',
  'mercidocteur.co',
  // E-reputation firms and agencies
  'antipodes-medical.com',
  'healthcie.fr',
  'iprotego.com',
  'netoffensive.blog',
  'pro-reputation.com',
  'semji.com',
  'smilemood.fr',
  'vokare.fr',
  // Insurers
  'aviva.fr',
  'macsf.fr',
  'mnh.fr',
  'sham.fr',
  'swisslife.fr',
  'axa.fr',
  // Bibliography
  'cairn.info',
  'capital.fr',
  'linkedin.com',
]);

const HOSTNAME = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]*[a-z0-9]$/;
const IPV4 = /^\d+\.\d+\.\d+\.\d+$/;
// Rejecting these in the raw string keeps what the OS receives identical to what was checked.
const UNSAFE_RAW = /[\s\\<>"`{}|^]/;

function hostMatches(host: string, allowed: string): boolean {
  return host === allowed || host.endsWith(`.${allowed}`);
}

/** User-entered hosts must look like real domain names; they match exactly, www. aside. */
function normalizeExtraHost(value: string): string | null {
  const host = value
    .trim()
    .toLowerCase()
    .replace(/^www\./, '');
  return HOSTNAME.test(host) && !IPV4.test(host) ? host : null;
}

/**
 * May this URL leave the app for the system browser or mail client? https only, on a known host
 * or one of its subdomains, or on a host the user recorded (extraHosts, exact match), without
 * credentials, IP literals or explicit ports; or a mailto: with one address.
 * User hosts match exactly (www. aside), so an entry such as 'gouv.fr' opens no subdomain.
 */
export function isExternalUrlAllowed(url: string, extraHosts: readonly string[] = []): boolean {
  if (url.length > 2048 || UNSAFE_RAW.test(url) || hasControlChar(url)) return false;
  if (/^mailto:/i.test(url)) return isMailtoAllowed(url);

  const target = parseUrl(url);
  if (target === null || target.protocol !== 'https:') return false;
  if (target.username !== '' || target.password !== '' || target.port !== '') return false;
  const host = target.hostname;
  if (!HOSTNAME.test(host) || IPV4.test(host)) return false;

  if (EXTERNAL_URL_ALLOWLIST.some((allowed) => hostMatches(host, allowed))) return true;
  const bare = host.replace(/^www\./, '');
  return extraHosts.some((extra) => normalizeExtraHost(extra) === bare);
}

const EMAIL = /^[a-z0-9.!#$&*+/=^_{}~-]+@([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,}$/i;

/** One recipient, and only subject/body fields: no cc, bcc, to or other header to inject. */
function isMailtoAllowed(url: string): boolean {
  const match = /^mailto:([^?]*)(?:\?(.*))?$/i.exec(url);
  if (match === null) return false;
  const address = safeDecode(match[1] ?? '');
  if (address === null || !EMAIL.test(address)) return false;
  if (match[2] === undefined) return true;

  const seen = new Set<string>();
  for (const pair of match[2].split('&')) {
    const eq = pair.indexOf('=');
    const key = (eq === -1 ? pair : pair.slice(0, eq)).toLowerCase();
    const value = safeDecode(eq === -1 ? '' : pair.slice(eq + 1));
    if ((key !== 'subject' && key !== 'body') || seen.has(key) || value === null) return false;
    seen.add(key);
    // Line breaks are legitimate in a body, never in a subject (they would start a new header).
    if (hasControlChar(value, key === 'body')) return false;
  }
  return true;
}

function hasControlChar(value: string, allowLineBreaks = false): boolean {
  for (let i = 0; i < value.length; i += 1) {
    const c = value.charCodeAt(i);
    if (allowLineBreaks && (c === 0x0a || c === 0x0d)) continue;
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}

function safeDecode(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}
