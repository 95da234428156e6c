import { AppError } from '../../../shared/api/errors';
import type { CaptureRecord } from '../../../shared/api/cases-api';
import { isCaptureUrlAllowed } from '../security/capture-urls';
import type { OpenVault } from '../vault/open-vault';

export interface CaptureEnvironment {
  os: string;
  chromium: string;
  appVersion: string;
}

export function requireCaptureCase(vault: OpenVault, caseId: string): void {
  if (!vault.db.prepare('SELECT 1 FROM case_files WHERE id = ?').get(caseId)) {
    throw new AppError('NOT_FOUND', 'Ce dossier est introuvable.');
  }
}

/** Checks a capture request before any window opens: the case exists and the address is public. */
export function approveCapture(
  vault: OpenVault,
  caseId: string,
  url: string,
  allowLoopback = false,
): { caseId: string; url: string } {
  requireCaptureCase(vault, caseId);
  const loopback = allowLoopback && /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\//.test(url);
  if (!loopback && !isCaptureUrlAllowed(url)) {
    throw new AppError(
      'UNSAFE_URL',
      'Cette adresse ne peut pas être capturée : indiquez l’adresse publique complète de la page ' +
        '(https://…), sans adresse IP ni nom de réseau local.',
      'url',
    );
  }
  return { caseId, url };
}

/**
 * The capture record filled by the app itself: the URL as loaded (after redirects), the page
 * title, the time, and the versions of the app, Chromium and the system (NF Z67-147 asks for the
 * software used). The capture window starts each time with a fresh in-memory session, so cache,
 * cookies and history are empty; the clock check and the path by links are left to the user.
 */
export function captureRecordFor(input: {
  loadedUrl: string;
  title: string;
  at: Date;
  env: CaptureEnvironment;
  what: 'image' | 'pdf';
}): Omit<CaptureRecord, 'capturedBy'> {
  return {
    sourceUrl: input.loadedUrl,
    capturedAt: input.at.toISOString(),
    os: input.env.os,
    browser: `Fenêtre de capture Égide (Chromium ${input.env.chromium})`,
    cacheEmptied: true,
    clockChecked: false,
    reachedByLinks: false,
    description:
      input.what === 'image'
        ? 'Capture d’écran de la page entière, prise dans la fenêtre de capture d’Égide.'
        : 'Impression PDF de la page, prise dans la fenêtre de capture d’Égide.',
    pageTitle: input.title.slice(0, 500),
    appVersion: input.env.appVersion,
  };
}
