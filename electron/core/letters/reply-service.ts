import { randomUUID } from 'node:crypto';

import { AppError } from '../../../shared/api/errors';
import { LAWFUL_REVIEW_STEPS } from '../../../shared/templates/schema';
import { getCase, setStep } from '../cases/repo';
import type { OpenVault } from '../vault/open-vault';
import { insertLetter, requireEditable } from './letters-service';
import { pastDay, requireLetter, today } from './rows';
import { resolveTemplate, type ResolvedTemplate } from './templates-service';

/**
 * Public replies to a lawful review: saved as letters of kind 'reply'. Saving a draft marks the
 * step « Réponse rédigée » done; recording the publication marks « Réponse publiée » done.
 */

const [DRAFTED, PUBLISHED] = LAWFUL_REVIEW_STEPS;

/** Marks a path step done at `date` unless it already is, inside the caller's transaction. */
function stepDone(vault: OpenVault, caseId: string, stepId: string, date: string, now: Date) {
  const step = getCase(vault, caseId).steps.find((s) => s.id === stepId);
  if (!step || step.state === 'fait') return;
  setStep(vault, { caseId, stepId, state: 'fait', date, reason: '', note: '' }, now);
}

export interface ReplyInput {
  caseId: string;
  letterId?: string | undefined;
  templateId: string;
  templateVersion?: number | undefined;
  body: string;
}

export async function saveReply(
  vault: OpenVault,
  resourcesDir: string,
  input: ReplyInput,
  now: Date,
): Promise<string> {
  const template = await resolveTemplate(
    vault,
    resourcesDir,
    input.templateId,
    input.templateVersion,
    {
      allowRemoved: input.letterId !== undefined,
    },
  );
  return saveReplyFrom(vault, template, input, now);
}

/** Saves a reply written from an already resolved template. */
export function saveReplyFrom(
  vault: OpenVault,
  template: ResolvedTemplate,
  input: Omit<ReplyInput, 'templateId' | 'templateVersion'>,
  now: Date,
): string {
  if (input.body.trim() === '') {
    throw new AppError(
      'INVALID_INPUT',
      'La réponse est vide : rédigez-la avant de l’enregistrer.',
      'body',
    );
  }
  if (template.template.kind !== 'reply') {
    throw new AppError('INVALID_INPUT', 'Choisissez un modèle de réponse publique.', 'templateId');
  }
  getCase(vault, input.caseId);
  const existing = input.letterId ? requireLetter(vault.db, input.letterId) : null;
  if (existing) {
    if (existing.case_id !== input.caseId || existing.kind !== 'reply') {
      throw new AppError(
        'INVALID_INPUT',
        'Cette réponse n’appartient pas à ce dossier.',
        'letterId',
      );
    }
    requireEditable(existing);
  }

  const id = existing?.id ?? randomUUID();
  const day = today(now);
  vault.change(
    {
      action: existing ? 'letter.update' : 'letter.create',
      entity: 'letter',
      entityId: id,
      caseId: input.caseId,
      details: { kind: 'reply', fields: ['body'] },
    },
    (db) => {
      if (existing) {
        db.prepare(
          `UPDATE letters SET body = ?, template_id = ?, template_version = ?, template_builtin = ?,
             status = 'brouillon', validated_at = NULL, validated_by = NULL, updated_at = ?,
             updated_by = ?
           WHERE id = ?`,
        ).run(
          input.body,
          template.template.id,
          template.version,
          template.builtIn ? 1 : 0,
          now.toISOString(),
          vault.account.id,
          id,
        );
      } else {
        insertLetter(db, vault, { id, caseId: input.caseId, template, body: input.body }, now);
      }
      if (DRAFTED) stepDone(vault, input.caseId, DRAFTED, day, now);
    },
    now,
  );
  return id;
}

export function publishReply(vault: OpenVault, letterId: string, date: string, now: Date): void {
  const row = requireLetter(vault.db, letterId);
  if (row.kind !== 'reply') {
    throw new AppError(
      'INVALID_INPUT',
      'Seule une réponse publique se marque comme publiée ; un courrier se marque comme envoyé.',
    );
  }
  if (row.status === 'publiee') {
    throw new AppError('CONFLICT', 'Cette réponse est déjà marquée comme publiée.');
  }
  const day = pastDay(date, now, 'date', 'La date de publication');
  vault.change(
    {
      action: 'letter.publish',
      entity: 'letter',
      entityId: row.id,
      caseId: row.case_id,
      details: { kind: 'reply' },
    },
    (db) => {
      db.prepare(
        `UPDATE letters SET status = 'publiee', sent_at = ?, updated_at = ?, updated_by = ?
         WHERE id = ?`,
      ).run(day, now.toISOString(), vault.account.id, row.id);
      if (DRAFTED) stepDone(vault, row.case_id, DRAFTED, day, now);
      if (PUBLISHED) stepDone(vault, row.case_id, PUBLISHED, day, now);
    },
    now,
  );
}
