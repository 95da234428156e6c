import { AppError } from '../../../shared/api/errors';
import type { OpenVault } from '../vault/open-vault';
import { composeSource } from './compose';
import { requireEditable } from './letters-service';
import { filledLetter } from './letter-view';
import { requireLetter, type StoredEnclosure } from './rows';

/**
 * The doctor's validation freezes the filled text: a later change to the case file cannot alter
 * a letter the doctor approved. A letter with a value still missing cannot be validated.
 */
export function validateLetter(vault: OpenVault, letterId: string, now: Date): void {
  if (vault.account.role !== 'medecin') {
    throw new AppError(
      'FORBIDDEN',
      'Seul le médecin peut valider un courrier. Demandez-lui de le relire et de le valider depuis son compte.',
    );
  }
  const row = requireLetter(vault.db, letterId);
  requireEditable(row);
  if (row.status === 'validee') return;

  const src = composeSource(vault, row.case_id, row.id);
  const filled = filledLetter(row, src);
  const gaps = [
    ...filled.missing.map((m) => m.label),
    ...filled.unknown.map((k) => `champ inconnu « ${k} »`),
  ];
  if (row.kind === 'letter') {
    const recipient = JSON.parse(row.recipient) as { name?: string };
    if (!recipient.name?.trim()) gaps.push('nom du destinataire');
    if (!row.place.trim()) gaps.push('lieu');
    if (!row.letter_date) gaps.push('date du courrier');
    if (!filled.preview.objet.trim()) gaps.push('objet');
  }
  if (!filled.preview.body.trim()) gaps.push('texte');
  if (gaps.length > 0) {
    throw new AppError(
      'CONFLICT',
      `Ce courrier ne peut pas être validé : il manque ${gaps.join(', ')}. Complétez-le puis validez-le.`,
      'missing',
    );
  }

  const frozen = filled.enclosures.map((e): StoredEnclosure => ({
    pieceId: e.pieceId,
    line: e.line,
  }));
  const at = now.toISOString();
  vault.change(
    {
      action: 'letter.validate',
      entity: 'letter',
      entityId: row.id,
      caseId: row.case_id,
      details: { kind: row.kind },
    },
    (db) =>
      db
        .prepare(
          `UPDATE letters SET objet = ?, references_text = ?, body = ?, closing = ?, enclosures = ?,
             status = 'validee', validated_at = ?, validated_by = ?, updated_at = ?, updated_by = ?
           WHERE id = ?`,
        )
        .run(
          filled.preview.objet,
          filled.preview.references,
          filled.preview.body,
          filled.preview.closing,
          JSON.stringify(frozen),
          at,
          vault.account.id,
          at,
          vault.account.id,
          row.id,
        ),
    now,
  );
}
