import path from 'node:path';

import { AppError } from '../../../shared/api/errors';
import type { BackupStatus, BackupSummary, RestoreResult } from '../../../shared/api/security-api';
import type { AppHost } from '../app/host';
import { getLogger } from '../log';
import type { OpenVault } from '../vault/open-vault';
import { backupError, finishBackup, takeSnapshot } from './create';
import { listBackups, type BackupTrigger } from './manifest';
import { ProgressBoard } from './progress';
import { restoreBackup, type RestoreCredentials } from './restore';
import { readBackupSettings } from './settings';

const log = () => getLogger().child({ subsystem: 'backup' });

const DAY_MS = 24 * 60 * 60 * 1000;
const TICK_MS = 10 * 60 * 1000;

const BUSY =
  'Une sauvegarde ou une restauration est déjà en cours. Attendez qu’elle se termine (barre de ' +
  'progression), puis réessayez.';

/**
 * Backups of one host: run on demand, at every lock (while the database is still open) and at
 * quit, and once a day while a session is open. Only the snapshot (VACUUM INTO) holds the lock
 * up; the copy of the encrypted pièce files continues after the vault is closed.
 */
export class BackupService {
  readonly board: ProgressBoard;
  private last: BackupStatus['last'] = null;
  private lastSuccess: { vaultId: string; seq: number; at: number } | null = null;
  private readonly pending = new Set<Promise<unknown>>();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly host: AppHost) {
    this.board = new ProgressBoard(() => host.now());
  }

  /**
   * Starts a backup. Throws at once (a French AppError) when it cannot start: no folder chosen,
   * folder missing, another job running, or the snapshot failed. Otherwise the snapshot is taken
   * before this returns (a lock may close the vault right after) and the promise settles when
   * the copy is complete.
   */
  start(vault: OpenVault, trigger: BackupTrigger): Promise<BackupSummary> {
    if (this.board.busy) throw new AppError('CONFLICT', BUSY);
    const settings = readBackupSettings(vault.db);
    if (!settings.folder) {
      throw new AppError(
        'INVALID_INPUT',
        'Aucun dossier de sauvegarde n’est choisi. Le médecin le choisit dans Paramètres › ' +
          'Sauvegardes (clé USB, disque externe ou NAS).',
      );
    }
    const { id, sink } = this.board.start('backup', 'Copie de la base');
    const now = this.host.now();
    let snap;
    try {
      snap = takeSnapshot(vault, { folder: settings.folder, keep: settings.keep }, trigger, now);
    } catch (error) {
      throw this.failed(id, error, trigger);
    }
    const { vaultId, journalSeq } = snap;
    const promise = finishBackup(snap, sink).then(
      (summary) => {
        this.lastSuccess = { vaultId, seq: journalSeq, at: now.getTime() };
        this.record(id, null, summary.name, 'Sauvegarde terminée.');
        return summary;
      },
      (error: unknown) => {
        throw this.failed(id, error, trigger);
      },
    );
    this.pending.add(promise);
    void promise.catch(() => undefined).finally(() => this.pending.delete(promise));
    return promise;
  }

  private failed(jobId: string, error: unknown, trigger: BackupTrigger): AppError {
    const mapped = backupError(error);
    // The original error: its code and stack frames say why (the logger drops its message).
    log().warn({ err: error, code: mapped.code, trigger }, 'backup failed');
    this.record(jobId, mapped.message, null, mapped.message);
    return mapped;
  }

  /** Lock hook: a backup when something changed since the last one of this vault. */
  beforeLock(vault: OpenVault, reason: string): void {
    if (reason === 'quit') this.stopTimer();
    if (this.board.busy || !readBackupSettings(vault.db).folder) return;
    const { seq } = vault.db.prepare('SELECT coalesce(max(seq), 0) AS seq FROM journal').get() as {
      seq: number;
    };
    if (this.lastSuccess?.vaultId === vault.vaultId && this.lastSuccess.seq === seq) return;
    try {
      void this.start(vault, reason === 'quit' ? 'quit' : 'lock').catch(() => undefined);
    } catch {
      // Already recorded: the next unlock shows it in Paramètres › Sauvegardes.
    }
  }

  startTimer(): void {
    this.stopTimer();
    // Held weakly: a host dropped without a final lock (tests) must not stay alive for the timer.
    const self = new WeakRef(this);
    const timer = setInterval(() => {
      const service = self.deref();
      if (service) void service.tick();
      else clearInterval(timer);
    }, TICK_MS);
    timer.unref();
    this.timer = timer;
  }

  stopTimer(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** The daily backup: due when the newest one of this vault is a day old or more. */
  async tick(): Promise<BackupSummary | null> {
    const vault = this.host.session;
    if (!vault || vault.isClosed || this.board.busy) return null;
    const settings = readBackupSettings(vault.db);
    if (!settings.folder || !settings.daily) return null;
    let newest = this.lastSuccess?.vaultId === vault.vaultId ? this.lastSuccess.at : null;
    if (newest === null) {
      const found = await listBackups(settings.folder, vault.vaultId).catch(() => []);
      newest = found[0] ? Date.parse(found[0].createdAt) : null;
    }
    if (newest !== null && this.host.now().getTime() - newest < DAY_MS) return null;
    if (vault.isClosed || this.board.busy) return null;
    try {
      return await this.start(vault, 'daily');
    } catch {
      return null;
    }
  }

  async status(vault: OpenVault | null): Promise<BackupStatus> {
    // Locked: only the progress of a running job; the settings are in the encrypted database.
    if (!vault) return { settings: null, last: null, backups: [], job: this.board.current };
    const settings = readBackupSettings(vault.db);
    const found = settings.folder
      ? await listBackups(settings.folder, vault.vaultId).catch(() => [])
      : [];
    return {
      settings,
      last: this.last,
      backups: found.map(({ name, createdAt, bytes, files }) => ({
        name,
        createdAt,
        bytes,
        files,
      })),
      job: this.board.current,
    };
  }

  async restore(
    input: RestoreCredentials & { path: string; targetDir?: string | undefined },
  ): Promise<RestoreResult> {
    if (this.board.busy) throw new AppError('CONFLICT', BUSY);
    if (this.host.demo) {
      throw new AppError(
        'CONFLICT',
        'Quittez d’abord la démonstration : une sauvegarde se restaure dans le dossier du cabinet.',
      );
    }
    const current = path.resolve(this.host.store.dataDir);
    const target = input.targetDir ? path.resolve(input.targetDir) : current;
    const { id, sink } = this.board.start('restore', 'Lecture de la sauvegarde');
    try {
      const done = await restoreBackup(
        path.resolve(input.path),
        input,
        target,
        sink,
        this.host.now(),
      );
      this.board.finish(id, null);
      return {
        dataDir: target,
        target: target === current ? 'current' : 'other',
        ...done,
        integrity: 'ok',
      };
    } catch (error) {
      const message = error instanceof AppError ? error.message : 'Restauration impossible.';
      this.board.finish(id, message);
      throw error;
    }
  }

  /** Resolves when every backup started so far has finished (Electron waits for it at quit). */
  async whenIdle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  private record(jobId: string, error: string | null, name: string | null, message: string): void {
    this.board.finish(jobId, error);
    this.last = { at: this.host.now().toISOString(), ok: error === null, message, name };
  }
}

const services = new WeakMap<AppHost, BackupService>();

export function backupService(host: AppHost): BackupService {
  let service = services.get(host);
  if (!service) {
    service = new BackupService(host);
    services.set(host, service);
  }
  return service;
}

/** Called once by the host: a backup before each lock, and the daily timer. */
export function installBackupTriggers(host: AppHost): void {
  const service = backupService(host);
  host.onBeforeLock.push((vault, reason) => service.beforeLock(vault, reason));
  service.startTimer();
}
