import type { z } from 'zod';

import { contract, type MethodName } from '../../../shared/api/contract';
import { AppError, type ApiResult } from '../../../shared/api/errors';
import { installBackupTriggers } from '../backup/service';
import { cleanupAfterUnlock } from '../cleanup';
import type { KdfParams } from '../crypto/kdf';
import { getLogger } from '../log';
import type { OpenVault } from '../vault/open-vault';
import { VaultStore } from '../vault/vault';
import type { Ctx, HandlerSpec, SessionCtx } from './handler';
import { handlers } from './registry';
import { readSettings } from './settings';

export interface HostOptions {
  dataDir: string;
  /** The separate folder used by "Essayer avec des données d'exemple". */
  demoDir: string;
  resourcesDir: string;
  /** Tests pass cheaper (still ≥ 64 MiB) parameters instead of calibrating. */
  kdf?: KdfParams;
  now?: () => Date;
  /** Tests only: lets the capture window load a page served on 127.0.0.1. */
  allowLoopbackCapture?: boolean;
  /** Tests only: lets the mentions watch read feeds served over http on 127.0.0.1. */
  allowLoopbackFeeds?: boolean;
}

const log = () => getLogger().child({ subsystem: 'host' });

const DOCTOR_ONLY =
  'Cette action est réservée au médecin. Demandez-lui de la faire depuis son compte.';

/**
 * The core as one object: the current data folder, the open session if any, the idle lock, and
 * the dispatcher that validates every call against the contract. Electron's IPC handler and the
 * test harness both call `call()` and nothing else.
 */
export class AppHost {
  store: VaultStore;
  demo = false;
  session: OpenVault | null = null;
  private lastActivity = 0;
  private idleTimer: NodeJS.Timeout | null = null;
  private readonly lockListeners = new Set<(reason: string) => void>();
  /** Run with the still-open vault just before a lock closes it (the backup at lock and quit). */
  readonly onBeforeLock: Array<(vault: OpenVault, reason: string) => void> = [];

  constructor(readonly options: HostOptions) {
    this.store = new VaultStore(options.dataDir);
    installBackupTriggers(this);
  }

  now(): Date {
    return this.options.now?.() ?? new Date();
  }

  async call(method: string, rawInput: unknown): Promise<ApiResult<unknown>> {
    try {
      if (!Object.hasOwn(contract, method)) {
        throw new AppError('INVALID_INPUT', 'Action inconnue.');
      }
      const name = method as MethodName;
      this.authorize(name);
      const parsed = (contract[name].input as z.ZodType).safeParse(rawInput ?? {});
      if (!parsed.success) throw zodToAppError(parsed.error);
      const value = await this.dispatch(name, parsed.data);
      return { ok: true, value: value === undefined ? null : value };
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: error.toData() };
      log().error({ err: error, method }, 'unexpected error');
      return {
        ok: false,
        error: {
          code: 'INTERNAL',
          message:
            'Une erreur inattendue est survenue. Vos données n’ont pas été modifiées. Réessayez ; ' +
            'si le problème persiste, redémarrez Égide.',
        },
      };
    }
  }

  /** Refuses before the input is validated, so a refusal says who may act whatever was sent. */
  private authorize(name: MethodName): void {
    if (handlers[name].access === 'public') return;
    this.lockIfIdle(this.now());
    const vault = this.requireSession();
    if (handlers[name].access === 'medecin' && vault.account.role !== 'medecin') {
      throw new AppError('FORBIDDEN', DOCTOR_ONLY);
    }
  }

  private async dispatch(name: MethodName, input: unknown): Promise<unknown> {
    const spec = handlers[name] as HandlerSpec<MethodName>;
    const now = this.now();
    this.lockIfIdle(now);
    const ctx: Ctx = { host: this, now };
    if (spec.access === 'public') {
      return (spec.run as (i: unknown, c: Ctx) => unknown)(input, ctx);
    }

    const vault = this.requireSession();
    if (vault.mustChangePassphrase && !spec.duringRecovery) {
      throw new AppError(
        'FORBIDDEN',
        'Choisissez d’abord une nouvelle phrase de passe : vous vous êtes connecté avec la clé de secours.',
      );
    }
    if (spec.access === 'medecin' && vault.account.role !== 'medecin') {
      throw new AppError('FORBIDDEN', DOCTOR_ONLY);
    }
    this.touch(now);
    const sessionCtx: SessionCtx = { ...ctx, vault };
    return (spec.run as (i: unknown, c: SessionCtx) => unknown)(input, sessionCtx);
  }

  requireSession(): OpenVault {
    if (!this.session || this.session.isClosed) {
      throw new AppError(
        'VAULT_LOCKED',
        'Le coffre est verrouillé. Déverrouillez-le pour continuer.',
      );
    }
    return this.session;
  }

  startSession(vault: OpenVault): void {
    this.session?.close();
    this.session = vault;
    this.touch(this.now());
    this.startIdleTimer();
    cleanupAfterUnlock(vault);
  }

  touch(now: Date): void {
    this.lastActivity = now.getTime();
  }

  idleMinutes(): number {
    return this.session && !this.session.isClosed ? readSettings(this.session.db).idleMinutes : 10;
  }

  /** Drops the key from memory; the renderer sees VAULT_LOCKED and shows the lock screen. */
  lock(reason: 'manual' | 'idle' | 'switch' | 'quit'): void {
    if (!this.session) return;
    for (const hook of this.session.isClosed ? [] : this.onBeforeLock) {
      try {
        hook(this.session, reason);
      } catch (error) {
        log().warn({ err: error }, 'before-lock hook failed');
      }
    }
    this.session.close();
    this.session = null;
    this.stopIdleTimer();
    log().info({ reason }, 'vault locked');
    for (const listener of this.lockListeners) listener(reason);
  }

  onLock(listener: (reason: string) => void): () => void {
    this.lockListeners.add(listener);
    return () => this.lockListeners.delete(listener);
  }

  lockIfIdle(now: Date): boolean {
    if (!this.session) return false;
    if (now.getTime() - this.lastActivity >= this.idleMinutes() * 60_000) {
      this.lock('idle');
      return true;
    }
    return false;
  }

  useDataDir(dir: string, demo: boolean): void {
    this.lock('switch');
    this.store = new VaultStore(dir);
    this.demo = demo;
  }

  dispose(): void {
    this.lock('quit');
  }

  private startIdleTimer(): void {
    this.stopIdleTimer();
    this.idleTimer = setInterval(() => this.lockIfIdle(this.now()), 15_000);
    this.idleTimer.unref();
  }

  private stopIdleTimer(): void {
    if (this.idleTimer) clearInterval(this.idleTimer);
    this.idleTimer = null;
  }
}

function zodToAppError(error: z.ZodError): AppError {
  const issue = error.issues[0];
  const field = issue?.path.join('.') || undefined;
  const message =
    issue && !issue.message.startsWith('Invalid') && !issue.message.startsWith('Too')
      ? issue.message
      : 'Un champ est invalide. Vérifiez la saisie et réessayez.';
  return new AppError('INVALID_INPUT', message, field);
}
