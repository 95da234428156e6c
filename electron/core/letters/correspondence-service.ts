import { randomUUID } from 'node:crypto';

import { AppError } from '../../../shared/api/errors';
import type {
  Channel,
  Counterpart,
  CorrespondenceEntry,
  Direction,
} from '../../../shared/api/letters-api';
import { diffDays } from '../../../shared/deadlines/dates';
import { accountLabels } from '../cases/repo';
import type { Db } from '../db/open';
import type { OpenVault } from '../vault/open-vault';
import {
  checkPieces,
  parseCounterpart,
  parseIds,
  requireCaseRow,
  requireEntry,
  today,
  type CorrespondenceRow,
  type LetterRow,
} from './rows';
import { checkAnswered, checkEntry } from './correspondence-checks';

/** The correspondence log: what was sent and received for each case file, and what is awaited. */

export function entryOf(
  db: Db,
  row: CorrespondenceRow,
  day: string,
  label: (id: string) => string,
): CorrespondenceEntry {
  const caseRow = db.prepare('SELECT title FROM case_files WHERE id = ?').get(row.case_id) as
    { title: string } | undefined;
  const pieces = parseIds(row.piece_ids).flatMap((id) => {
    const p = db.prepare('SELECT id, number, title FROM pieces WHERE id = ?').get(id) as
      { id: string; number: number; title: string } | undefined;
    return p ? [p] : [];
  });
  const letter = row.letter_id
    ? (db.prepare('SELECT id, title, status FROM letters WHERE id = ?').get(row.letter_id) as
        Pick<LetterRow, 'id' | 'title' | 'status'> | undefined)
    : undefined;
  const answers = (
    db.prepare('SELECT id FROM correspondence WHERE answered_by = ?').all(row.id) as Array<{
      id: string;
    }>
  ).map((r) => r.id);
  const waiting = row.direction === 'envoye' && row.answer_expected !== null && !row.answered_by;
  return {
    id: row.id,
    caseId: row.case_id,
    caseTitle: caseRow?.title ?? '',
    direction: row.direction,
    date: row.date,
    channel: row.channel as Channel,
    lrarNumber: row.lrar_number,
    counterpart: parseCounterpart(row.counterpart),
    subject: row.subject,
    summary: row.summary,
    pieces: pieces.sort((a, b) => a.number - b.number),
    letter: letter ? { id: letter.id, title: letter.title, status: letter.status } : null,
    arReceived: row.ar_received,
    answerExpected: row.answer_expected,
    answeredBy: row.answered_by,
    answers,
    overdue: waiting && row.answer_expected! < day,
    daysLeft: waiting ? diffDays(day, row.answer_expected!) : null,
    createdAt: row.created_at,
    createdBy: label(row.created_by),
    updatedAt: row.updated_at,
  };
}

export function getEntry(vault: OpenVault, entryId: string, now: Date): CorrespondenceEntry {
  return entryOf(vault.db, requireEntry(vault.db, entryId), today(now), accountLabels(vault.db));
}

/** Newest first; every case file when no case is given. */
export function listEntries(
  vault: OpenVault,
  caseId: string | undefined,
  now: Date,
): CorrespondenceEntry[] {
  if (caseId) requireCaseRow(vault.db, caseId);
  const rows = (
    caseId
      ? vault.db
          .prepare(
            'SELECT * FROM correspondence WHERE case_id = ? ORDER BY date DESC, created_at DESC',
          )
          .all(caseId)
      : vault.db.prepare('SELECT * FROM correspondence ORDER BY date DESC, created_at DESC').all()
  ) as CorrespondenceRow[];
  const day = today(now);
  const label = accountLabels(vault.db);
  return rows.map((r) => entryOf(vault.db, r, day, label));
}

/** Sent entries still waiting for an answer, the most urgent first. */
export function awaitingEntries(vault: OpenVault, now: Date): CorrespondenceEntry[] {
  const rows = vault.db
    .prepare(
      `SELECT * FROM correspondence WHERE direction = 'envoye' AND answer_expected IS NOT NULL
       AND answered_by IS NULL ORDER BY answer_expected, date`,
    )
    .all() as CorrespondenceRow[];
  const day = today(now);
  const label = accountLabels(vault.db);
  return rows.map((r) => entryOf(vault.db, r, day, label));
}

export interface EntryFields {
  date: string;
  channel: Channel;
  lrarNumber: string;
  counterpart: Counterpart;
  subject: string;
  summary: string;
  pieceIds: string[];
  arReceived: string | null;
  answerExpected: string | null;
  answersId: string | null;
}

export function insertEntry(
  db: Db,
  vault: OpenVault,
  e: EntryFields & { id: string; caseId: string; direction: Direction; letterId: string | null },
  now: Date,
): void {
  const at = now.toISOString();
  db.prepare(
    `INSERT INTO correspondence (id, case_id, direction, date, channel, lrar_number, counterpart,
       subject, summary, piece_ids, letter_id, ar_received, answer_expected, created_at, created_by,
       updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    e.id,
    e.caseId,
    e.direction,
    e.date,
    e.channel,
    e.lrarNumber,
    JSON.stringify(e.counterpart),
    e.subject,
    e.summary,
    JSON.stringify(e.pieceIds),
    e.letterId,
    e.arReceived,
    e.answerExpected,
    at,
    vault.account.id,
    at,
  );
  if (e.answersId) {
    db.prepare('UPDATE correspondence SET answered_by = ?, updated_at = ? WHERE id = ?').run(
      e.id,
      at,
      e.answersId,
    );
  }
  db.prepare('UPDATE case_files SET updated_at = ? WHERE id = ?').run(at, e.caseId);
}

export function addEntry(
  vault: OpenVault,
  input: EntryFields & { caseId: string; direction: Direction; letterId: string | null },
  now: Date,
): string {
  const db = vault.db;
  requireCaseRow(db, input.caseId);
  checkEntry(input.direction, input, now);
  const pieceIds = checkPieces(db, input.caseId, input.pieceIds);
  if (input.letterId) {
    const letter = db.prepare('SELECT case_id FROM letters WHERE id = ?').get(input.letterId) as
      { case_id: string } | undefined;
    if (!letter || letter.case_id !== input.caseId) {
      throw new AppError('INVALID_INPUT', 'Ce courrier n’appartient pas à ce dossier.', 'letterId');
    }
  }
  const id = randomUUID();
  checkAnswered(db, input.caseId, input.direction, input.answersId, id);
  vault.change(
    {
      action: 'correspondence.add',
      entity: 'correspondence',
      entityId: id,
      caseId: input.caseId,
      details: { direction: input.direction, channel: input.channel, pieces: pieceIds.length },
    },
    (tx) => insertEntry(tx, vault, { ...input, id, pieceIds }, now),
    now,
  );
  return id;
}

export function updateEntry(
  vault: OpenVault,
  input: EntryFields & { entryId: string },
  now: Date,
): void {
  const db = vault.db;
  const row = requireEntry(db, input.entryId);
  checkEntry(row.direction, input, now);
  const pieceIds = checkPieces(db, row.case_id, input.pieceIds, parseIds(row.piece_ids));
  checkAnswered(db, row.case_id, row.direction, input.answersId, row.id);
  const at = now.toISOString();
  vault.change(
    {
      action: 'correspondence.update',
      entity: 'correspondence',
      entityId: row.id,
      caseId: row.case_id,
      details: {
        channel: input.channel,
        pieces: pieceIds.length,
        answers: input.answersId !== null,
      },
    },
    (tx) => {
      tx.prepare(
        `UPDATE correspondence SET date = ?, channel = ?, lrar_number = ?, counterpart = ?,
           subject = ?, summary = ?, piece_ids = ?, ar_received = ?, answer_expected = ?,
           updated_at = ?
         WHERE id = ?`,
      ).run(
        input.date,
        input.channel,
        input.lrarNumber,
        JSON.stringify(input.counterpart),
        input.subject,
        input.summary,
        JSON.stringify(pieceIds),
        input.arReceived,
        input.answerExpected,
        at,
        row.id,
      );
      if (row.direction === 'recu') {
        tx.prepare('UPDATE correspondence SET answered_by = NULL WHERE answered_by = ?').run(
          row.id,
        );
        if (input.answersId) {
          tx.prepare('UPDATE correspondence SET answered_by = ?, updated_at = ? WHERE id = ?').run(
            row.id,
            at,
            input.answersId,
          );
        }
      }
      tx.prepare('UPDATE case_files SET updated_at = ? WHERE id = ?').run(at, row.case_id);
    },
    now,
  );
}
