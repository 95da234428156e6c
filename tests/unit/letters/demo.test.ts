import path from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { AppHost } from '../../../electron/core/app/host';
import type { CaseSummary, ChronologyEvent } from '../../../shared/api/cases-api';
import type {
  CorrespondenceEntry,
  LetterDetail,
  LetterDocx,
  LetterSummary,
  TemplateSummary,
} from '../../../shared/api/letters-api';
import { TEST_KDF, tempDir } from '../../helpers/tmp';

const tmp = tempDir('egide-demo-letters-');
afterAll(() => tmp.cleanup());

describe('demo letters and correspondence', () => {
  it('seeds sent letters awaiting an answer, drafts, a reply and an own template', async () => {
    const host = new AppHost({
      dataDir: path.join(tmp.dir, 'data'),
      demoDir: path.join(tmp.dir, 'demo'),
      resourcesDir: path.resolve('resources'),
      kdf: TEST_KDF,
    });
    const call = async <T>(m: string, i: unknown = {}): Promise<T> => {
      const r = await host.call(m, i);
      if (!r.ok) throw new Error(r.error.message);
      return r.value as T;
    };
    try {
      await call('vault.openDemo');
      const letters = await call<LetterSummary[]>('letters.list');
      expect(letters.map((l) => [l.kind, l.status]).sort()).toEqual(
        [
          ['letter', 'brouillon'],
          ['letter', 'envoyee'],
          ['letter', 'envoyee'],
          ['reply', 'brouillon'],
        ].sort(),
      );

      const awaiting = await call<CorrespondenceEntry[]>('correspondence.awaiting');
      expect(awaiting).toHaveLength(2);
      expect(awaiting.every((e) => e.overdue && e.arReceived !== null && e.lrarNumber !== '')).toBe(
        true,
      );

      const reminder = letters.find((l) => l.status === 'brouillon' && l.kind === 'letter')!;
      const detail = await call<LetterDetail>('letters.get', { letterId: reminder.id });
      expect(detail.missing.map((m) => m.key)).toEqual(['courrier.delaiJours']);
      expect(detail.preview.body).not.toContain('[à compléter : date de la demande initiale]');

      const sent = letters.find((l) => l.status === 'envoyee')!;
      const docx = await call<LetterDocx>('letters.docx', { letterId: sent.id });
      expect(docx.missing).toEqual([]);
      expect(Buffer.from(docx.base64, 'base64').subarray(0, 2).toString()).toBe('PK');

      const own = (await call<TemplateSummary[]>('templates.list')).filter((t) => !t.builtIn);
      expect(own.map((t) => [t.version, t.basedOn])).toEqual([[2, 'cnom-temps-attente']]);

      const cases = await call<CaseSummary[]>('cases.list');
      const lawful = cases.find((c) => c.path === 'reponse')!;
      expect(lawful.nextStep?.id).toBe('reponse-publiee');
      const injure = cases.find((c) => c.title === 'Avis injurieux sur la page Google')!;
      const events = await call<ChronologyEvent[]>('cases.chronology', { caseId: injure.id });
      expect(events.filter((e) => e.kind === 'courrier').length).toBeGreaterThanOrEqual(5);
    } finally {
      host.dispose();
    }
  });
});
