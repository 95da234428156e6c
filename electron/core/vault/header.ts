import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

import { z } from 'zod';

import { AppError } from '../../../shared/api/errors';
import { ROLES } from '../../../shared/domain/accounts';
import { hmac, sameMac, subkey } from '../crypto/aead';
import { writeFileAtomic } from '../fs/atomic';

export const HEADER_FILE = 'vault.json';
export const DATABASE_FILE = 'egide.db';
export const HEADER_FORMAT = 'egide-vault';
export const HEADER_VERSION = 1;

const kdfSchema = z.object({
  alg: z.literal('argon2id'),
  memoryKiB: z
    .number()
    .int()
    .min(64 * 1024)
    .max(4 * 1024 * 1024),
  iterations: z.number().int().min(1).max(64),
  parallelism: z.number().int().min(1).max(16),
  salt: z.string().min(16),
});

const sealedSchema = z.object({ box: z.string().min(40) });

const slotSchema = z.discriminatedUnion('kind', [
  z.object({
    id: z.string().min(8),
    kind: z.literal('passphrase'),
    accountId: z.string().min(8),
    label: z.string(),
    role: z.enum(ROLES),
    kdf: kdfSchema,
    wrapped: sealedSchema,
  }),
  z.object({
    id: z.string().min(8),
    kind: z.literal('recovery'),
    salt: z.string().min(16),
    wrapped: sealedSchema,
  }),
]);

const headerSchema = z.object({
  format: z.literal(HEADER_FORMAT),
  version: z.literal(HEADER_VERSION),
  vaultId: z.string().min(8),
  createdAt: z.string(),
  database: z.literal(DATABASE_FILE),
  kdf: kdfSchema.omit({ salt: true }),
  slots: z.array(slotSchema).min(1),
  mac: z.string(),
});

export type VaultHeader = z.infer<typeof headerSchema>;
export type Slot = VaultHeader['slots'][number];
export type PassphraseSlot = Extract<Slot, { kind: 'passphrase' }>;
export type RecoverySlot = Extract<Slot, { kind: 'recovery' }>;
export type SlotBody = Omit<PassphraseSlot, 'wrapped'> | Omit<RecoverySlot, 'wrapped'>;

export function newId(): string {
  return randomUUID();
}

/** Associated data for a wrapped key: moving a wrapped key to another slot or vault breaks it. */
export function slotAad(vaultId: string, slot: SlotBody): string {
  const bound =
    slot.kind === 'passphrase'
      ? [slot.id, slot.kind, slot.accountId, slot.role, slot.kdf]
      : [slot.id, slot.kind, slot.salt];
  return JSON.stringify(['egide-slot-v1', vaultId, ...bound]);
}

function macInput(h: Omit<VaultHeader, 'mac'>): string {
  return JSON.stringify([h.format, h.version, h.vaultId, h.createdAt, h.database, h.kdf, h.slots]);
}

export function signHeader(dataKey: Buffer, h: Omit<VaultHeader, 'mac'>): VaultHeader {
  return { ...h, mac: hmac(subkey(dataKey, 'header-mac'), macInput(h)) };
}

export function headerIsAuthentic(dataKey: Buffer, h: VaultHeader): boolean {
  const { mac, ...rest } = h;
  return sameMac(hmac(subkey(dataKey, 'header-mac'), macInput(rest)), mac);
}

const DAMAGED =
  'Le fichier d’en-tête du coffre (vault.json) est endommagé ou a été modifié. Rien n’a été ' +
  'ouvert ni modifié. Restaurez-le depuis une sauvegarde, ou contactez votre support.';

export async function readHeader(dataDir: string): Promise<VaultHeader | null> {
  let raw: string;
  try {
    raw = await fs.readFile(path.join(dataDir, HEADER_FILE), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    if (code === 'EACCES' || code === 'EPERM') {
      throw new AppError(
        'NOT_WRITABLE',
        'Le dossier de données n’est pas lisible. Vérifiez ses droits d’accès.',
      );
    }
    throw new AppError('IO_ERROR', 'Le fichier vault.json n’a pas pu être lu. Réessayez.');
  }

  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new AppError('VAULT_DAMAGED', DAMAGED);
  }
  const parsed = headerSchema.safeParse(json);
  if (!parsed.success) throw new AppError('VAULT_DAMAGED', DAMAGED);
  return parsed.data;
}

export const DAMAGED_HEADER_MESSAGE = DAMAGED;

export async function writeHeader(dataDir: string, header: VaultHeader): Promise<void> {
  await writeFileAtomic(path.join(dataDir, HEADER_FILE), `${JSON.stringify(header, null, 2)}\n`);
}
