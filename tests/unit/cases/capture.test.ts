import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { CaseDetail, Piece } from '../../../shared/api/cases-api';
import { demoPdf, demoPng } from '../../../electron/core/demo/demo-files';
import { captureRecordFor } from '../../../electron/core/pieces/capture';
import { hostWithVault } from '../../helpers/host';

let ctx: Awaited<ReturnType<typeof hostWithVault>>;
let caseId: string;
beforeEach(async () => {
  ctx = await hostWithVault();
  caseId = (await ctx.call<CaseDetail>('cases.create', { kind: 'review', title: 'Avis' })).id;
});
afterEach(() => ctx.cleanup());

describe('page capture (core side)', () => {
  it('approves a public address for an existing case', async () => {
    const url = 'https://www.google.com/maps/place/x';
    expect(await ctx.call('capture.open', { caseId, url })).toEqual({ caseId, url });
  });

  it('refuses local, IP and non-web addresses, and unknown cases', async () => {
    for (const url of [
      'http://127.0.0.1:8080/',
      'http://localhost/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'https://10.0.0.1/',
      'https://intranet.local/',
    ]) {
      await expect(ctx.call('capture.open', { caseId, url }), url).rejects.toMatchObject({
        code: 'UNSAFE_URL',
        field: 'url',
      });
    }
    await expect(
      ctx.call('capture.open', {
        caseId: '00000000-0000-4000-8000-000000000000',
        url: 'https://example.org/',
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('stores the image and the PDF through the same import, with the capture record filled', async () => {
    const at = new Date('2026-03-02T10:15:00Z');
    const env = {
      os: 'Linux 6.1 (x64)',
      chromium: '140.0',
      appVersion: 'Égide 0.1.0 (Electron 45.6.0)',
    };
    const pieces: Piece[] = [];
    for (const [bytes, what] of [
      [demoPng(), 'image'],
      [demoPdf(['Avis']), 'pdf'],
    ] as const) {
      pieces.push(
        await ctx.call<Piece>('pieces.import', {
          caseId,
          source: {
            kind: 'bytes',
            name: `capture.${what === 'image' ? 'png' : 'pdf'}`,
            base64: bytes.toString('base64'),
          },
          title: 'Capture — Avis',
          capture: captureRecordFor({
            loadedUrl: 'https://www.google.com/maps/place/x?hl=fr',
            title: 'Cabinet — Google Maps',
            at,
            env,
            what,
          }),
        }),
      );
    }
    expect(pieces.map((p) => [p.number, p.mime])).toEqual([
      [1, 'image/png'],
      [2, 'application/pdf'],
    ]);
    expect(pieces[0]!.capture).toMatchObject({
      sourceUrl: 'https://www.google.com/maps/place/x?hl=fr',
      pageTitle: 'Cabinet — Google Maps',
      capturedAt: '2026-03-02T10:15:00.000Z',
      os: 'Linux 6.1 (x64)',
      appVersion: 'Égide 0.1.0 (Electron 45.6.0)',
      capturedBy: 'Dr Lefort',
    });
    expect(pieces[0]!.capture.browser).toContain('Chromium 140.0');
  });
});
