import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import {
  JOURNAL_ACTION_LABELS,
  journalActionLabel,
  type JournalItem,
  type JournalVerification,
} from '../../../shared/api/security-api';
import { verifyJournal } from '../../../electron/core/db/journal';
import { openDatabase, type Db } from '../../../electron/core/db/open';
import { hostWithVault } from '../../helpers/host';
import { caseWithPieces, MARKERS, type TestHost } from './helpers';

let ctx: TestHost;
beforeEach(async () => {
  ctx = await hostWithVault();
});
afterEach(() => ctx.cleanup());

function dropGuards(db: Db): void {
  db.exec('DROP TRIGGER journal_no_update; DROP TRIGGER journal_no_delete;');
}

describe('journal', () => {
  it('lists changes with the account, newest first, and per case file', async () => {
    const secretary = await ctx.addSecretary();
    const detail = await caseWithPieces(ctx, 1);
    await ctx.call('vault.unlock', {
      accountId: secretary,
      passphrase: 'boussole ardoise marelle neuf',
    });
    await ctx.call('cases.update', { ...detail.fields, caseId: detail.id, title: 'Autre titre' });

    const all = await ctx.call<JournalItem[]>('journal.list', {});
    expect(all.map((e) => e.seq)).toEqual([...all.map((e) => e.seq)].sort((a, b) => b - a));
    expect(all[0]).toMatchObject({ action: 'case.update', account: 'Julie', caseId: detail.id });
    expect(all[0]!.details).toEqual({ fields: ['title'] });
    expect(all.at(-1)).toMatchObject({ seq: 1, action: 'vault.create', account: 'Dr Lefort' });

    const ofCase = await ctx.call<JournalItem[]>('journal.list', { caseId: detail.id });
    expect(ofCase.map((e) => e.action)).toEqual(['case.update', 'piece.import', 'case.create']);
    // Codes and field names only: none of the words typed into the case file.
    const raw = JSON.stringify(all);
    for (const marker of Object.values(MARKERS)) expect(raw).not.toContain(marker);
  });

  it('refuses to change or delete an entry', async () => {
    const db = ctx.host.session!.db;
    expect(() => db.prepare("UPDATE journal SET action = 'x' WHERE seq = 1").run()).toThrow(
      /append-only/,
    );
    expect(() => db.prepare('DELETE FROM journal WHERE seq = 1').run()).toThrow(/append-only/);
  });

  it('finds the first altered entry, at the right sequence number', async () => {
    await caseWithPieces(ctx, 2);
    const ok = await ctx.call<JournalVerification>('journal.verify');
    expect(ok).toMatchObject({ ok: true, firstBroken: null });
    expect(ok.entries).toBe(4);

    // On a copy of the database: drop the guards, edit one row's content.
    const db = ctx.host.session!.db;
    const copyFile = path.join(ctx.dir, 'copie.db');
    db.prepare('VACUUM INTO ?').run(copyFile);
    const key = ctx.host.session!.keyFor((dk) => Buffer.from(dk));
    const copy = openDatabase(copyFile, key, { create: false });
    try {
      dropGuards(copy);
      copy.prepare("UPDATE journal SET account_id = 'quelqu-un' WHERE seq = 4").run();
      expect(verifyJournal(copy)).toMatchObject({ ok: false, firstBroken: 4, entries: 3 });
    } finally {
      copy.close();
      key.fill(0);
    }

    // On the live vault, through the API: a deleted entry breaks the chain right after it.
    dropGuards(db);
    db.prepare('DELETE FROM journal WHERE seq = 3').run();
    const broken = await ctx.call<JournalVerification>('journal.verify');
    expect(broken).toMatchObject({ ok: false, firstBroken: 4, entries: 2 });
  });

  it('finds an entry whose own hash was recomputed, at the next link', async () => {
    await caseWithPieces(ctx, 1);
    const db = ctx.host.session!.db;
    dropGuards(db);
    const row = db.prepare('SELECT * FROM journal WHERE seq = 2').get() as Record<string, unknown>;
    const forged: Record<string, unknown> = { ...row, action: 'case.delete' };
    // The same canonical form as journal.ts: a forger who knows the format rehashes the row...
    const canonical = JSON.stringify(
      ['seq', 'at', 'account_id', 'action', 'entity', 'entity_id', 'case_id', 'details'].map(
        (k) => forged[k],
      ),
    );
    const hash = createHash('sha256').update(String(row.prev_hash)).update(canonical).digest('hex');
    db.prepare("UPDATE journal SET action = 'case.delete', hash = ? WHERE seq = 2").run(hash);
    // ...but the next entry still carries the old hash as its link.
    expect(await ctx.call('journal.verify')).toMatchObject({ ok: false, firstBroken: 3 });
  });
});

describe('journal labels', () => {
  it('has a French label for every action code the core writes', () => {
    const root = path.resolve('electron/core');
    const codes = new Set<string>();
    for (const rel of readdirSync(root, { recursive: true }).map(String)) {
      if (!rel.endsWith('.ts')) continue;
      const source = readFileSync(path.join(root, rel), 'utf8');
      for (const m of source.matchAll(
        /action:\s*(?:[^'\n]*\?\s*)?'([a-z][\w.-]*)'(?:\s*:\s*'([a-z][\w.-]*)')?/g,
      )) {
        codes.add(m[1]!);
        if (m[2]) codes.add(m[2]);
      }
    }
    expect(codes.size).toBeGreaterThan(20);
    const missing = [...codes].filter((c) => !Object.hasOwn(JOURNAL_ACTION_LABELS, c));
    expect(missing).toEqual([]);
    expect(journalActionLabel('case.purge')).toBe('Dossier supprimé (fin de conservation)');
    expect(journalActionLabel('zzz.new')).toBe('Action enregistrée (zzz.new)');
  });
});
