/**
 * What the user records about deadlines: corrections (kept as history), follow-ups, and what a
 * sent letter is (a GDPR request, extended or not). Every write goes through the journal, with
 * codes only: no reason, no label.
 */
import { randomUUID } from 'node:crypto';

import { AppError } from '../../../shared/api/errors';
import { parseIsoDate } from '../../../shared/deadlines/dates';
import { computeDeadlines } from '../../../shared/deadlines/engine';
import { accountLabels } from '../cases/repo';
import type { Db } from '../db/open';
import type { OpenVault } from '../vault/open-vault';
import { loadCaseFacts, requireCaseRow } from './facts';

function requireOpenCase(db: Db, caseId: string): void {
  const row = requireCaseRow(db, caseId);
  if (row.status === 'clos') {
    throw new AppError(
      'CONFLICT',
      'Ce dossier est clos : ses échéances ne courent plus. Rouvrez-le pour modifier une date.',
    );
  }
}

function requireSentLetter(db: Db, caseId: string, correspondenceId: string): void {
  const row = db
    .prepare('SELECT case_id, direction FROM correspondence WHERE id = ?')
    .get(correspondenceId) as { case_id: string; direction: string } | undefined;
  if (!row || row.case_id !== caseId) {
    throw new AppError(
      'NOT_FOUND',
      'Ce courrier est introuvable dans ce dossier. Rechargez le dossier.',
      'correspondenceId',
    );
  }
  if (row.direction !== 'envoye') {
    throw new AppError(
      'INVALID_INPUT',
      'Seul un courrier envoyé par le cabinet peut être une demande RGPD.',
      'correspondenceId',
    );
  }
}

/** The keys the engine computes today for this case, with any correction applied or not. */
function currentKeys(vault: OpenVault, caseId: string): Set<string> {
  const row = requireCaseRow(vault.db, caseId);
  const bundle = loadCaseFacts(vault.db, row, accountLabels(vault.db));
  return new Set(computeDeadlines(bundle.facts).map((d) => d.key));
}

export function recordOverride(
  vault: OpenVault,
  input: { caseId: string; deadlineKey: string; date: string; reason: string },
  now: Date,
): void {
  requireOpenCase(vault.db, input.caseId);
  const date = parseIsoDate(input.date, 'date', 'La date corrigée');
  const reason = input.reason.trim();
  if (reason === '') {
    throw new AppError(
      'INVALID_INPUT',
      'Indiquez pourquoi vous corrigez cette date (par exemple : avis de votre avocat).',
      'reason',
    );
  }
  if (!currentKeys(vault, input.caseId).has(input.deadlineKey)) {
    throw new AppError(
      'NOT_FOUND',
      'Cette échéance n’existe plus pour ce dossier (qualification ou dates modifiées). ' +
        'Rechargez la page.',
      'deadlineKey',
    );
  }
  insertOverride(vault, input.caseId, input.deadlineKey, date, reason, now, 'deadline.override');
}

export function clearOverride(
  vault: OpenVault,
  input: { caseId: string; deadlineKey: string; reason: string },
  now: Date,
): void {
  requireOpenCase(vault.db, input.caseId);
  const latest = vault.db
    .prepare(
      'SELECT date FROM deadline_overrides WHERE case_id = ? AND deadline_key = ? ORDER BY id DESC LIMIT 1',
    )
    .get(input.caseId, input.deadlineKey) as { date: string | null } | undefined;
  if (!latest || latest.date === null) {
    throw new AppError(
      'NOT_FOUND',
      'Cette échéance n’a pas de date corrigée : elle suit déjà la date calculée.',
      'deadlineKey',
    );
  }
  const reason = input.reason.trim() || 'Retour à la date calculée';
  insertOverride(vault, input.caseId, input.deadlineKey, null, reason, now, 'deadline.restore');
}

function insertOverride(
  vault: OpenVault,
  caseId: string,
  key: string,
  date: string | null,
  reason: string,
  now: Date,
  action: string,
): void {
  vault.change(
    { action, entity: 'deadline', entityId: key, caseId, details: { key } },
    (db) =>
      db
        .prepare(
          'INSERT INTO deadline_overrides (case_id, deadline_key, date, reason, by_account, at) VALUES (?, ?, ?, ?, ?, ?)',
        )
        .run(caseId, key, date, reason, vault.account.id, now.toISOString()),
    now,
  );
}

export function addFollowUp(
  vault: OpenVault,
  input: { caseId: string; correspondenceId?: string | null; date: string; label: string },
  now: Date,
): string {
  requireOpenCase(vault.db, input.caseId);
  const date = parseIsoDate(input.date, 'date', 'La date de relance');
  const label = input.label.trim();
  if (label === '') {
    throw new AppError('INVALID_INPUT', 'Donnez un intitulé à la relance.', 'label');
  }
  const correspondenceId = input.correspondenceId ?? null;
  if (correspondenceId !== null) {
    const row = vault.db
      .prepare('SELECT case_id FROM correspondence WHERE id = ?')
      .get(correspondenceId) as { case_id: string } | undefined;
    if (!row || row.case_id !== input.caseId) {
      throw new AppError(
        'NOT_FOUND',
        'Ce courrier est introuvable dans ce dossier. Rechargez le dossier.',
        'correspondenceId',
      );
    }
  }
  const id = randomUUID();
  vault.change(
    {
      action: 'followup.add',
      entity: 'follow_up',
      entityId: id,
      caseId: input.caseId,
      details: { letter: correspondenceId !== null },
    },
    (db) =>
      db
        .prepare(
          `INSERT INTO follow_ups (id, case_id, correspondence_id, date, label, created_at, created_by)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(id, input.caseId, correspondenceId, date, label, now.toISOString(), vault.account.id),
    now,
  );
  return id;
}

/** Marks a follow-up done and returns its case file. */
export function doneFollowUp(vault: OpenVault, id: string, now: Date): string {
  const row = vault.db.prepare('SELECT case_id, done_at FROM follow_ups WHERE id = ?').get(id) as
    { case_id: string; done_at: string | null } | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'Cette relance est introuvable. Rechargez la page.');
  if (row.done_at !== null) return row.case_id;
  vault.change(
    { action: 'followup.done', entity: 'follow_up', entityId: id, caseId: row.case_id },
    (db) =>
      db
        .prepare('UPDATE follow_ups SET done_at = ?, done_by = ? WHERE id = ?')
        .run(now.toISOString(), vault.account.id, id),
    now,
  );
  return row.case_id;
}

export function markGdprRequest(
  vault: OpenVault,
  input: { caseId: string; correspondenceId: string; isRequest: boolean },
  now: Date,
): void {
  requireCaseRow(vault.db, input.caseId);
  requireSentLetter(vault.db, input.caseId, input.correspondenceId);
  vault.change(
    {
      action: 'gdpr.request',
      entity: 'correspondence',
      entityId: input.correspondenceId,
      caseId: input.caseId,
      details: { isRequest: input.isRequest },
    },
    (db) =>
      db
        .prepare(
          'INSERT INTO gdpr_requests (case_id, correspondence_id, is_request, by_account, at) VALUES (?, ?, ?, ?, ?)',
        )
        .run(
          input.caseId,
          input.correspondenceId,
          input.isRequest ? 1 : 0,
          vault.account.id,
          now.toISOString(),
        ),
    now,
  );
}

/** The controller announced the two-month extension: the answer is due three months on. */
export function markGdprExtended(
  vault: OpenVault,
  input: { caseId: string; correspondenceId: string },
  now: Date,
): void {
  requireCaseRow(vault.db, input.caseId);
  requireSentLetter(vault.db, input.caseId, input.correspondenceId);
  vault.change(
    {
      action: 'gdpr.extend',
      entity: 'correspondence',
      entityId: input.correspondenceId,
      caseId: input.caseId,
    },
    (db) =>
      db
        .prepare(
          'INSERT OR IGNORE INTO gdpr_extensions (case_id, correspondence_id, at, by_account) VALUES (?, ?, ?, ?)',
        )
        .run(input.caseId, input.correspondenceId, now.toISOString(), vault.account.id),
    now,
  );
}
