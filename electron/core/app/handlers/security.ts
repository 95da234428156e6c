import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

import { AppError } from '../../../../shared/api/errors';
import type { BackupSummary, JournalItem } from '../../../../shared/api/security-api';
import { backupService } from '../../backup/service';
import { inspectBackup } from '../../backup/restore';
import { writeBackupSettings } from '../../backup/settings';
import { accountLabels } from '../../cases/repo';
import { listJournal, verifyJournal } from '../../db/journal';
import { fsError } from '../../fs/atomic';
import { caseRetention, purgeCase } from '../../purge/purge';
import type { HandlerMap } from '../handler';
import { jobOwner, jobsOf } from '../jobs';

type SecurityMethods =
  | 'journal.list'
  | 'journal.verify'
  | 'backup.status'
  | 'backup.configure'
  | 'backup.run'
  | 'backup.inspect'
  | 'backup.restore'
  | 'cases.retention'
  | 'cases.purge';

function parseDetails(raw: string | null): Record<string, unknown> | null {
  if (raw === null) return null;
  try {
    const value = JSON.parse(raw) as unknown;
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function absolute(folder: string, field: string): string {
  if (!path.isAbsolute(folder)) {
    throw new AppError(
      'INVALID_INPUT',
      'Indiquez le chemin complet du dossier (par exemple E:\\Sauvegardes\\Egide-sauvegarde-…).',
      field,
    );
  }
  return path.resolve(folder);
}

/** A backup folder must exist, accept a write, and lie outside the vault's own folder. */
async function checkBackupFolder(folder: string, dataDir: string): Promise<string> {
  if (!path.isAbsolute(folder)) {
    throw new AppError(
      'INVALID_INPUT',
      'Indiquez le chemin complet du dossier (par exemple E:\\Sauvegardes ou /Volumes/CLE/Sauvegardes).',
      'folder',
    );
  }
  const dir = path.resolve(folder);
  const inside = path.relative(path.resolve(dataDir), dir);
  if (inside === '' || (!inside.startsWith('..') && !path.isAbsolute(inside))) {
    throw new AppError(
      'INVALID_INPUT',
      'Choisissez un dossier hors du dossier de données d’Égide, de préférence sur un autre support ' +
        '(clé USB, disque externe, NAS) : une sauvegarde sur le même disque disparaît avec lui.',
      'folder',
    );
  }
  try {
    if (!(await fs.stat(dir)).isDirectory()) {
      throw new AppError('INVALID_INPUT', 'Ce chemin n’est pas un dossier.', 'folder');
    }
    const probe = path.join(dir, `.egide-probe-${randomBytes(6).toString('hex')}`);
    await fs.writeFile(probe, 'ok', { flag: 'wx' });
    await fs.rm(probe, { force: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new AppError(
        'NOT_FOUND',
        'Ce dossier n’existe pas (ou le support n’est pas branché). Branchez le support, ou ' +
          'choisissez un dossier existant.',
        'folder',
      );
    }
    throw fsError(error, 'Dossier de sauvegarde');
  }
  return dir;
}

/**
 * The journal, backups and the end of a case file. Viewing the journal and starting a backup are
 * open to both roles; choosing the backup folder and deleting a case file are the doctor's. A
 * restore runs from the lock screen (no session) and authenticates with the backup's own doctor
 * passphrase or recovery key.
 */
export const securityHandlers: HandlerMap<SecurityMethods> = {
  'journal.list': {
    access: 'session',
    run: (input, { vault }) => {
      const label = accountLabels(vault.db);
      const filter = input.caseId
        ? { caseId: input.caseId, limit: input.limit }
        : { limit: input.limit };
      return listJournal(vault.db, filter).map<JournalItem>((e) => ({
        seq: e.seq,
        at: e.at,
        account: e.accountId ? label(e.accountId) : 'Clé de secours ou système',
        action: e.action,
        entity: e.entity,
        entityId: e.entityId,
        caseId: e.caseId,
        details: parseDetails(e.details),
      }));
    },
  },
  'journal.verify': {
    access: 'session',
    run: (_i, { vault, now }) => ({ ...verifyJournal(vault.db), checkedAt: now.toISOString() }),
  },
  'backup.status': {
    access: 'public',
    run: (_i, { host }) => {
      const session = host.session && !host.session.isClosed ? host.session : null;
      return backupService(host).status(session);
    },
  },
  'backup.configure': {
    access: 'medecin',
    run: async (input, { host, vault, now }) => {
      const folder = await checkBackupFolder(input.folder, vault.dataDir);
      vault.change(
        {
          action: 'backup.configure',
          entity: 'settings',
          details: { keep: input.keep, daily: input.daily },
        },
        (db) => writeBackupSettings(db, { folder, keep: input.keep, daily: input.daily }),
        now,
      );
      return backupService(host).status(vault);
    },
  },
  'backup.run': {
    access: 'session',
    run: (_i, { host, vault }) => {
      const service = backupService(host);
      // Throws now when the backup cannot start, so the form shows why.
      const done = service.start(vault, 'manual');
      const jobId = jobsOf(host).start<BackupSummary>({
        kind: 'backup',
        owner: jobOwner(vault),
        message: 'Copie de la base',
        run: async ({ progress }) => {
          const stop = service.board.subscribe((job) => progress(job.done, job.total, job.phase));
          try {
            return await done;
          } finally {
            stop();
          }
        },
      });
      return { jobId };
    },
  },
  'backup.inspect': {
    access: 'public',
    run: (input) => inspectBackup(absolute(input.path, 'path')),
  },
  'backup.restore': {
    access: 'public',
    run: (input, { host }) => {
      absolute(input.path, 'path');
      if (input.targetDir) absolute(input.targetDir, 'targetDir');
      return backupService(host).restore(input);
    },
  },
  'cases.retention': {
    access: 'session',
    run: (input, { vault, now }) => caseRetention(vault, input.caseId, now),
  },
  'cases.purge': {
    access: 'medecin',
    run: (input, { vault, now }) => purgeCase(vault, input.caseId, now),
  },
};
