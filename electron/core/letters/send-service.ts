import { randomUUID } from 'node:crypto';

import { AppError } from '../../../shared/api/errors';
import type { Channel } from '../../../shared/api/letters-api';
import type { SendingMode } from '../../../shared/templates/schema';
import { getCase, setStep } from '../cases/repo';
import type { OpenVault } from '../vault/open-vault';
import { composeSource } from './compose';
import { checkEntry } from './correspondence-checks';
import { insertEntry } from './correspondence-service';
import { filledLetter } from './letter-view';
import { parseRecipient, requireLetter } from './rows';

/** The letter's sending mode follows the channel it actually took, when it is one of them. */
const MODE_OF: Partial<Record<Channel, SendingMode>> = {
  lrar: 'lrar',
  lre: 'lre',
  email: 'email',
  courrier: 'courrier',
  formulaire: 'formulaire',
};

export interface SendInput {
  letterId: string;
  date: string;
  channel: Channel;
  lrarNumber: string;
  answerExpected: string | null;
  markStepDone: boolean;
}

/**
 * Records that a validated letter left the cabinet: the letter becomes « envoyé », its
 * correspondence entry is created and, if asked, its path step is marked done, all in one
 * transaction so the log never misses a letter marked as sent.
 */
export function markSent(vault: OpenVault, input: SendInput, now: Date): string {
  const row = requireLetter(vault.db, input.letterId);
  if (row.kind === 'reply') {
    throw new AppError(
      'INVALID_INPUT',
      'Une réponse publique ne s’envoie pas : marquez-la comme publiée.',
    );
  }
  if (row.status === 'envoyee') {
    throw new AppError('CONFLICT', 'Ce courrier est déjà marqué comme envoyé.');
  }
  if (row.status !== 'validee') {
    throw new AppError(
      'CONFLICT',
      'Ce courrier n’est pas encore validé : le médecin doit le relire et le valider avant l’envoi.',
    );
  }
  const recipient = parseRecipient(row.recipient);
  const fields = {
    date: input.date,
    channel: input.channel,
    lrarNumber: input.lrarNumber.trim(),
    counterpart: recipient.name.trim()
      ? recipient
      : { ...recipient, name: 'Destinataire non précisé' },
    subject: '',
    summary: row.title,
    arReceived: null,
    answerExpected: input.answerExpected,
  };
  checkEntry('envoye', fields, now);

  if (input.markStepDone) {
    const steps = getCase(vault, row.case_id).steps;
    if (!row.step_id || !steps.some((s) => s.id === row.step_id)) {
      throw new AppError(
        'INVALID_INPUT',
        'Ce courrier ne correspond à aucune étape du parcours du dossier : décochez « Marquer l’étape comme faite ».',
        'markStepDone',
      );
    }
  }

  const filled = filledLetter(row, composeSource(vault, row.case_id, row.id));
  const subject = (filled.preview.objet.trim() || row.title).slice(0, 300);
  const pieceIds = filled.enclosures.map((e) => e.pieceId);
  const entryId = randomUUID();

  vault.change(
    {
      action: 'letter.send',
      entity: 'letter',
      entityId: row.id,
      caseId: row.case_id,
      details: { channel: input.channel, entry: entryId, step: input.markStepDone },
    },
    (db) => {
      db.prepare(
        `UPDATE letters SET status = 'envoyee', sent_at = ?, lrar_number = ?, sending_mode = ?,
           updated_at = ?, updated_by = ?
         WHERE id = ?`,
      ).run(
        input.date,
        fields.lrarNumber,
        MODE_OF[input.channel] ?? row.sending_mode,
        now.toISOString(),
        vault.account.id,
        row.id,
      );
      insertEntry(
        db,
        vault,
        {
          ...fields,
          subject,
          id: entryId,
          caseId: row.case_id,
          direction: 'envoye',
          letterId: row.id,
          pieceIds,
          answersId: null,
        },
        now,
      );
      if (input.markStepDone && row.step_id) {
        setStep(
          vault,
          {
            caseId: row.case_id,
            stepId: row.step_id,
            state: 'fait',
            date: input.date,
            reason: '',
            note: `Courrier envoyé : ${row.title}`,
          },
          now,
        );
      }
    },
    now,
  );
  return entryId;
}
