import path from 'node:path';

import { describe, expect, it } from 'vitest';

import type { CaseDetail, CaseSummary } from '../../../shared/api/cases-api';
import { AppHost } from '../../../electron/core/app/host';
import { DEMO_ACCOUNTS } from '../../../electron/core/demo/demo';
import { TEST_KDF, tempDir } from '../../helpers/tmp';

const tmp = tempDir('egide-demo-');

describe('demo vault', () => {
  it('opens with both accounts, case files of each kind, and intact pièces', async () => {
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
      const cases = await call<CaseSummary[]>('cases.list');
      expect(new Set(cases.map((c) => c.kind))).toEqual(
        new Set(['review', 'listing', 'google', 'other']),
      );
      for (const c of cases) {
        const detail = await call<CaseDetail>('cases.get', { caseId: c.id });
        for (const p of detail.pieces) {
          expect(await call<{ ok: boolean }>('pieces.verify', { pieceId: p.id })).toMatchObject({
            ok: true,
          });
        }
      }
      expect(cases.reduce((n, c) => n + c.pieceCount, 0)).toBeGreaterThanOrEqual(3);

      await call('vault.lock');
      const status = await call<{ accounts: Array<{ id: string; role: string }> }>('vault.status');
      const secretary = status.accounts.find((a) => a.role === 'secretariat')!;
      await call('vault.unlock', {
        accountId: secretary.id,
        passphrase: DEMO_ACCOUNTS.secretariat.passphrase,
      });
      expect(await call<CaseSummary[]>('cases.list')).toHaveLength(cases.length);
    } finally {
      host.dispose();
      tmp.cleanup();
    }
  });
});
