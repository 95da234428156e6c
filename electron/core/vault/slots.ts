import { AppError } from '../../../shared/api/errors';
import type { Role } from '../../../shared/domain/accounts';
import { evaluatePassphrase } from '../../../shared/passphrase';
import { seal } from '../crypto/aead';
import { deriveKey, freshParams, type KdfParams } from '../crypto/kdf';
import { newId, slotAad, type PassphraseSlot } from './header';

export function requireStrong(passphrase: string, context: string[]): void {
  const verdict = evaluatePassphrase(passphrase, context);
  if (!verdict.ok) {
    throw new AppError(
      'WEAK_PASSPHRASE',
      `Phrase de passe trop faible. ${verdict.reasons.join(' ')}`.trim(),
      'passphrase',
    );
  }
}

export async function wrapForPassphrase(
  vaultId: string,
  dataKey: Buffer,
  passphrase: string,
  kdf: KdfParams,
  account: { id: string; label: string; role: Role },
  slotId = newId(),
): Promise<PassphraseSlot> {
  const body = {
    id: slotId,
    kind: 'passphrase' as const,
    accountId: account.id,
    label: account.label,
    role: account.role,
    kdf: freshParams(kdf),
  };
  const kek = await deriveKey(passphrase, body.kdf);
  return { ...body, wrapped: seal(kek, dataKey, slotAad(vaultId, body)) };
}
