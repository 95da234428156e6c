import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { CaseDeadlines, DeadlineList } from '../../../shared/api/watch-api';
import { PRESCRIPTION_WARNING } from '../../../shared/deadlines/types';
import { SECRETARY_PASS } from '../../helpers/tmp';
import { watchHost, type WatchHost } from './helpers';

let h: WatchHost;
beforeEach(async () => {
  // 10:00 UTC on 1 February 2026 is the same day in Paris.
  h = await watchHost('2026-02-01T10:00:00.000Z');
});
afterEach(() => h.cleanup());

async function unlawfulReview(firstPosted: string, how: string | null = 'page') {
  const c = await h.createCase({
    kind: 'review',
    title: 'Avis de Jean Dupont',
    firstPosted,
    firstPostedHow: how,
  });
  await h.call('cases.qualify', { caseId: c.id, lawful: false, categories: ['diffamation'] });
  return c.id;
}

const forCase = (caseId: string) => h.call<CaseDeadlines>('deadlines.forCase', { caseId });

describe('deadline facts built from the vault', () => {
  it('counts the prescription from the first posting, with days left and the paliers warning', async () => {
    const id = await unlawfulReview('2026-01-10');
    const view = await forCase(id);
    const p = view.deadlines.find((d) => d.key === 'prescription:65');
    expect(p).toMatchObject({
      legalEnd: '2026-04-10',
      effective: '2026-04-10',
      daysLeft: 68,
      urgency: 'normale',
      certainty: 'sure',
      warning: PRESCRIPTION_WARNING,
      caseTitle: 'Avis de Jean Dupont',
    });
    expect(view.today).toBe('2026-02-01');
    expect(view.paliersWarning).toBe(true);
    expect(view.nextStep?.id).toBe('palier-1');
    expect(view.deadlines.map((d) => d.key)).toContain('reponse-lcen');

    // Once paliers 1 and 2 are done, the warning about them is no longer the next thing to read.
    await h.call('cases.setStep', { caseId: id, stepId: 'palier-1', state: 'fait' });
    expect((await forCase(id)).paliersWarning).toBe(true);
    await h.call('cases.setStep', { caseId: id, stepId: 'palier-2', state: 'fait' });
    expect((await forCase(id)).paliersWarning).toBe(false);
  });

  it('says beside the deadline when the first posting date is estimated or of unknown origin', async () => {
    const estimated = await forCase(await unlawfulReview('2026-01-10', 'estimated'));
    const p = estimated.deadlines.find((d) => d.kind === 'prescription')!;
    expect(p.certainty).toBe('estimated');
    expect(p.notes.join(' ')).toMatch(/estimée/);

    const unknown = await forCase(await unlawfulReview('2026-01-10', null));
    expect(unknown.deadlines.find((d) => d.kind === 'prescription')!.notes.join(' ')).toMatch(
      /pas indiqué comment la date de première mise en ligne/,
    );
  });

  it('has no prescription for lawful content and none for a closed case', async () => {
    const c = await h.createCase({
      kind: 'review',
      firstPosted: '2026-01-10',
      firstPostedHow: 'page',
    });
    await h.call('cases.qualify', { caseId: c.id, lawful: true, categories: [] });
    const view = await forCase(c.id);
    expect(view.deadlines.some((d) => d.kind === 'prescription')).toBe(false);
    expect(view.paliersWarning).toBe(false);

    const unlawful = await unlawfulReview('2026-01-10');
    await h.call('cases.setStatus', { caseId: unlawful, status: 'clos', outcome: 'supprime' });
    const list = await h.call<DeadlineList>('deadlines.list');
    expect(list.deadlines.some((d) => d.caseId === unlawful)).toBe(false);
  });

  it('counts the GDPR answer from the accusé de réception, and three months once extended', async () => {
    const c = await h.createCase({ kind: 'listing', title: 'Fiche Doctoome' });
    const withAr = h.addSent(c.id, {
      date: '2026-01-15',
      arReceived: '2026-01-20',
      stepLetter: 'opposition-envoyee',
    });
    let view = await forCase(c.id);
    const g = view.deadlines.find((d) => d.key === `gdpr:${withAr}`)!;
    expect(g.legalEnd).toBe('2026-02-20');
    expect(g.runsFrom).toEqual({
      date: '2026-01-20',
      label: 'Réception de la demande (accusé de réception)',
    });
    expect(g.label).toBe('Réponse attendue : demande RGPD du 15 janvier 2026');
    expect(view.deadlines.some((d) => d.kind === 'prescription')).toBe(false);

    view = await h.call<CaseDeadlines>('gdpr.markExtended', {
      caseId: c.id,
      correspondenceId: withAr,
    });
    expect(view.deadlines.find((d) => d.key === `gdpr:${withAr}`)!.legalEnd).toBe('2026-04-20');
    expect(view.gdprRequests[0]).toMatchObject({ extended: true, arReceived: '2026-01-20' });
  });

  it('counts from the sending without an AR, and follows what the user says a letter is', async () => {
    const c = await h.createCase({ kind: 'listing', title: 'Fiche' });
    const plain = h.addSent(c.id, { date: '2026-01-15' });
    const opposition = h.addSent(c.id, { date: '2026-01-16', stepLetter: 'opposition-envoyee' });
    let view = await forCase(c.id);
    expect(view.deadlines.map((d) => d.key)).toEqual([`gdpr:${opposition}`]);
    expect(view.deadlines[0]!.legalEnd).toBe('2026-02-16');
    expect(view.deadlines[0]!.notes.join(' ')).toMatch(/Date de réception inconnue/);

    view = await h.call('gdpr.markRequest', {
      caseId: c.id,
      correspondenceId: plain,
      isRequest: true,
    });
    expect(view.deadlines.map((d) => d.key).sort()).toEqual(
      [`gdpr:${plain}`, `gdpr:${opposition}`].sort(),
    );
    view = await h.call('gdpr.markRequest', {
      caseId: c.id,
      correspondenceId: opposition,
      isRequest: false,
    });
    expect(view.deadlines.map((d) => d.key)).toEqual([`gdpr:${plain}`]);

    const other = await h.createCase({ kind: 'listing', title: 'Autre' });
    await expect(
      h.call('gdpr.markRequest', { caseId: other.id, correspondenceId: plain, isRequest: true }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('reports a case whose stored dates are wrong instead of dropping it', async () => {
    const good = await unlawfulReview('2026-01-10');
    const c = await h.createCase({ kind: 'listing', title: 'Fiche mal datée' });
    // The AR before the sending: the engine refuses, the list says which case file and why.
    h.addSent(c.id, {
      date: '2026-01-15',
      arReceived: '2026-01-10',
      stepLetter: 'opposition-envoyee',
    });
    const list = await h.call<DeadlineList>('deadlines.list');
    expect(list.deadlines.some((d) => d.caseId === good)).toBe(true);
    expect(list.problems).toEqual([
      expect.objectContaining({ caseId: c.id, caseTitle: 'Fiche mal datée' }),
    ]);
    expect(list.problems[0]!.message).toMatch(/précède sa date d’envoi/);
  });
});

describe('corrections and follow-ups', () => {
  it('keeps every correction with its reason and author; the latest wins; restoring is one more row', async () => {
    const id = await unlawfulReview('2026-01-10');
    await h.call('deadlines.override', {
      caseId: id,
      deadlineKey: 'prescription:65',
      date: '2026-04-01',
      reason: 'Capture du 1er janvier retrouvée',
    });
    await h.moveTo('2026-02-02T10:00:00.000Z');
    let view = await h.call<CaseDeadlines>('deadlines.override', {
      caseId: id,
      deadlineKey: 'prescription:65',
      date: '2026-03-31',
      reason: 'Avis de Me Martin',
    });
    const p = view.deadlines.find((d) => d.key === 'prescription:65')!;
    expect(p.effective).toBe('2026-03-31');
    expect(p.computed).toBe('2026-04-10');
    expect(p.override).toMatchObject({
      date: '2026-03-31',
      reason: 'Avis de Me Martin',
      by: 'Dr Lefort',
    });
    expect(p.daysLeft).toBe(57);
    expect(view.overrideHistory.map((o) => o.date)).toEqual(['2026-04-01', '2026-03-31']);

    view = await h.call('deadlines.clearOverride', { caseId: id, deadlineKey: 'prescription:65' });
    expect(view.deadlines.find((d) => d.key === 'prescription:65')!.effective).toBe('2026-04-10');
    expect(view.overrideHistory.map((o) => o.date)).toEqual(['2026-04-01', '2026-03-31', null]);
    await expect(
      h.call('deadlines.clearOverride', { caseId: id, deadlineKey: 'prescription:65' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });

    // The journal says a date was corrected, never why in the user's words.
    const details = h
      .db()
      .prepare("SELECT details FROM journal WHERE action LIKE 'deadline.%'")
      .all() as Array<{ details: string }>;
    expect(details).toHaveLength(3);
    expect(details.map((d) => d.details).join()).not.toMatch(/Martin|Capture/);
  });

  it('refuses a correction without a reason, for an unknown deadline or a malformed date', async () => {
    const id = await unlawfulReview('2026-01-10');
    const base = { caseId: id, deadlineKey: 'prescription:65', date: '2026-04-01' };
    await expect(h.call('deadlines.override', { ...base, reason: '   ' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      field: 'reason',
    });
    await expect(
      h.call('deadlines.override', {
        ...base,
        deadlineKey: 'prescription:vie-privee',
        reason: 'x',
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      h.call('deadlines.override', { ...base, date: '2026-02-30', reason: 'x' }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('lets the secretary correct a date, recorded under her name', async () => {
    const id = await unlawfulReview('2026-01-10');
    const julie = await h.call<{ id: string }>('accounts.add', {
      label: 'Julie',
      role: 'secretariat',
      passphrase: SECRETARY_PASS,
    });
    await h.call('vault.lock');
    await h.call('vault.unlock', { accountId: julie.id, passphrase: SECRETARY_PASS });
    const view = await h.call<CaseDeadlines>('deadlines.override', {
      caseId: id,
      deadlineKey: 'prescription:65',
      date: '2026-04-02',
      reason: 'Vérifié',
    });
    expect(view.overrideHistory.at(-1)).toMatchObject({ by: 'Julie', date: '2026-04-02' });
  });

  it('adds a follow-up for a letter, counts it down, and drops it once done', async () => {
    const c = await h.createCase({ kind: 'listing', title: 'Fiche' });
    const letter = h.addSent(c.id, { date: '2026-01-15' });
    let view = await h.call<CaseDeadlines>('followups.add', {
      caseId: c.id,
      correspondenceId: letter,
      date: '2026-02-05',
      label: 'Relancer l’éditeur',
    });
    const f = view.deadlines.find((d) => d.kind === 'follow-up')!;
    expect(f).toMatchObject({ label: 'Relancer l’éditeur', effective: '2026-02-05', daysLeft: 4 });
    expect(f.urgency).toBe('critique');
    const followUpId = view.followUps[0]!.id;
    view = await h.call('followups.done', { id: followUpId });
    expect(view.deadlines.some((d) => d.kind === 'follow-up')).toBe(false);
    expect(view.followUps[0]!.doneAt).not.toBeNull();

    const other = await h.createCase({ kind: 'listing', title: 'Autre' });
    await expect(
      h.call('followups.add', {
        caseId: other.id,
        correspondenceId: letter,
        date: '2026-02-05',
        label: 'x',
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
