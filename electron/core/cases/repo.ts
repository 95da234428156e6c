import { randomUUID } from 'node:crypto';

import type {
  CaseDetail,
  CaseFields,
  CaseSummary,
  Qualification,
  StepStatus,
  TextVersion,
} from '../../../shared/api/cases-api';
import { AppError } from '../../../shared/api/errors';
import {
  PATH_STEPS,
  pathOf,
  type CaseStatus,
  type Outcome,
  type StepState,
  type UnlawfulCategory,
} from '../../../shared/domain/cases';
import type { Db } from '../db/open';
import type { OpenVault } from '../vault/open-vault';
import { rowToFields, fieldsToParams, rowToPiece, type CaseRow, type PieceRow } from './rows';
import { reindexCase, searchCaseIds } from './search';

export function accountLabels(db: Db): (id: string) => string {
  const rows = db.prepare('SELECT id, label FROM accounts').all() as Array<{
    id: string;
    label: string;
  }>;
  const map = new Map(rows.map((r) => [r.id, r.label]));
  return (id) => map.get(id) ?? 'Compte inconnu';
}

function requireCase(db: Db, caseId: string): CaseRow {
  const row = db.prepare('SELECT * FROM case_files WHERE id = ?').get(caseId) as
    CaseRow | undefined;
  if (!row)
    throw new AppError('NOT_FOUND', 'Ce dossier est introuvable. Revenez à la liste des dossiers.');
  return row;
}

function latestQualification(
  db: Db,
  caseId: string,
): { lawful: boolean; categories: UnlawfulCategory[] } | null {
  const q = db
    .prepare(
      `SELECT lawful, categories FROM qualifications WHERE case_id = ?
       ORDER BY at DESC, rowid DESC LIMIT 1`,
    )
    .get(caseId) as { lawful: number; categories: string } | undefined;
  return q
    ? { lawful: q.lawful === 1, categories: JSON.parse(q.categories) as UnlawfulCategory[] }
    : null;
}

function stepsOf(
  db: Db,
  row: CaseRow,
  lawful: boolean | null,
  label: (id: string) => string,
): StepStatus[] {
  const path = pathOf(row.kind, lawful);
  if (path === 'a-qualifier') return [];
  const stored = new Map(
    (
      db.prepare('SELECT * FROM case_steps WHERE case_id = ?').all(row.id) as Array<{
        step_id: string;
        state: StepState;
        date: string | null;
        reason: string;
        note: string;
        by_account: string;
        at: string;
      }>
    ).map((s) => [s.step_id, s]),
  );
  return PATH_STEPS[path].map((def) => {
    const s = stored.get(def.id);
    return {
      ...def,
      state: s?.state ?? 'a-faire',
      date: s?.date ?? null,
      reason: s?.reason ?? '',
      note: s?.note ?? '',
      by: s ? label(s.by_account) : null,
      at: s?.at ?? null,
    };
  });
}

function summarize(db: Db, row: CaseRow, label: (id: string) => string): CaseSummary {
  const q = latestQualification(db, row.id);
  const lawful = q?.lawful ?? null;
  const steps = stepsOf(db, row, lawful, label);
  const next = steps.find((s) => s.state === 'a-faire');
  const { n } = db
    .prepare('SELECT count(*) AS n FROM pieces WHERE case_id = ? AND withdrawn_at IS NULL')
    .get(row.id) as { n: number };
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    platform: row.platform,
    status: row.status,
    path: pathOf(row.kind, lawful),
    categories: q?.categories ?? [],
    lawful,
    nextStep: next ? { id: next.id, label: next.label } : null,
    firstPosted: row.first_posted,
    discovered: row.discovered,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    pieceCount: n,
  };
}

export function getCase(vault: OpenVault, caseId: string): CaseDetail {
  const db = vault.db;
  const row = requireCase(db, caseId);
  const label = accountLabels(db);
  const summary = summarize(db, row, label);
  const texts = (
    db.prepare('SELECT * FROM case_texts WHERE case_id = ? ORDER BY version').all(caseId) as Array<{
      version: number;
      text: string;
      reason: string;
      captured_at: string;
      captured_by: string;
    }>
  ).map<TextVersion>((t) => ({
    version: t.version,
    text: t.text,
    capturedAt: t.captured_at,
    reason: t.reason,
    by: label(t.captured_by),
  }));
  const qualifications = (
    db
      .prepare('SELECT * FROM qualifications WHERE case_id = ? ORDER BY at DESC, rowid DESC')
      .all(caseId) as Array<{
      id: string;
      lawful: number;
      categories: string;
      answers: string;
      note: string;
      by_account: string;
      at: string;
    }>
  ).map<Qualification>((q) => ({
    id: q.id,
    lawful: q.lawful === 1,
    categories: JSON.parse(q.categories) as UnlawfulCategory[],
    answers: JSON.parse(q.answers) as Record<string, boolean>,
    note: q.note,
    by: label(q.by_account),
    at: q.at,
  }));
  const pieces = (
    db.prepare('SELECT * FROM pieces WHERE case_id = ? ORDER BY number').all(caseId) as PieceRow[]
  ).map((p) => rowToPiece(p, label));
  return {
    ...summary,
    fields: rowToFields(row),
    outcome: row.outcome,
    outcomeNote: row.outcome_note,
    texts,
    qualifications,
    steps: stepsOf(db, row, summary.lawful, label),
    pieces,
  };
}

export interface ListFilter {
  kind?: CaseSummary['kind'];
  status?: CaseStatus;
  category?: UnlawfulCategory;
  step?: string;
  query?: string;
  sort: 'recent' | 'ancien' | 'publication';
}

export function listCases(vault: OpenVault, filter: ListFilter): CaseSummary[] {
  const db = vault.db;
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.kind) {
    where.push('kind = ?');
    params.push(filter.kind);
  }
  if (filter.status) {
    where.push('status = ?');
    params.push(filter.status);
  }
  let ranked: string[] | null = null;
  if (filter.query?.trim()) {
    ranked = searchCaseIds(db, filter.query);
    if (ranked === null || ranked.length === 0) return [];
    where.push(`id IN (${ranked.map(() => '?').join(',')})`);
    params.push(...ranked);
  }
  const order =
    filter.sort === 'ancien'
      ? 'created_at ASC'
      : filter.sort === 'publication'
        ? "coalesce(first_posted, '9999') ASC"
        : 'updated_at DESC';
  const rows = db
    .prepare(
      `SELECT * FROM case_files ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY ${order}`,
    )
    .all(...params) as CaseRow[];
  const label = accountLabels(db);
  let list = rows.map((r) => summarize(db, r, label));
  if (filter.category) list = list.filter((c) => c.categories.includes(filter.category!));
  if (filter.step) list = list.filter((c) => c.nextStep?.id === filter.step);
  if (ranked && filter.sort === 'recent') {
    const rank = new Map(ranked.map((id, i) => [id, i]));
    list.sort((a, b) => rank.get(a.id)! - rank.get(b.id)!);
  }
  return list;
}

export function createCase(
  vault: OpenVault,
  fields: CaseFields,
  verbatim: string,
  now: Date,
): string {
  const id = randomUUID();
  const at = now.toISOString();
  vault.change(
    {
      action: 'case.create',
      entity: 'case',
      entityId: id,
      caseId: id,
      details: { kind: fields.kind },
    },
    (db) => {
      db.prepare(
        `INSERT INTO case_files (id, kind, title, platform, platform_entry_id, url, author_pseudonym,
         author_identifiable, author_identity, rating, rating_max, first_posted, first_posted_how,
         discovered, notes, tags, created_at, created_by, updated_at)
       VALUES (@id, @kind, @title, @platform, @platform_entry_id, @url, @author_pseudonym,
         @author_identifiable, @author_identity, @rating, @rating_max, @first_posted,
         @first_posted_how, @discovered, @notes, @tags, @at, @by, @at)`,
      ).run({ ...fieldsToParams(fields), id, at, by: vault.account.id });
      if (verbatim) {
        db.prepare(
          `INSERT INTO case_texts (case_id, version, text, reason, captured_at, captured_by)
           VALUES (?, 1, ?, ?, ?, ?)`,
        ).run(id, verbatim, 'Texte capturé à l’ouverture du dossier', at, vault.account.id);
      }
      reindexCase(db, id);
    },
    now,
  );
  return id;
}

export function updateCase(vault: OpenVault, caseId: string, fields: CaseFields, now: Date): void {
  const before = requireCase(vault.db, caseId);
  if (
    before.kind !== fields.kind &&
    vault.db.prepare('SELECT 1 FROM case_steps WHERE case_id = ?').get(caseId)
  ) {
    throw new AppError(
      'CONFLICT',
      'Le type d’un dossier dont le parcours a commencé ne peut plus changer. ' +
        'Ouvrez un nouveau dossier.',
    );
  }
  const changed = Object.entries(fieldsToParams(fields))
    .filter(([k, v]) => (before as unknown as Record<string, unknown>)[k] !== v)
    .map(([k]) => k);
  vault.change(
    {
      action: 'case.update',
      entity: 'case',
      entityId: caseId,
      caseId,
      details: { fields: changed },
    },
    (db) => {
      db.prepare(
        `UPDATE case_files SET kind = @kind, title = @title, platform = @platform,
         platform_entry_id = @platform_entry_id, url = @url, author_pseudonym = @author_pseudonym,
         author_identifiable = @author_identifiable, author_identity = @author_identity,
         rating = @rating, rating_max = @rating_max, first_posted = @first_posted,
         first_posted_how = @first_posted_how, discovered = @discovered, notes = @notes,
         tags = @tags, updated_at = @at WHERE id = @id`,
      ).run({ ...fieldsToParams(fields), id: caseId, at: now.toISOString() });
      reindexCase(db, caseId);
    },
    now,
  );
}

export function correctText(
  vault: OpenVault,
  caseId: string,
  text: string,
  reason: string,
  now: Date,
): void {
  requireCase(vault.db, caseId);
  vault.change(
    { action: 'case.text.correct', entity: 'case', entityId: caseId, caseId },
    (db) => {
      const { v } = db
        .prepare('SELECT coalesce(max(version), 0) AS v FROM case_texts WHERE case_id = ?')
        .get(caseId) as { v: number };
      db.prepare(
        `INSERT INTO case_texts (case_id, version, text, reason, captured_at, captured_by)
         VALUES (?, ?, ?, ?, ?, ?)`,
      ).run(caseId, v + 1, text, reason, now.toISOString(), vault.account.id);
      db.prepare('UPDATE case_files SET updated_at = ? WHERE id = ?').run(
        now.toISOString(),
        caseId,
      );
      reindexCase(db, caseId);
    },
    now,
  );
}

export function qualify(
  vault: OpenVault,
  input: {
    caseId: string;
    lawful: boolean;
    categories: UnlawfulCategory[];
    answers: Record<string, boolean>;
    note: string;
  },
  now: Date,
): void {
  const row = requireCase(vault.db, input.caseId);
  const categories = [...new Set(input.categories)];
  if (input.lawful && categories.length > 0) {
    throw new AppError(
      'INVALID_INPUT',
      'Un contenu licite ne peut pas avoir de catégorie d’illicéité : ' +
        'décochez-les ou choisissez « illicite ».',
      'categories',
    );
  }
  if (!input.lawful && categories.length === 0) {
    throw new AppError(
      'INVALID_INPUT',
      'Choisissez au moins une catégorie pour un contenu illicite.',
      'categories',
    );
  }
  if (row.kind === 'listing') {
    throw new AppError(
      'INVALID_INPUT',
      'Une fiche nominative suit le parcours RGPD : elle ne se qualifie pas comme un avis.',
    );
  }
  vault.change(
    {
      action: 'case.qualify',
      entity: 'case',
      entityId: input.caseId,
      caseId: input.caseId,
      details: { lawful: input.lawful, categories },
    },
    (db) => {
      db.prepare(
        `INSERT INTO qualifications (id, case_id, lawful, categories, answers, note, by_account, at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        randomUUID(),
        input.caseId,
        input.lawful ? 1 : 0,
        JSON.stringify(categories),
        JSON.stringify(input.answers),
        input.note,
        vault.account.id,
        now.toISOString(),
      );
      db.prepare('UPDATE case_files SET updated_at = ? WHERE id = ?').run(
        now.toISOString(),
        input.caseId,
      );
    },
    now,
  );
}

export function setStep(
  vault: OpenVault,
  input: {
    caseId: string;
    stepId: string;
    state: StepState;
    date?: string | null | undefined;
    reason: string;
    note: string;
  },
  now: Date,
): void {
  const detail = getCase(vault, input.caseId);
  if (!detail.steps.some((s) => s.id === input.stepId)) {
    throw new AppError(
      'INVALID_INPUT',
      'Cette étape n’appartient pas au parcours de ce dossier.',
      'stepId',
    );
  }
  if (input.state === 'ecarte' && !input.reason.trim()) {
    throw new AppError('INVALID_INPUT', 'Indiquez pourquoi cette étape est écartée.', 'reason');
  }
  const date = input.state === 'fait' ? (input.date ?? now.toISOString().slice(0, 10)) : null;
  vault.change(
    {
      action: 'case.step',
      entity: 'case',
      entityId: input.caseId,
      caseId: input.caseId,
      details: { step: input.stepId, state: input.state },
    },
    (db) => {
      db.prepare(
        `INSERT INTO case_steps (case_id, step_id, state, date, reason, note, by_account, at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (case_id, step_id) DO UPDATE SET state = excluded.state, date = excluded.date,
           reason = excluded.reason, note = excluded.note, by_account = excluded.by_account,
           at = excluded.at`,
      ).run(
        input.caseId,
        input.stepId,
        input.state,
        date,
        input.state === 'ecarte' ? input.reason : '',
        input.note,
        vault.account.id,
        now.toISOString(),
      );
      db.prepare('UPDATE case_files SET updated_at = ? WHERE id = ?').run(
        now.toISOString(),
        input.caseId,
      );
    },
    now,
  );
}

export function setStatus(
  vault: OpenVault,
  input: {
    caseId: string;
    status: CaseStatus;
    outcome?: Outcome | null | undefined;
    outcomeNote: string;
  },
  now: Date,
): void {
  requireCase(vault.db, input.caseId);
  if (input.status === 'clos' && !input.outcome) {
    throw new AppError('INVALID_INPUT', 'Indiquez l’issue du dossier pour le clore.', 'outcome');
  }
  const closing = input.status === 'clos';
  vault.change(
    {
      action: 'case.status',
      entity: 'case',
      entityId: input.caseId,
      caseId: input.caseId,
      details: { status: input.status },
    },
    (db) =>
      db
        .prepare(
          `UPDATE case_files SET status = ?, outcome = ?, outcome_note = ?, closed_at = ?,
           updated_at = ? WHERE id = ?`,
        )
        .run(
          input.status,
          closing ? input.outcome : null,
          closing ? input.outcomeNote : '',
          closing ? now.toISOString() : null,
          now.toISOString(),
          input.caseId,
        ),
    now,
  );
}
