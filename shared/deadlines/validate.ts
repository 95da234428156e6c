import { AppError } from '../api/errors';
import { compareIsoDates, parseIsoDate } from './dates';
import { UNLAWFUL_CATEGORIES } from './types';
import type { DeadlineFacts } from './types';

const CASE_KINDS: readonly string[] = ['review', 'listing', 'google', 'other'];
const FIRST_POSTED_HOW: readonly string[] = ['page', 'archive', 'estimated'];

function invalid(message: string, field: string): AppError {
  return new AppError('INVALID_INPUT', message, field);
}

function requireText(value: unknown, field: string, message: string): void {
  if (typeof value !== 'string' || value.trim() === '') throw invalid(message, field);
}

function requireUniqueIds(items: ReadonlyArray<{ id: string }>, list: string, what: string): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    requireText(item.id, `${list}.${i}.id`, `Identifiant manquant pour ${what}.`);
    if (seen.has(item.id)) {
      throw invalid(`Deux ${what}s portent le même identifiant : rechargez le dossier.`, list);
    }
    seen.add(item.id);
  });
}

/**
 * Checks the facts at run time too: they come from storage or IPC, where the static type is only
 * a promise. Throws AppError('INVALID_INPUT') naming the failing field.
 */
export function validateDeadlineFacts(facts: DeadlineFacts): void {
  requireText(facts.caseId, 'caseId', 'Dossier sans identifiant : rechargez le dossier.');
  if (!CASE_KINDS.includes(facts.kind)) {
    throw invalid('Type de dossier inconnu : choisissez avis, fiche, Google ou autre.', 'kind');
  }
  if (!Array.isArray(facts.categories)) {
    throw invalid('Qualification manquante : choisissez au moins une catégorie.', 'categories');
  }
  facts.categories.forEach((c, i) => {
    if (!(UNLAWFUL_CATEGORIES as readonly string[]).includes(c)) {
      throw invalid(
        'Qualification inconnue : choisissez-la dans la liste proposée.',
        `categories.${i}`,
      );
    }
  });

  if (facts.firstPosted) {
    parseIsoDate(facts.firstPosted.date, 'firstPosted.date', 'La date de première mise en ligne');
    if (!FIRST_POSTED_HOW.includes(facts.firstPosted.how)) {
      throw invalid(
        'Indiquez comment la date de mise en ligne a été établie (page, archive ou estimation).',
        'firstPosted.how',
      );
    }
  }
  if (facts.discovered !== undefined) {
    parseIsoDate(facts.discovered, 'discovered', 'La date de découverte');
  }
  (facts.republished ?? []).forEach((d, i) => {
    parseIsoDate(d, `republished.${i}`, 'La date de republication');
  });

  const requests = facts.gdprRequests ?? [];
  requireUniqueIds(requests, 'gdprRequests', 'demande RGPD');
  requests.forEach((r, i) => {
    parseIsoDate(r.sent, `gdprRequests.${i}.sent`, 'La date d’envoi de la demande RGPD');
    if (r.receivedByController !== undefined) {
      const field = `gdprRequests.${i}.receivedByController`;
      parseIsoDate(r.receivedByController, field, 'La date de réception de la demande RGPD');
      if (compareIsoDates(r.receivedByController, r.sent) < 0) {
        throw invalid(
          'La date de réception de la demande RGPD précède sa date d’envoi : corrigez l’une des deux.',
          field,
        );
      }
    }
  });

  const followUps = facts.followUps ?? [];
  requireUniqueIds(followUps, 'followUps', 'relance');
  followUps.forEach((f, i) => {
    parseIsoDate(f.date, `followUps.${i}.date`, 'La date de relance');
    requireText(f.label, `followUps.${i}.label`, 'Donnez un intitulé à la relance.');
  });

  (facts.overrides ?? []).forEach((o, i) => {
    requireText(o.deadlineKey, `overrides.${i}.deadlineKey`, 'Correction sans échéance associée.');
    parseIsoDate(o.date, `overrides.${i}.date`, 'La date corrigée');
    requireText(
      o.reason,
      `overrides.${i}.reason`,
      'Indiquez pourquoi vous corrigez cette date (par exemple : avis de votre avocat).',
    );
  });
}
