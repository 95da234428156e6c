import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { ChronologyEvent, Piece } from '../../../shared/api/cases-api';
import type { CorrespondenceEntry } from '../../../shared/api/letters-api';
import { hostWithVault } from '../../helpers/host';
import { failure, isoDaysFromToday, scannedPdf, unlawfulReview, type Ctx } from './helpers';

let ctx: Ctx;
beforeEach(async () => {
  ctx = await hostWithVault();
});
afterEach(() => ctx.cleanup());

const editor = { name: 'Annuaire Santé Plus', address: '3 avenue de l’Opéra\n75001 Paris' };

function sentEntry(caseId: string, overrides: Record<string, unknown> = {}) {
  return ctx.call<CorrespondenceEntry>('correspondence.add', {
    caseId,
    direction: 'envoye',
    date: isoDaysFromToday(-40),
    channel: 'lrar',
    lrarNumber: '1A 111 222 3334 5',
    counterpart: editor,
    subject: 'Demande d’effacement',
    answerExpected: isoDaysFromToday(-5),
    ...overrides,
  });
}

describe('correspondence log', () => {
  it('logs a received answer with a scanned letter as a new pièce, linked to the sending', async () => {
    const { detail } = await unlawfulReview(ctx);
    const sent = await sentEntry(detail.id, { arReceived: isoDaysFromToday(-37) });
    expect(sent.overdue).toBe(true);

    const scan = await ctx.call<Piece>('pieces.import', {
      caseId: detail.id,
      source: { kind: 'bytes', name: 'reponse-editeur.pdf', base64: scannedPdf('réponse') },
      title: 'Réponse de l’éditeur (scan)',
    });
    const received = await ctx.call<CorrespondenceEntry>('correspondence.add', {
      caseId: detail.id,
      direction: 'recu',
      date: isoDaysFromToday(-3),
      channel: 'courrier',
      counterpart: editor,
      subject: 'Refus de supprimer la fiche',
      summary: 'L’éditeur invoque l’intérêt légitime.',
      pieceIds: [scan.id],
      answersId: sent.id,
    });
    expect(received).toMatchObject({
      direction: 'recu',
      pieces: [{ id: scan.id, number: 2, title: 'Réponse de l’éditeur (scan)' }],
      answers: [sent.id],
      overdue: false,
      daysLeft: null,
    });

    const log = await ctx.call<CorrespondenceEntry[]>('correspondence.list', { caseId: detail.id });
    expect(log.map((e) => e.id)).toEqual([received.id, sent.id]);
    expect(log[1]).toMatchObject({ answeredBy: received.id, overdue: false, daysLeft: null });
    expect(await ctx.call('correspondence.awaiting')).toEqual([]);

    // A second answer to the same sending is refused; unlinking frees it.
    const again = await failure(
      ctx.call('correspondence.add', {
        caseId: detail.id,
        direction: 'recu',
        date: isoDaysFromToday(-1),
        channel: 'email',
        counterpart: editor,
        subject: 'Relance',
        answersId: sent.id,
      }),
    );
    expect(again.code).toBe('CONFLICT');
    await ctx.call('correspondence.update', {
      entryId: received.id,
      date: received.date,
      channel: received.channel,
      counterpart: editor,
      subject: received.subject,
      pieceIds: [scan.id],
      answersId: null,
    });
    const awaiting = await ctx.call<CorrespondenceEntry[]>('correspondence.awaiting');
    expect(awaiting.map((e) => e.id)).toEqual([sent.id]);

    const events = await ctx.call<ChronologyEvent[]>('cases.chronology', { caseId: detail.id });
    const labels = events.map((e) => e.label);
    expect(labels).toContain(
      'Envoi à Annuaire Santé Plus (Lettre recommandée avec AR n° 1A 111 222 3334 5) : Demande d’effacement',
    );
    expect(labels).toContain(
      'Reçu de Annuaire Santé Plus (Courrier simple) : Refus de supprimer la fiche',
    );
    expect(labels).toContain(
      'Accusé de réception signé (recommandé n° 1A 111 222 3334 5) : Demande d’effacement',
    );
  });

  it('refuses pièces of another case, answers to received entries and impossible dates', async () => {
    const { detail } = await unlawfulReview(ctx);
    const { detail: other, piece: otherPiece } = await unlawfulReview(ctx, { title: 'Autre' });
    const foreign = await failure(sentEntry(detail.id, { pieceIds: [otherPiece.id] }));
    expect(foreign).toMatchObject({ code: 'INVALID_INPUT', field: 'pieceIds' });

    const received = await ctx.call<CorrespondenceEntry>('correspondence.add', {
      caseId: detail.id,
      direction: 'recu',
      date: isoDaysFromToday(-2),
      channel: 'telephone',
      counterpart: { name: 'Service client' },
      subject: 'Appel',
    });
    const answersReceived = await failure(
      ctx.call('correspondence.add', {
        caseId: detail.id,
        direction: 'recu',
        date: isoDaysFromToday(-1),
        channel: 'email',
        counterpart: editor,
        subject: 'Suite',
        answersId: received.id,
      }),
    );
    expect(answersReceived.field).toBe('answersId');
    const otherSent = await sentEntry(other.id);
    const crossCase = await failure(
      ctx.call('correspondence.add', {
        caseId: detail.id,
        direction: 'recu',
        date: isoDaysFromToday(-1),
        channel: 'email',
        counterpart: editor,
        subject: 'Suite',
        answersId: otherSent.id,
      }),
    );
    expect(crossCase.field).toBe('answersId');

    expect((await failure(sentEntry(detail.id, { date: isoDaysFromToday(2) }))).field).toBe('date');
    expect((await failure(sentEntry(detail.id, { date: '2026-02-30' }))).field).toBe('date');
    expect((await failure(sentEntry(detail.id, { arReceived: isoDaysFromToday(-45) }))).field).toBe(
      'arReceived',
    );
    expect(
      (await failure(sentEntry(detail.id, { answerExpected: isoDaysFromToday(-50) }))).field,
    ).toBe('answerExpected');
    expect((await failure(sentEntry(detail.id, { lrarNumber: '' }))).field).toBe('lrarNumber');
    expect((await failure(sentEntry(detail.id, { counterpart: { name: ' ' } }))).field).toBe(
      'counterpart.name',
    );
    const receivedWithExpectation = await failure(
      ctx.call('correspondence.add', {
        caseId: detail.id,
        direction: 'recu',
        date: isoDaysFromToday(-1),
        channel: 'email',
        counterpart: editor,
        subject: 'Suite',
        answerExpected: isoDaysFromToday(5),
      }),
    );
    expect(receivedWithExpectation.field).toBe('answerExpected');
    expect(await ctx.call('correspondence.list', { caseId: detail.id })).toHaveLength(1);
  });

  it('lists what awaits an answer across case files, overdue first', async () => {
    const { detail: a } = await unlawfulReview(ctx, { title: 'Dossier A' });
    const { detail: b } = await unlawfulReview(ctx, { title: 'Dossier B' });
    const late = await sentEntry(a.id, { answerExpected: isoDaysFromToday(-3) });
    const soon = await sentEntry(b.id, {
      date: isoDaysFromToday(-1),
      answerExpected: isoDaysFromToday(6),
    });
    await sentEntry(b.id, { channel: 'email', lrarNumber: '', answerExpected: null });

    const awaiting = await ctx.call<CorrespondenceEntry[]>('correspondence.awaiting');
    expect(awaiting.map((e) => [e.id, e.caseTitle, e.overdue, e.daysLeft])).toEqual([
      [late.id, 'Dossier A', true, -3],
      [soon.id, 'Dossier B', false, 6],
    ]);
    const all = await ctx.call<CorrespondenceEntry[]>('correspondence.list');
    expect(all).toHaveLength(3);
  });
});
