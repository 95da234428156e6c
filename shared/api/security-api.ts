import { z } from 'zod';

import type { Role } from '../domain/accounts';
import { method } from './define';
import { id, passphrase, requiredText } from './fields';

const caseId = z.string().uuid({ error: 'Dossier introuvable.' });

/** A folder typed or chosen by the user: kept as typed (only surrounding spaces removed). */
const folder = (label: string) =>
  z
    .string({ error: `${label} : chemin attendu.` })
    .trim()
    .min(1, { error: `${label} : indiquez un dossier.` })
    .max(4096, { error: `${label} : chemin trop long.` });

export interface JournalItem {
  seq: number;
  at: string;
  /** The account's current label, or « Compte inconnu ». */
  account: string;
  action: string;
  entity: string | null;
  entityId: string | null;
  caseId: string | null;
  /** Codes and field names only, never user text. */
  details: Record<string, unknown> | null;
}

export interface JournalVerification {
  ok: boolean;
  entries: number;
  /** Sequence number of the first entry whose content or link does not match. */
  firstBroken: number | null;
  checkedAt: string;
}

export interface BackupSettings {
  folder: string | null;
  keep: number;
  daily: boolean;
}

export interface BackupEntry {
  name: string;
  createdAt: string;
  bytes: number;
  files: number;
}

export type JobKind = 'backup' | 'restore';

/** Progress of the running (or last finished) backup or restore, polled by the UI. */
export interface JobProgress {
  id: string;
  kind: JobKind;
  /** French, e.g. « Copie des pièces ». */
  phase: string;
  done: number;
  total: number;
  state: 'running' | 'done' | 'failed';
  /** French message when failed. */
  error: string | null;
  startedAt: string;
  finishedAt: string | null;
}

export interface BackupStatus {
  /** Null while the vault is locked: the settings live in the encrypted database. */
  settings: BackupSettings | null;
  last: { at: string; ok: boolean; message: string; name: string | null } | null;
  /** Backups of this vault found in the folder, newest first (empty when locked). */
  backups: BackupEntry[];
  job: JobProgress | null;
}

export interface BackupSummary {
  name: string;
  path: string;
  createdAt: string;
  files: number;
  bytes: number;
  /** Pièce files the database lists but the vault folder lacked (copied nothing for them). */
  missing: number;
}

export interface BackupInspection {
  path: string;
  createdAt: string;
  vaultId: string;
  files: number;
  bytes: number;
  /** Accounts whose passphrase may authorise a restore: the doctors of that vault. */
  doctors: Array<{ id: string; label: string; role: Role }>;
  hasRecoveryKey: boolean;
}

export interface RestoreResult {
  dataDir: string;
  /** 'current': the app now opens the restored vault; 'other': a verified copy elsewhere. */
  target: 'current' | 'other';
  files: number;
  bytes: number;
  integrity: 'ok';
}

export interface CaseRetention {
  closedAt: string | null;
  /** ISO date (YYYY-MM-DD) from which the case file may be deleted. */
  endsAt: string | null;
  retentionYears: number;
  canPurge: boolean;
}

export const securityApi = {
  'journal.list': method<JournalItem[]>()(
    z.object({
      caseId: caseId.optional(),
      limit: z.number().int().min(1).max(1000).default(200),
    }),
  ),
  'journal.verify': method<JournalVerification>()(z.object({})),
  'backup.status': method<BackupStatus>()(z.object({})),
  'backup.configure': method<BackupStatus>()(
    z.object({
      folder: folder('Dossier de sauvegarde'),
      keep: z
        .number({ error: 'Nombre de sauvegardes : nombre attendu.' })
        .int()
        .min(1, { error: 'Gardez au moins 1 sauvegarde.' })
        .max(100, { error: 'Nombre de sauvegardes : 100 au plus.' }),
      daily: z.boolean(),
    }),
  ),
  /** Starts a backup job: poll jobs.get with the id; its result is a BackupSummary. */
  'backup.run': method<{ jobId: string }>()(z.object({})),
  'backup.inspect': method<BackupInspection>()(z.object({ path: folder('Sauvegarde') })),
  'backup.restore': method<RestoreResult>()(
    z.object({
      path: folder('Sauvegarde'),
      accountId: id.optional(),
      passphrase: passphrase.optional(),
      recoveryKey: requiredText('Clé de secours', 200).optional(),
      targetDir: folder('Dossier de destination').optional(),
    }),
  ),
  'cases.retention': method<CaseRetention>()(z.object({ caseId })),
  'cases.purge': method<{ purged: true; pieces: number }>()(z.object({ caseId })),
};

/**
 * French labels of the journal's action codes, for the Settings › Journal panel and the case
 * history. A unit test checks that every code written by electron/core has its label here.
 */
export const JOURNAL_ACTION_LABELS: Record<string, string> = {
  'vault.create': 'Coffre du cabinet créé',
  'demo.seed': 'Données d’exemple chargées',
  'practice.update': 'Coordonnées du cabinet modifiées',
  'settings.update': 'Réglages modifiés',
  'account.add': 'Compte ajouté',
  'account.rename': 'Compte renommé',
  'account.revoke': 'Compte révoqué',
  'account.passphrase': 'Phrase de passe changée',
  'contact.add': 'Contact ajouté',
  'contact.update': 'Contact modifié',
  'contact.remove': 'Contact supprimé',
  'note.set': 'Note d’annuaire modifiée',
  'case.create': 'Dossier ouvert',
  'case.update': 'Dossier modifié',
  'case.text.correct': 'Texte de l’avis corrigé',
  'case.qualify': 'Contenu qualifié',
  'case.step': 'Étape du parcours mise à jour',
  'case.status': 'Statut du dossier modifié',
  'case.export': 'Dossier exporté pour l’avocat',
  'case.purge': 'Dossier supprimé (fin de conservation)',
  'piece.import': 'Pièce ajoutée',
  'piece.capture': 'Fiche de capture complétée',
  'piece.withdraw': 'Pièce retirée',
  'letter.create': 'Courrier rédigé',
  'letter.update': 'Courrier modifié',
  'letter.validate': 'Courrier validé par le médecin',
  'letter.send': 'Courrier marqué comme envoyé',
  'letter.publish': 'Réponse publique marquée comme publiée',
  'letter.remove': 'Brouillon de courrier supprimé',
  'template.create': 'Modèle de courrier créé',
  'template.save': 'Modèle de courrier modifié',
  'template.remove': 'Modèle de courrier retiré',
  'correspondence.add': 'Correspondance enregistrée',
  'correspondence.update': 'Correspondance modifiée',
  'deadline.override': 'Date d’échéance corrigée',
  'deadline.restore': 'Date d’échéance calculée rétablie',
  'followup.add': 'Relance programmée',
  'followup.done': 'Relance faite',
  'gdpr.request': 'Demande RGPD signalée',
  'gdpr.extend': 'Prolongation du délai RGPD notée',
  'listing.save': 'Fiche d’annuaire mise à jour',
  'listing.check': 'Fiche d’annuaire vérifiée',
  'listing.add': 'Site ajouté à la veille des fiches',
  'listing.remove': 'Site retiré de la veille des fiches',
  'listing.case': 'Dossier ouvert depuis la veille des fiches',
  'gbp.set': 'Liste de contrôle de la page Google mise à jour',
  'feed.add': 'Flux de veille ajouté',
  'feed.remove': 'Flux de veille retiré',
  'feed.refresh': 'Flux de veille actualisé',
  'mention.dismiss': 'Mention écartée',
  'mention.case': 'Dossier ouvert depuis une mention',
  'notify.due': 'Rappels d’échéances affichés',
  'backup.run': 'Sauvegarde lancée',
  'backup.configure': 'Réglages de sauvegarde modifiés',
  'backup.restore': 'Coffre restauré depuis une sauvegarde',
};

/** The label of a code; an unknown code still reads as French, with the code for support. */
export function journalActionLabel(action: string): string {
  return JOURNAL_ACTION_LABELS[action] ?? `Action enregistrée (${action})`;
}
