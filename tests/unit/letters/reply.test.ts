import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { CaseDetail, ChronologyEvent } from '../../../shared/api/cases-api';
import type { LetterDetail } from '../../../shared/api/letters-api';
import { hostWithVault } from '../../helpers/host';
import { failure, isoDaysFromToday, lawfulReview, type Ctx } from './helpers';

let ctx: Ctx;
beforeEach(async () => {
  ctx = await hostWithVault();
});
afterEach(() => ctx.cleanup());

const stepsOf = async (caseId: string) =>
  Object.fromEntries(
    (await ctx.call<CaseDetail>('cases.get', { caseId })).steps.map((s) => [
      s.id,
      [s.state, s.date],
    ]),
  );

describe('public replies', () => {
  it('saves a draft (step « rédigée »), then records the publication (step « publiée »)', async () => {
    const review = await lawfulReview(ctx);
    const text = '  Bonjour,\n\nMerci pour votre avis.\nJoignez-nous au 01 23 45 67 89.\n';
    const draft = await ctx.call<LetterDetail>('letters.saveReply', {
      caseId: review.id,
      templateId: 'cnom-temps-attente',
      body: text,
    });
    expect(draft).toMatchObject({
      kind: 'reply',
      status: 'brouillon',
      stepId: 'reponse-redigee',
      template: { id: 'cnom-temps-attente', version: 1, builtIn: true },
    });
    // Kept exactly as typed: the secrecy flags' offsets refer to this text.
    expect(draft.texts.body).toBe(text);
    const today = isoDaysFromToday(0);
    expect((await stepsOf(review.id))['reponse-redigee']).toEqual(['fait', today]);

    const edited = await ctx.call<LetterDetail>('letters.saveReply', {
      caseId: review.id,
      letterId: draft.id,
      templateId: 'cnom-consultation-courte',
      body: 'Merci pour votre retour.',
    });
    expect(edited.id).toBe(draft.id);
    expect(edited.template.id).toBe('cnom-consultation-courte');

    const future = await failure(
      ctx.call('letters.publish', { letterId: draft.id, date: isoDaysFromToday(1) }),
    );
    expect(future.field).toBe('date');

    const published = await ctx.call<LetterDetail>('letters.publish', {
      letterId: draft.id,
      date: isoDaysFromToday(-1),
    });
    expect(published).toMatchObject({ status: 'publiee', sentAt: isoDaysFromToday(-1) });
    expect((await stepsOf(review.id))['reponse-publiee']).toEqual(['fait', isoDaysFromToday(-1)]);

    expect(
      (await failure(ctx.call('letters.publish', { letterId: draft.id, date: today }))).code,
    ).toBe('CONFLICT');
    const afterPublish = await failure(
      ctx.call('letters.saveReply', {
        caseId: review.id,
        letterId: draft.id,
        templateId: 'cnom-temps-attente',
        body: 'Autre',
      }),
    );
    expect(afterPublish.code).toBe('CONFLICT');
    const events = await ctx.call<ChronologyEvent[]>('cases.chronology', { caseId: review.id });
    expect(events.map((e) => e.label)).toContain('Réponse publique publiée');
  });

  it('refuses an empty reply, a letter template and sending a reply as a letter', async () => {
    const review = await lawfulReview(ctx);
    const empty = await failure(
      ctx.call('letters.saveReply', {
        caseId: review.id,
        templateId: 'cnom-temps-attente',
        body: '   \n',
      }),
    );
    expect(empty.field).toBe('body');
    const letterTemplate = await failure(
      ctx.call('letters.saveReply', {
        caseId: review.id,
        templateId: 'mise-en-demeure-auteur',
        body: 'Merci.',
      }),
    );
    expect(letterTemplate.field).toBe('templateId');

    const draft = await ctx.call<LetterDetail>('letters.saveReply', {
      caseId: review.id,
      templateId: 'cnom-temps-attente',
      body: 'Merci.',
    });
    const asLetter = await failure(
      ctx.call('letters.markSent', {
        letterId: draft.id,
        date: isoDaysFromToday(0),
        channel: 'email',
      }),
    );
    expect(asLetter.code).toBe('INVALID_INPUT');
    expect(await ctx.call('correspondence.list', { caseId: review.id })).toEqual([]);
  });
});
