import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { CaseDetail, ChronologyEvent } from '../../../shared/api/cases-api';
import type {
  CorrespondenceEntry,
  LetterDetail,
  LetterDocx,
  LetterSummary,
} from '../../../shared/api/letters-api';
import { hostWithVault } from '../../helpers/host';
import { DOCTOR_PASS, SECRETARY_PASS } from '../../helpers/tmp';
import { documentXml, visibleText } from '../templates/helpers';
import { failure, isoDaysFromToday, REVIEW_TEXT, unlawfulReview, type Ctx } from './helpers';

let ctx: Ctx;
beforeEach(async () => {
  ctx = await hostWithVault();
});
afterEach(() => ctx.cleanup());

async function switchTo(accountId: string, passphrase: string): Promise<void> {
  await ctx.call('vault.lock');
  await ctx.call('vault.unlock', { accountId, passphrase });
}

async function draftMiseEnDemeure(): Promise<{ detail: CaseDetail; letter: LetterDetail }> {
  const { detail } = await unlawfulReview(ctx);
  const letter = await ctx.call<LetterDetail>('letters.create', {
    caseId: detail.id,
    templateId: 'mise-en-demeure-auteur',
  });
  return { detail, letter };
}

/** Fills what the case cannot provide: the delay is typed into the text, the recipient picked. */
async function complete(letter: LetterDetail): Promise<LetterDetail> {
  return ctx.call<LetterDetail>('letters.update', {
    letterId: letter.id,
    body: letter.texts.body.replace('{{courrier.delaiJours}}', '8'),
    recipient: { name: 'M. Jean Dupont', address: '4 rue Haute\n69001 Lyon' },
  });
}

describe('letters from a case file', () => {
  it('fills a template from the cabinet and the case and lists what is missing', async () => {
    const { detail, letter } = await draftMiseEnDemeure();

    expect(letter).toMatchObject({
      caseId: detail.id,
      kind: 'letter',
      status: 'brouillon',
      stepId: 'palier-2',
      template: { id: 'mise-en-demeure-auteur', version: 1, builtIn: true },
      sendingMode: 'lrar',
      place: 'Paris',
    });
    expect(letter.preview.objet).toBe(
      'Mise en demeure de supprimer des propos publiés sur Google Maps',
    );
    expect(letter.preview.body).toContain(`« ${REVIEW_TEXT} »`);
    expect(letter.preview.body).toContain('Le 2 mars 2026, vous avez publié sur Google Maps');
    expect(letter.preview.body).toContain('sous le nom « Zorro69 »');
    expect(letter.preview.body).toContain('qualification suivante : injure, prévue et réprimée');
    expect(letter.preview.body).toContain('la loi du 29 juillet 1881, art. 29 al. 2 et 33');
    expect(letter.missing).toEqual([
      { key: 'courrier.delaiJours', label: 'délai accordé (en jours)' },
    ]);
    expect(letter.preview.body).toContain('[à compléter : délai accordé (en jours)]');
    expect(JSON.stringify(letter.preview)).not.toMatch(/\{\{|\}\}/);
    // The stored text keeps its placeholders until the doctor validates it.
    expect(letter.texts.body).toContain('{{courrier.delaiJours}}');
    expect(letter.values['cabinet.nom']).toBe('Cabinet du Parc');
    expect(letter.reminders.length).toBeGreaterThan(0);

    const listed = await ctx.call<LetterSummary[]>('letters.list', { caseId: detail.id });
    expect(listed.map((l) => l.id)).toEqual([letter.id]);
  });

  it('refuses a reply template, an unknown template and an unknown case', async () => {
    const { detail } = await unlawfulReview(ctx);
    const reply = await failure(
      ctx.call('letters.create', { caseId: detail.id, templateId: 'cnom-temps-attente' }),
    );
    expect(reply.code).toBe('INVALID_INPUT');
    const unknown = await failure(
      ctx.call('letters.create', { caseId: detail.id, templateId: 'pas-un-modele' }),
    );
    expect(unknown.code).toBe('NOT_FOUND');
    const noCase = await failure(
      ctx.call('letters.create', {
        caseId: '00000000-0000-4000-8000-000000000000',
        templateId: 'mise-en-demeure-auteur',
      }),
    );
    expect(noCase.code).toBe('NOT_FOUND');
  });

  it('lets only the doctor validate, and only a complete letter; validation freezes the text', async () => {
    const secretaryId = await ctx.addSecretary();
    const status = await ctx.call<{ session: { accountId: string } }>('vault.status');
    const doctorId = status.session.accountId;
    const { detail, letter } = await draftMiseEnDemeure();

    await switchTo(secretaryId, SECRETARY_PASS);
    const completed = await complete(letter);
    expect(completed.missing).toEqual([]);
    const refused = await failure(ctx.call('letters.validate', { letterId: letter.id }));
    expect(refused.code).toBe('FORBIDDEN');
    expect(refused.message).toMatch(/médecin/);
    expect((await ctx.call<LetterDetail>('letters.get', { letterId: letter.id })).status).toBe(
      'brouillon',
    );

    await switchTo(doctorId, DOCTOR_PASS);
    await ctx.call('letters.update', {
      letterId: letter.id,
      body: `${completed.texts.body}\n\n{{dossier.inexistant}}`,
    });
    const incomplete = await failure(ctx.call('letters.validate', { letterId: letter.id }));
    expect(incomplete.code).toBe('CONFLICT');
    expect(incomplete.message).toContain('champ inconnu « dossier.inexistant »');

    await ctx.call('letters.update', { letterId: letter.id, body: completed.texts.body });
    const validated = await ctx.call<LetterDetail>('letters.validate', { letterId: letter.id });
    expect(validated).toMatchObject({ status: 'validee', validatedBy: 'Dr Lefort' });
    expect(validated.texts.body).not.toContain('{{');
    expect(validated.texts.body).toContain('dans un délai de 8 jours');

    // A later correction of the case file does not alter what the doctor approved.
    await ctx.call('cases.update', {
      ...detail.fields,
      caseId: detail.id,
      platform: 'Autre plateforme',
    });
    const after = await ctx.call<LetterDetail>('letters.get', { letterId: letter.id });
    expect(after.preview.objet).toContain('Google Maps');

    // Editing a validated letter sends it back to the doctor.
    const edited = await ctx.call<LetterDetail>('letters.update', {
      letterId: letter.id,
      closing: 'Veuillez agréer mes salutations.',
    });
    expect(edited).toMatchObject({ status: 'brouillon', validatedAt: null });
  });

  it('refuses to validate a letter without a recipient', async () => {
    const { letter } = await draftMiseEnDemeure();
    await ctx.call('letters.update', {
      letterId: letter.id,
      body: letter.texts.body.replace('{{courrier.delaiJours}}', '8'),
    });
    const refused = await failure(ctx.call('letters.validate', { letterId: letter.id }));
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toContain('nom du destinataire');
  });

  it('exports a DOCX with the missing values as markers, never braces', async () => {
    const { letter } = await draftMiseEnDemeure();
    const noRecipient = await failure(ctx.call('letters.docx', { letterId: letter.id }));
    expect(noRecipient.field).toBe('recipient.name');

    await ctx.call('letters.update', {
      letterId: letter.id,
      recipient: { name: 'M. Jean Dupont', address: '4 rue Haute\n69001 Lyon' },
      objet: 'Mise en demeure : propos « injurieux » / {{dossier.plateforme}}',
    });
    const docx = await ctx.call<LetterDocx>('letters.docx', { letterId: letter.id });
    const bytes = Buffer.from(docx.base64, 'base64');
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(docx.fileName).toBe('Lettre - Mise en demeure propos « injurieux » Google Maps.docx');
    expect(docx.missing.map((m) => m.key)).toEqual(['courrier.delaiJours']);
    const text = visibleText(await documentXml(bytes));
    expect(text).toContain('[à compléter : délai accordé (en jours)]');
    expect(text).toContain('M. Jean Dupont');
    expect(text).not.toMatch(/\{\{|\}\}/);
  });

  it('deletes a draft but never a letter that was sent', async () => {
    const { letter } = await draftMiseEnDemeure();
    await ctx.call('letters.remove', { letterId: letter.id });
    expect((await failure(ctx.call('letters.get', { letterId: letter.id }))).code).toBe(
      'NOT_FOUND',
    );

    const { letter: second } = await draftMiseEnDemeure();
    await complete(second);
    await ctx.call('letters.validate', { letterId: second.id });
    await ctx.call('letters.markSent', {
      letterId: second.id,
      date: isoDaysFromToday(0),
      channel: 'lrar',
      lrarNumber: '1A 234 567 8901 2',
    });
    expect((await failure(ctx.call('letters.remove', { letterId: second.id }))).code).toBe(
      'CONFLICT',
    );
  });
});

describe('marking a letter as sent', () => {
  it('needs the doctor’s validation and an LRAR number, then logs it and marks the step', async () => {
    const { detail, letter } = await draftMiseEnDemeure();
    await complete(letter);
    const sent = {
      letterId: letter.id,
      date: isoDaysFromToday(-2),
      channel: 'lrar',
      lrarNumber: '1A 234 567 8901 2',
      answerExpected: isoDaysFromToday(12),
      markStepDone: true,
    };

    const notValidated = await failure(ctx.call('letters.markSent', sent));
    expect(notValidated.code).toBe('CONFLICT');
    expect(notValidated.message).toMatch(/médecin/);
    await ctx.call('letters.validate', { letterId: letter.id });

    const noNumber = await failure(ctx.call('letters.markSent', { ...sent, lrarNumber: '' }));
    expect(noNumber).toMatchObject({ code: 'INVALID_INPUT', field: 'lrarNumber' });
    const future = await failure(
      ctx.call('letters.markSent', { ...sent, date: isoDaysFromToday(3) }),
    );
    expect(future.field).toBe('date');
    const badNumber = await failure(ctx.call('letters.markSent', { ...sent, lrarNumber: '12' }));
    expect(badNumber.code).toBe('INVALID_INPUT');
    // Refusals leave nothing behind: the letter is still validated and the log empty.
    expect(await ctx.call('correspondence.list', { caseId: detail.id })).toEqual([]);
    expect((await ctx.call<LetterDetail>('letters.get', { letterId: letter.id })).status).toBe(
      'validee',
    );

    const done = await ctx.call<LetterDetail>('letters.markSent', sent);
    expect(done).toMatchObject({
      status: 'envoyee',
      sentAt: sent.date,
      lrarNumber: sent.lrarNumber,
    });
    const log = await ctx.call<CorrespondenceEntry[]>('correspondence.list', { caseId: detail.id });
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      id: done.correspondenceId,
      direction: 'envoye',
      channel: 'lrar',
      lrarNumber: '1A 234 567 8901 2',
      date: sent.date,
      answerExpected: sent.answerExpected,
      counterpart: { name: 'M. Jean Dupont' },
      subject: 'Mise en demeure de supprimer des propos publiés sur Google Maps',
      letter: { id: letter.id, status: 'envoyee' },
      overdue: false,
      daysLeft: 12,
    });
    const step = (await ctx.call<CaseDetail>('cases.get', { caseId: detail.id })).steps.find(
      (s) => s.id === 'palier-2',
    );
    expect(step).toMatchObject({ state: 'fait', date: sent.date });

    expect((await failure(ctx.call('letters.markSent', sent))).code).toBe('CONFLICT');
    expect(
      (await failure(ctx.call('letters.update', { letterId: letter.id, title: 'X' }))).code,
    ).toBe('CONFLICT');

    const events = await ctx.call<ChronologyEvent[]>('cases.chronology', { caseId: detail.id });
    const letterLines = events.filter((e) => e.kind === 'courrier').map((e) => e.label);
    expect(letterLines).toEqual(
      expect.arrayContaining([
        'Courrier préparé : Mise en demeure de l’auteur des propos',
        'Courrier validé par Dr Lefort : Mise en demeure de l’auteur des propos',
        'Envoi à M. Jean Dupont (Lettre recommandée avec AR n° 1A 234 567 8901 2) : Mise en demeure de supprimer des propos publiés sur Google Maps',
      ]),
    );
  });

  it('does not mark a step for a letter that serves none', async () => {
    const { detail } = await unlawfulReview(ctx);
    const letter = await ctx.call<LetterDetail>('letters.create', {
      caseId: detail.id,
      templateId: 'saisine-ordre-menaces',
      recipient: { name: 'Conseil départemental de l’Ordre' },
    });
    expect(letter.stepId).toBeNull();
    await ctx.call('letters.validate', { letterId: letter.id });
    const refused = await failure(
      ctx.call('letters.markSent', {
        letterId: letter.id,
        date: isoDaysFromToday(0),
        channel: 'courrier',
        markStepDone: true,
      }),
    );
    expect(refused.field).toBe('markStepDone');
    expect(await ctx.call('correspondence.list', { caseId: detail.id })).toEqual([]);
  });
});
