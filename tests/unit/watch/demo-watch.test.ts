import path from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { AppHost } from '../../../electron/core/app/host';
import type { Dashboard, GbpView, ListingsView } from '../../../shared/api/watch-api';
import { TEST_KDF, tempDir } from '../../helpers/tmp';

const tmp = tempDir('egide-demo-watch-');
afterAll(() => tmp.cleanup());

describe('demo vault: the watch', () => {
  it('shows listings in several states, a half-done Google checklist and one corrected date', async () => {
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
      const listings = await call<ListingsView>('listings.list');
      expect(listings.rows.find((r) => r.key === 'site:doctoome')!.state).toBe(
        'suppression-demandee',
      );
      // Société.com was checked 45 days ago: the monthly reminder is due.
      expect(listings.rows.find((r) => r.key === 'site:societe-com')!.stale).toBe(true);
      const gbp = await call<GbpView>('gbp.get');
      expect(gbp.items.filter((i) => i.doneAt !== null).map((i) => i.id)).toEqual([
        'revendiquer',
        'valider',
      ]);
      const dashboard = await call<Dashboard>('dashboard.get');
      expect(dashboard.problems).toEqual([]);
      const corrected = dashboard.deadlines.filter((d) => d.override);
      expect(corrected).toHaveLength(1);
      expect(corrected[0]!.kind).toBe('prescription');
      expect(dashboard.listings.due).toBe(true);
      expect(dashboard.casesByPath.length).toBeGreaterThan(0);
    } finally {
      host.dispose();
    }
  });
});
