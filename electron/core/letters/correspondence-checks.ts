import { AppError } from '../../../shared/api/errors';
import type { Direction } from '../../../shared/api/letters-api';
import type { Db } from '../db/open';
import type { EntryFields } from './correspondence-service';
import { pastDay, realDay, requireEntry } from './rows';

/** Checks shared by a new entry, an edited one and a letter marked as sent. */
export function checkEntry(
  direction: Direction,
  f: Omit<EntryFields, 'answersId' | 'pieceIds'>,
  now: Date,
): void {
  pastDay(f.date, now, 'date', direction === 'envoye' ? 'La date d’envoi' : 'La date de réception');
  if (f.channel === 'lrar' && direction === 'envoye' && f.lrarNumber.trim() === '') {
    throw new AppError(
      'INVALID_INPUT',
      'Indiquez le numéro de la lettre recommandée : il figure sur la preuve de dépôt et prouve l’envoi.',
      'lrarNumber',
    );
  }
  if (f.arReceived) {
    pastDay(f.arReceived, now, 'arReceived', 'La date de l’accusé de réception');
    if (f.arReceived < f.date) {
      throw new AppError(
        'INVALID_INPUT',
        'L’accusé de réception ne peut pas précéder l’envoi : vérifiez les deux dates.',
        'arReceived',
      );
    }
  }
  if (f.answerExpected) {
    if (direction !== 'envoye') {
      throw new AppError(
        'INVALID_INPUT',
        'Une date de réponse attendue ne s’indique que pour un envoi.',
        'answerExpected',
      );
    }
    realDay(f.answerExpected, 'answerExpected', 'La date de réponse attendue');
    if (f.answerExpected < f.date) {
      throw new AppError(
        'INVALID_INPUT',
        'La réponse attendue ne peut pas précéder l’envoi : vérifiez la date.',
        'answerExpected',
      );
    }
  }
}

/** The sent entry that a received one answers: same case, sent, not already answered. */
export function checkAnswered(
  db: Db,
  caseId: string,
  direction: Direction,
  answersId: string | null,
  selfId: string,
): void {
  if (!answersId) return;
  if (direction !== 'recu') {
    throw new AppError(
      'INVALID_INPUT',
      'Seule une entrée reçue peut répondre à un envoi.',
      'answersId',
    );
  }
  const target = requireEntry(db, answersId);
  if (target.case_id !== caseId || target.direction !== 'envoye') {
    throw new AppError(
      'INVALID_INPUT',
      'La réponse doit se rattacher à un envoi de ce même dossier.',
      'answersId',
    );
  }
  if (target.answered_by && target.answered_by !== selfId) {
    throw new AppError(
      'CONFLICT',
      'Cet envoi a déjà une réponse enregistrée : ouvrez-la pour la modifier.',
      'answersId',
    );
  }
}
