import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type {
  LetterDetail,
  TemplateDetail,
  TemplateSummary,
} from '../../../shared/api/letters-api';
import { hostWithVault } from '../../helpers/host';
import { failure, unlawfulReview, type Ctx } from './helpers';

let ctx: Ctx;
beforeEach(async () => {
  ctx = await hostWithVault();
});
afterEach(() => ctx.cleanup());

function inputOf(detail: TemplateDetail) {
  const { id: _id, version: _v, builtIn: _b, ...fields } = detail.template;
  return fields;
}

describe('template library', () => {
  it('lists the built-ins as read-only, with their kind and path step', async () => {
    const list = await ctx.call<TemplateSummary[]>('templates.list');
    const med = list.find((t) => t.id === 'mise-en-demeure-auteur');
    expect(med).toMatchObject({
      builtIn: true,
      version: 1,
      kind: 'letter',
      path: { caseKind: 'review', step: 'palier-2' },
      sendingMode: 'lrar',
    });
    expect(list.filter((t) => t.kind === 'reply').length).toBeGreaterThanOrEqual(3);
    expect(list.every((t) => t.builtIn)).toBe(true);
  });

  it('refuses to edit or delete a built-in template', async () => {
    const builtIn = await ctx.call<TemplateDetail>('templates.get', {
      templateId: 'mise-en-demeure-auteur',
    });
    const edit = await failure(
      ctx.call('templates.save', {
        ...inputOf(builtIn),
        templateId: 'mise-en-demeure-auteur',
        body: 'Autre texte',
      }),
    );
    expect(edit.code).toBe('FORBIDDEN');
    expect(edit.message).toMatch(/dupliquez/);
    const remove = await failure(
      ctx.call('templates.remove', { templateId: 'mise-en-demeure-auteur' }),
    );
    expect(remove.code).toBe('FORBIDDEN');
    const again = await ctx.call<TemplateDetail>('templates.get', {
      templateId: 'mise-en-demeure-auteur',
    });
    expect(again.template.body).toBe(builtIn.template.body);
  });

  it('versions a duplicated template, and a letter records the version that produced it', async () => {
    const copy = await ctx.call<TemplateDetail>('templates.duplicate', {
      templateId: 'mise-en-demeure-auteur',
    });
    expect(copy.summary).toMatchObject({
      builtIn: false,
      version: 1,
      basedOn: 'mise-en-demeure-auteur',
      title: 'Mise en demeure de l’auteur des propos (copie)',
      updatedBy: 'Dr Lefort',
    });
    expect(copy.summary.id).toMatch(/^perso-[a-f0-9]{10}$/);
    expect(copy.versions.map((v) => v.version)).toEqual([1]);

    const { detail } = await unlawfulReview(ctx);
    const first = await ctx.call<LetterDetail>('letters.create', {
      caseId: detail.id,
      templateId: copy.summary.id,
    });
    expect(first.template).toEqual({ id: copy.summary.id, version: 1, builtIn: false });

    const saved = await ctx.call<TemplateDetail>('templates.save', {
      ...inputOf(copy),
      templateId: copy.summary.id,
      body: `${copy.template.body}\n\nJe vous prie de me confirmer la suppression par écrit.`,
    });
    expect(saved.summary.version).toBe(2);
    expect(saved.versions.map((v) => v.version)).toEqual([2, 1]);

    // Saving the same text again does not create a version.
    const same = await ctx.call<TemplateDetail>('templates.save', {
      ...inputOf(saved),
      templateId: copy.summary.id,
    });
    expect(same.summary.version).toBe(2);

    const second = await ctx.call<LetterDetail>('letters.create', {
      caseId: detail.id,
      templateId: copy.summary.id,
    });
    expect(second.template.version).toBe(2);
    expect(second.texts.body).toContain('confirmer la suppression');
    const firstAgain = await ctx.call<LetterDetail>('letters.get', { letterId: first.id });
    expect(firstAgain.template.version).toBe(1);
    expect(firstAgain.texts.body).not.toContain('confirmer la suppression');

    const v1 = await ctx.call<TemplateDetail>('templates.get', {
      templateId: copy.summary.id,
      version: 1,
    });
    expect(v1.template.body).toBe(copy.template.body);
    expect(v1.letterCount).toBe(2);
  });

  it('creates a template of its own and checks it like a built-in', async () => {
    const created = await ctx.call<TemplateDetail>('templates.create', {
      kind: 'reply',
      title: 'Réponse courte du cabinet',
      nature: 'Avis général',
      path: { caseKind: 'review', step: 'reponse-redigee' },
      body: 'Merci pour votre avis. Contactez-nous au {{cabinet.telephone}}.',
    });
    expect(created.summary).toMatchObject({ builtIn: false, kind: 'reply', basedOn: null });
    expect((await ctx.call<TemplateSummary[]>('templates.list')).map((t) => t.id)).toContain(
      created.summary.id,
    );

    const unknown = await failure(
      ctx.call('templates.create', {
        kind: 'reply',
        title: 'Réponse',
        nature: 'Avis',
        body: 'Bonjour {{patient.nom}}',
      }),
    );
    expect(unknown.code).toBe('INVALID_INPUT');
    expect(unknown.message).toContain('{{patient.nom}}');

    const noNature = await failure(
      ctx.call('templates.create', { kind: 'reply', title: 'Réponse', body: 'Merci.' }),
    );
    expect(noNature.field).toBe('nature');

    const letterWithoutObjet = await failure(
      ctx.call('templates.create', {
        kind: 'letter',
        title: 'Lettre',
        body: 'Madame, Monsieur,',
        sendingMode: 'lrar',
        recipientRole: 'editeur',
        closing: 'Salutations.',
      }),
    );
    expect(letterWithoutObjet.field).toBe('objet');

    const wrongStep = await failure(
      ctx.call('templates.create', {
        kind: 'reply',
        title: 'Réponse',
        nature: 'Avis',
        path: { caseKind: 'review', step: 'opposition-envoyee' },
        body: 'Merci.',
      }),
    );
    expect(wrongStep.field).toBe('path.step');

    await ctx.call('templates.remove', { templateId: created.summary.id });
    expect((await ctx.call<TemplateSummary[]>('templates.list')).map((t) => t.id)).not.toContain(
      created.summary.id,
    );
    const { detail } = await unlawfulReview(ctx);
    const removed = await failure(
      ctx.call('letters.saveReply', {
        caseId: detail.id,
        templateId: created.summary.id,
        body: 'Merci.',
      }),
    );
    expect(removed.code).toBe('CONFLICT');
  });
});
