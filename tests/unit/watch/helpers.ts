import { randomUUID } from 'node:crypto';
import path from 'node:path';

import { AppHost } from '../../../electron/core/app/host';
import type { CaseDetail } from '../../../shared/api/cases-api';
import { DOCTOR_PASS, PRACTICE, TEST_KDF, tempDir } from '../../helpers/tmp';

/** A host on a fresh vault with a clock the test moves, unlocked as the doctor. */
export async function watchHost(startAt: string, options: { allowLoopbackFeeds?: boolean } = {}) {
  const tmp = tempDir('egide-watch-');
  const clock = { now: new Date(startAt) };
  const host = new AppHost({
    dataDir: path.join(tmp.dir, 'data'),
    demoDir: path.join(tmp.dir, 'demo'),
    resourcesDir: path.resolve('resources'),
    kdf: TEST_KDF,
    now: () => clock.now,
    ...options,
  });
  const call = async <T = unknown>(method: string, input: unknown = {}): Promise<T> => {
    const result = await host.call(method, input);
    if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
    return result.value as T;
  };
  const created = await call<{ session: { accountId: string } }>('vault.create', {
    practice: PRACTICE,
    accountLabel: 'Dr Lefort',
    passphrase: DOCTOR_PASS,
  });
  const doctorId = created.session.accountId;
  const db = () => host.requireSession().db;

  return {
    host,
    call,
    clock,
    db,
    cleanup: () => {
      host.dispose();
      tmp.cleanup();
    },
    /** Moves the clock; a jump past the idle delay locks the vault, so unlock again. */
    async moveTo(iso: string): Promise<void> {
      clock.now = new Date(iso);
      await call('vault.status');
      if (host.session === null) {
        await call('vault.unlock', { accountId: doctorId, passphrase: DOCTOR_PASS });
      }
    },
    async createCase(fields: Record<string, unknown>): Promise<CaseDetail> {
      return call<CaseDetail>('cases.create', { title: 'Dossier', ...fields });
    },
    /** Correspondence written as the letters feature stores it (its API is another's). */
    addSent(
      caseId: string,
      row: { date: string; arReceived?: string; answerExpected?: string; stepLetter?: string },
    ): string {
      const id = randomUUID();
      const at = clock.now.toISOString();
      const account = host.requireSession().account.id;
      db().transaction(() => {
        let letterId: string | null = null;
        if (row.stepLetter) {
          letterId = randomUUID();
          db()
            .prepare(
              `INSERT INTO letters (id, case_id, step_id, kind, template_id, template_version,
                 template_builtin, title, body, status, created_at, created_by, updated_at, updated_by)
               VALUES (?, ?, ?, 'letter', 'opposition-effacement-fiche', 1, 1, 'Opposition', 'x',
                 'envoyee', ?, ?, ?, ?)`,
            )
            .run(letterId, caseId, row.stepLetter, at, account, at, account);
        }
        db()
          .prepare(
            `INSERT INTO correspondence (id, case_id, direction, date, channel, subject, letter_id,
               ar_received, answer_expected, created_at, created_by, updated_at)
             VALUES (?, ?, 'envoye', ?, 'lrar', 'Courrier au site', ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            id,
            caseId,
            row.date,
            letterId,
            row.arReceived ?? null,
            row.answerExpected ?? null,
            at,
            account,
            at,
          );
      })();
      return id;
    },
  };
}

export type WatchHost = Awaited<ReturnType<typeof watchHost>>;
