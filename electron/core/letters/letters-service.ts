import { randomUUID } from 'node:crypto';

import { AppError } from '../../../shared/api/errors';
import type { LetterDetail, LetterRecipientInfo } from '../../../shared/api/letters-api';
import type { SendingMode } from '../../../shared/templates/schema';
import { templateTexts } from '../../../shared/templates/schema';
import type { Db } from '../db/open';
import type { OpenVault } from '../vault/open-vault';
import { composeSource } from './compose';
import { detailOf } from './letter-view';
import {
  checkPieces,
  parseEnclosures,
  realDay,
  requireLetter,
  today,
  type LetterRow,
  type StoredEnclosure,
} from './rows';
import { resolveTemplate, type ResolvedTemplate } from './templates-service';

/** Letters of a case: drafted from a template, edited, validated by the doctor, removed. */

export async function letterDetail(
  vault: OpenVault,
  resourcesDir: string,
  letterId: string,
): Promise<LetterDetail> {
  const row = requireLetter(vault.db, letterId);
  let reminders: string[] = [];
  try {
    const t = await resolveTemplate(vault, resourcesDir, row.template_id, row.template_version, {
      allowRemoved: true,
      anyBuiltInVersion: true,
    });
    reminders = t.template.reminders ?? [];
  } catch {
    // A built-in no longer shipped: the letter keeps its text, only the reminders are lost.
  }
  return detailOf(vault, row, reminders);
}

const EMPTY_RECIPIENT: LetterRecipientInfo = {
  name: '',
  address: '',
  email: '',
  recipientId: null,
};

export interface NewLetter {
  id: string;
  caseId: string;
  template: ResolvedTemplate;
  recipient?: LetterRecipientInfo | undefined;
  enclosures?: string[] | undefined;
  /** Replies pass their edited text; letters start from the template's. */
  body?: string;
  letterDate?: string;
}

export function insertLetter(db: Db, vault: OpenVault, input: NewLetter, now: Date): string {
  const src = composeSource(vault, input.caseId);
  const { template, builtIn, version } = input.template;
  const stepId =
    template.path?.step && src.caseDetail.steps.some((s) => s.id === template.path?.step)
      ? template.path.step
      : null;

  // A template that lists the pièces starts with every pièce of the file enclosed.
  const listsPieces = templateTexts(template).some((t) => t.includes('pieces.liste'));
  const enclosures =
    input.enclosures !== undefined
      ? checkPieces(db, input.caseId, input.enclosures)
      : listsPieces
        ? src.caseDetail.pieces.filter((p) => !p.withdrawn).map((p) => p.id)
        : [];

  let recipient = input.recipient ?? EMPTY_RECIPIENT;
  const identity = src.caseDetail.fields.authorIdentity.trim();
  if (!input.recipient && template.recipientRole === 'auteur' && identity !== '') {
    recipient = { ...EMPTY_RECIPIENT, name: identity };
  }

  const id = input.id;
  const at = now.toISOString();
  db.prepare(
    `INSERT INTO letters (id, case_id, step_id, kind, template_id, template_version,
       template_builtin, title, recipient, sending_mode, place, letter_date, objet, references_text,
       body, closing, enclosures, status, created_at, created_by, updated_at, updated_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'brouillon', ?, ?, ?, ?)`,
  ).run(
    id,
    input.caseId,
    stepId,
    template.kind,
    template.id,
    version,
    builtIn ? 1 : 0,
    template.title,
    JSON.stringify(recipient),
    template.sendingMode ?? null,
    src.practice.city,
    input.letterDate ?? today(now),
    template.objet ?? '',
    template.references ?? '',
    input.body ?? template.body,
    template.closing ?? '',
    JSON.stringify(enclosures.map((pieceId): StoredEnclosure => ({ pieceId, line: null }))),
    at,
    vault.account.id,
    at,
    vault.account.id,
  );
  db.prepare('UPDATE case_files SET updated_at = ? WHERE id = ?').run(at, input.caseId);
  return id;
}

export type LetterRequest = Omit<NewLetter, 'template' | 'id'>;

export async function createLetter(
  vault: OpenVault,
  resourcesDir: string,
  input: LetterRequest & { templateId: string; templateVersion?: number | undefined },
  now: Date,
): Promise<string> {
  const template = await resolveTemplate(
    vault,
    resourcesDir,
    input.templateId,
    input.templateVersion,
  );
  return createLetterFrom(vault, template, input, now);
}

/** A draft from an already resolved template (the demo passes the shipped files directly). */
export function createLetterFrom(
  vault: OpenVault,
  template: ResolvedTemplate,
  input: LetterRequest,
  now: Date,
): string {
  if (template.template.kind === 'reply') {
    throw new AppError(
      'INVALID_INPUT',
      'Une réponse publique se rédige dans l’onglet « Réponse publique » du dossier.',
      'templateId',
    );
  }
  composeSource(vault, input.caseId); // refuses an unknown case before writing
  const id = randomUUID();
  vault.change(
    {
      action: 'letter.create',
      entity: 'letter',
      entityId: id,
      caseId: input.caseId,
      details: { kind: template.template.kind, builtIn: template.builtIn },
    },
    (db) => insertLetter(db, vault, { ...input, id, template }, now),
    now,
  );
  return id;
}

export interface LetterPatch {
  letterId: string;
  title?: string | undefined;
  recipient?: LetterRecipientInfo | undefined;
  sendingMode?: SendingMode | undefined;
  lrarNumber?: string | undefined;
  place?: string | undefined;
  letterDate?: string | null | undefined;
  objet?: string | undefined;
  references?: string | undefined;
  body?: string | undefined;
  closing?: string | undefined;
  enclosures?: string[] | undefined;
}

export function requireEditable(row: LetterRow): void {
  if (row.status === 'envoyee' || row.status === 'publiee') {
    throw new AppError(
      'CONFLICT',
      row.status === 'envoyee'
        ? 'Ce courrier est envoyé : il ne peut plus être modifié. Créez un nouveau courrier si besoin.'
        : 'Cette réponse est publiée : elle ne peut plus être modifiée.',
    );
  }
}

/**
 * Any change to a validated letter sends it back to the doctor.
 * Limitation: a validated letter's text is frozen with its values, so changing its recipient
 * afterwards does not rewrite a name the text already contains; the preview shows it to review.
 */
export function updateLetter(vault: OpenVault, patch: LetterPatch, now: Date): void {
  const row = requireLetter(vault.db, patch.letterId);
  requireEditable(row);
  if (patch.letterDate) realDay(patch.letterDate, 'letterDate', 'La date du courrier');
  const current = parseEnclosures(row.enclosures);
  const enclosures =
    patch.enclosures === undefined
      ? current
      : checkPieces(
          vault.db,
          row.case_id,
          patch.enclosures,
          current.map((e) => e.pieceId),
        ).map((pieceId): StoredEnclosure => ({ pieceId, line: null }));
  const changed = Object.keys(patch).filter(
    (k) => k !== 'letterId' && patch[k as keyof LetterPatch] !== undefined,
  );

  vault.change(
    {
      action: 'letter.update',
      entity: 'letter',
      entityId: row.id,
      caseId: row.case_id,
      details: { fields: changed, unvalidated: row.status === 'validee' },
    },
    (db) => {
      db.prepare(
        `UPDATE letters SET title = ?, recipient = ?, sending_mode = ?, lrar_number = ?, place = ?,
           letter_date = ?, objet = ?, references_text = ?, body = ?, closing = ?, enclosures = ?,
           status = 'brouillon', validated_at = NULL, validated_by = NULL, updated_at = ?,
           updated_by = ?
         WHERE id = ?`,
      ).run(
        patch.title ?? row.title,
        patch.recipient ? JSON.stringify(patch.recipient) : row.recipient,
        patch.sendingMode ?? row.sending_mode,
        patch.lrarNumber ?? row.lrar_number,
        patch.place ?? row.place,
        patch.letterDate === undefined ? row.letter_date : patch.letterDate,
        patch.objet ?? row.objet,
        patch.references ?? row.references_text,
        patch.body ?? row.body,
        patch.closing ?? row.closing,
        JSON.stringify(enclosures),
        now.toISOString(),
        vault.account.id,
        row.id,
      );
    },
    now,
  );
}

/** Only a letter that never left the cabinet can be deleted. */
export function removeLetter(vault: OpenVault, letterId: string, now: Date): void {
  const row = requireLetter(vault.db, letterId);
  requireEditable(row);
  if (vault.db.prepare('SELECT 1 FROM correspondence WHERE letter_id = ?').get(letterId)) {
    throw new AppError(
      'CONFLICT',
      'Ce courrier figure dans la correspondance du dossier : il ne peut pas être supprimé.',
    );
  }
  vault.change(
    {
      action: 'letter.remove',
      entity: 'letter',
      entityId: row.id,
      caseId: row.case_id,
      details: { status: row.status },
    },
    (db) => db.prepare('DELETE FROM letters WHERE id = ?').run(letterId),
    now,
  );
}
