import { describe, expect, it } from 'vitest';

import {
  appFrame,
  buildCrashReport,
  CRASH_DIALOG,
  crashChoice,
} from '../../../electron/core/crash-report';
import { AppError } from '../../../shared/api/errors';

const VERSIONS = {
  app: '0.1.0',
  electron: '45.6.0',
  chrome: '140.0.1',
  node: '22.1.0',
  platform: 'win32',
  arch: 'x64',
};

function errorWithStack(message: string, frames: string[], name = 'TypeError'): Error {
  const error = new Error(message);
  error.name = name;
  error.stack = [`${name}: ${message}`, ...frames.map((f) => `    at ${f}`)].join('\n');
  return error;
}

describe('crash report', () => {
  const error = errorWithStack(
    'Cannot read « Avis de Mme Martine Dupont » in C:\\Users\\Martine\\Documents\\avis.png',
    [
      'importPiece (C:\\Users\\Martine\\AppData\\Local\\Programs\\Egide\\resources\\app.asar\\out\\main\\index.js:1234:17)',
      'C:\\Users\\Martine\\AppData\\Local\\Programs\\Egide\\resources\\app.asar\\out\\main\\index.js:88:3',
      'Object.parse (C:\\Users\\Martine\\AppData\\Local\\Programs\\Egide\\resources\\app.asar\\node_modules\\zod\\index.js:5:1)',
      'process.processTicksAndRejections (node:internal/process/task_queues:105:5)',
      'run (/home/jeanne.moreau/egide/electron/core/backup/create.ts:120:9)',
      'file:///home/jeanne.moreau/egide/out/main/index.js:77:1',
      'weird (/home/shared/jeanne/tmp/other.js:1:1)',
    ],
  );
  const report = buildCrashReport(error, VERSIONS, new Date('2026-03-01T10:00:00Z'));

  it('keeps only file:line of the app’s own files', () => {
    expect(report).toContain('  out/main/index.js:1234');
    expect(report).toContain('  out/main/index.js:88');
    expect(report).toContain('  electron/core/backup/create.ts:120');
    expect(report).toContain('  out/main/index.js:77');
    expect(report).not.toMatch(/zod|node:internal|other\.js|task_queues/);
  });

  it('holds no message text and no path with a user name', () => {
    for (const leak of [
      'Martine',
      'Dupont',
      'Avis',
      'avis.png',
      'jeanne',
      'Users',
      'home',
      'AppData',
    ]) {
      expect(report).not.toContain(leak);
    }
    expect(report).toContain('Type d’erreur : TypeError');
    expect(report).toContain('Electron : 45.6.0');
    expect(report).toContain('Date : 2026-03-01T10:00:00.000Z');
  });

  it('keeps a safe error code, drops an unsafe name or code', () => {
    const io = Object.assign(errorWithStack('EIO: /home/x', []), { code: 'EIO' });
    expect(buildCrashReport(io, VERSIONS)).toContain('Code : EIO');
    expect(buildCrashReport(new AppError('DISK_FULL', 'Disque plein'), VERSIONS)).toContain(
      'Code : DISK_FULL',
    );
    const odd = Object.assign(errorWithStack('x', [], 'Dr Moreau'), {
      code: 'chemin /home/moreau',
    });
    const text = buildCrashReport(odd, { ...VERSIONS, app: '1.0 (Moreau)' });
    expect(text).not.toContain('Moreau');
    expect(text).toContain('Type d’erreur : Error');
    expect(buildCrashReport('une chaîne jetée', VERSIONS)).not.toContain('chaîne jetée');
  });

  it('reads frames of every shape, or none', () => {
    expect(appFrame('    at /opt/Égide/resources/app.asar/out/preload/index.cjs:3:9')).toBe(
      'out/preload/index.cjs:3',
    );
    expect(appFrame('    at new Promise (<anonymous>)')).toBeNull();
    expect(appFrame('not a frame')).toBeNull();
  });

  it('offers restart, copy and quit, in French', () => {
    expect(CRASH_DIALOG.buttons).toEqual(['Redémarrer Égide', 'Copier le rapport', 'Quitter']);
    expect([0, 1, 2, 7].map(crashChoice)).toEqual(['restart', 'copy', 'quit', 'quit']);
  });
});
