/**
 * The report a user can copy after a crash and send to support. It says where the code failed,
 * never what it was working on: no error message (it may quote a file name or a review), no path
 * outside the application (it would show the user's account name), only "file:line" of the app's
 * own files, the error's type and code, and the versions.
 */
export interface CrashVersions {
  app: string;
  electron?: string;
  chrome?: string;
  node: string;
  platform: string;
  arch?: string;
}

const MAX_FRAMES = 15;
const SAFE_NAME = /^[A-Z][A-Za-z]{0,40}$/;
const SAFE_CODE = /^[A-Z][A-Z0-9_]{1,60}$/;
const SAFE_VERSION = /^[\w.+-]{1,40}$/;
const SAFE_REL = /^[\w.@/-]{1,200}$/;

/** Where the app's own code lives, in a packaged app, a build, or a dev run from sources. */
// Limitation: in a dev run from a checkout whose own path contains `electron/core/`, that part of
// the path would be kept; packaged apps only ever match the app.asar form.
const APP_ROOTS = [
  /app\.asar[\\/](.+)$/,
  /^.*[\\/](out[\\/](?:main|preload|renderer)[\\/].+)$/,
  /^.*[\\/](electron[\\/](?:core|main|preload)[\\/](?:[\w-]+[\\/])*[\w.-]+\.[cm]?[jt]sx?)$/,
  /^.*[\\/](shared[\\/](?:(?:api|deadlines|domain|resources|secrecy|templates)[\\/])?[\w.-]+\.[cm]?[jt]sx?)$/,
];

/** "out/main/index.js:12" for a frame in the app's files; null for Node, libraries, anything else. */
export function appFrame(line: string): string | null {
  const m = /^\s*at (?:.*? \()?(.+?):(\d+)(?::\d+)?\)?\s*$/.exec(line);
  if (!m) return null;
  let file = m[1] ?? '';
  if (file.startsWith('file://')) {
    try {
      file = decodeURIComponent(new URL(file).pathname);
    } catch {
      return null;
    }
  }
  if (file.startsWith('node:') || /node_modules/.test(file)) return null;
  for (const root of APP_ROOTS) {
    const rel = root.exec(file)?.[1]?.replace(/\\/g, '/');
    if (rel && SAFE_REL.test(rel)) return `${rel}:${m[2]}`;
  }
  return null;
}

function describe(error: unknown): { type: string; code: string | null; stack: string } {
  if (!(error instanceof Error)) {
    return { type: `valeur non-Error (${typeof error})`, code: null, stack: '' };
  }
  const code = (error as { code?: unknown }).code;
  return {
    type: SAFE_NAME.test(error.name) ? error.name : 'Error',
    code: typeof code === 'string' && SAFE_CODE.test(code) ? code : null,
    stack: typeof error.stack === 'string' ? error.stack : '',
  };
}

const version = (v: string | undefined) => (v && SAFE_VERSION.test(v) ? v : 'inconnue');

export function buildCrashReport(
  error: unknown,
  versions: CrashVersions,
  at: Date = new Date(),
): string {
  const { type, code, stack } = describe(error);
  const frames: string[] = [];
  for (const line of stack.split('\n')) {
    const frame = appFrame(line);
    if (frame && frames.at(-1) !== frame) frames.push(frame);
    if (frames.length === MAX_FRAMES) break;
  }
  const lines = [
    'Rapport d’incident Égide',
    `Date : ${at.toISOString()}`,
    `Version d’Égide : ${version(versions.app)}`,
    `Electron : ${version(versions.electron)} · Chromium : ${version(versions.chrome)} · Node : ${version(versions.node)}`,
    `Système : ${version(versions.platform)} ${version(versions.arch)}`,
    `Type d’erreur : ${type}`,
    ...(code ? [`Code : ${code}`] : []),
    'Lignes de l’application concernées :',
    ...(frames.length > 0 ? frames.map((f) => `  ${f}`) : ['  (aucune)']),
    '',
    'Ce rapport ne contient ni message d’erreur, ni chemin de fichier personnel, ni donnée du ' +
      'cabinet ou des patients.',
  ];
  return lines.join('\n');
}

/** The French dialog shown by Electron main after an uncaught error; buttons in this order. */
export const CRASH_DIALOG = {
  title: 'Égide a rencontré un problème',
  message: 'Égide a rencontré une erreur inattendue et doit redémarrer.',
  detail:
    'Le coffre a été verrouillé ; les données enregistrées jusqu’ici ne sont pas perdues. ' +
    'Redémarrez Égide pour reprendre. Si le problème revient, copiez le rapport (il ne contient ' +
    'aucune donnée du cabinet ni des patients) et envoyez-le à votre support.',
  buttons: ['Redémarrer Égide', 'Copier le rapport', 'Quitter'],
  defaultId: 0,
  cancelId: 2,
} as const;

export type CrashChoice = 'restart' | 'copy' | 'quit';

export function crashChoice(buttonIndex: number): CrashChoice {
  return buttonIndex === 0 ? 'restart' : buttonIndex === 1 ? 'copy' : 'quit';
}
