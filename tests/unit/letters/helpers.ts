import type { CaseDetail, Piece } from '../../../shared/api/cases-api';
import type { hostWithVault } from '../../helpers/host';

export type Ctx = Awaited<ReturnType<typeof hostWithVault>>;

export const REVIEW_TEXT =
  'Ce médecin est un boucher, un charlatan à fuir. Honte à lui, vraiment !';

/** A minimal real PDF, accepted by the file policy as a scanned letter. */
export function scannedPdf(label: string): string {
  const body =
    '%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n' +
    '2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj\n' +
    '3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 200 200]>> endobj\n' +
    `% ${label}\ntrailer <</Root 1 0 R>>\n%%EOF\n`;
  return Buffer.from(body, 'latin1').toString('base64');
}

/** An unlawful review (injure), on the five paliers, with one pièce. */
export async function unlawfulReview(
  ctx: Ctx,
  overrides: Record<string, unknown> = {},
): Promise<{ detail: CaseDetail; piece: Piece }> {
  const created = await ctx.call<CaseDetail>('cases.create', {
    kind: 'review',
    title: 'Avis injurieux sur Google',
    platform: 'Google Maps',
    url: 'https://maps.google.com/review/987',
    authorPseudonym: 'Zorro69',
    firstPosted: '2026-03-02',
    firstPostedHow: 'page',
    discovered: '2026-03-05',
    verbatim: REVIEW_TEXT,
    ...overrides,
  });
  await ctx.call('cases.qualify', {
    caseId: created.id,
    lawful: false,
    categories: ['injure'],
    answers: {},
  });
  const piece = await ctx.call<Piece>('pieces.import', {
    caseId: created.id,
    source: { kind: 'bytes', name: 'capture.pdf', base64: scannedPdf('capture') },
    title: 'Capture de l’avis',
    capture: { capturedAt: '2026-03-05T09:30:00.000Z' },
  });
  const detail = await ctx.call<CaseDetail>('cases.get', { caseId: created.id });
  return { detail, piece };
}

/** A lawful review, on the public-reply path. */
export async function lawfulReview(ctx: Ctx): Promise<CaseDetail> {
  const created = await ctx.call<CaseDetail>('cases.create', {
    kind: 'review',
    title: 'Avis sur l’attente',
    platform: 'Google Maps',
    authorPseudonym: 'Marie L.',
    verbatim: 'Une heure d’attente, personne ne nous a prévenus.',
  });
  return ctx.call<CaseDetail>('cases.qualify', {
    caseId: created.id,
    lawful: true,
    categories: [],
    answers: {},
  });
}

/** Rejects with the API error's fields, so tests can check the code and the French message. */
export async function failure(
  promise: Promise<unknown>,
): Promise<{ code: string; message: string; field?: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { code: string; message: string; field?: string };
  }
  throw new Error('expected the call to fail');
}

export function isoDaysFromToday(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(d);
}
