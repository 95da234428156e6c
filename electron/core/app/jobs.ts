import { randomUUID } from 'node:crypto';

import { AppError, type ApiErrorData } from '../../../shared/api/errors';
import type { JobState, JobStatus } from '../../../shared/api/export-api';
import { getLogger } from '../log';
import type { AppHost } from './host';

/** What a running job may do: see whether it was cancelled, and report how far it got. */
export interface JobContext {
  signal: AbortSignal;
  progress(done: number, total?: number, message?: string): void;
}

export interface JobSpec<R> {
  kind: string;
  /** Only this owner (vault + account) may read or cancel the job. */
  owner: string;
  total?: number;
  message?: string;
  run: (ctx: JobContext) => Promise<R>;
}

interface JobRecord {
  status: JobStatus;
  owner: string;
  controller: AbortController;
  finished: Promise<void>;
  endedAt: number | null;
}

/** Finished jobs stay readable this long, so a slow poll still sees the outcome. */
const KEEP_FINISHED_MS = 30 * 60_000;
const MAX_FINISHED = 50;

const log = () => getLogger().child({ subsystem: 'jobs' });

const CANCELLED: ApiErrorData = {
  code: 'CANCELLED',
  message: 'Opération annulée : rien n’a été enregistré.',
};

/**
 * Long operations of one host. A job runs in the background from `start`; the renderer polls
 * `get` and may `cancel`, which aborts the job's signal. The job itself must stop and clean up
 * when its signal aborts; locking the vault aborts every running job.
 */
export class JobRunner {
  private readonly jobs = new Map<string, JobRecord>();

  start<R>(spec: JobSpec<R>): string {
    this.prune();
    const id = randomUUID();
    const controller = new AbortController();
    const status: JobStatus = { id, kind: spec.kind, state: 'running', done: 0, total: 0 };
    if (spec.total !== undefined) status.total = spec.total;
    if (spec.message !== undefined) status.message = spec.message;
    const record: JobRecord = {
      status,
      owner: spec.owner,
      controller,
      finished: Promise.resolve(),
      endedAt: null,
    };
    const ctx: JobContext = {
      signal: controller.signal,
      progress: (done, total, message) => {
        if (status.state !== 'running') return;
        status.done = done;
        if (total !== undefined) status.total = total;
        if (message !== undefined) status.message = message;
      },
    };
    this.jobs.set(id, record);
    record.finished = this.execute(record, spec, ctx);
    return id;
  }

  get(id: string, owner: string): JobStatus {
    return { ...this.require(id, owner).status };
  }

  /** Asks the job to stop; the state becomes 'cancelled' once it has cleaned up. */
  cancel(id: string, owner: string): JobStatus {
    const record = this.require(id, owner);
    if (record.status.state === 'running') record.controller.abort();
    return { ...record.status };
  }

  cancelAll(): void {
    for (const record of this.jobs.values()) {
      if (record.status.state === 'running') record.controller.abort();
    }
  }

  /** Resolves when the job has finished, whatever its outcome (tests, shutdown). */
  async wait(id: string): Promise<JobStatus> {
    const record = this.jobs.get(id);
    if (!record) throw new AppError('NOT_FOUND', 'Cette opération est introuvable.');
    await record.finished;
    return { ...record.status };
  }

  private async execute<R>(record: JobRecord, spec: JobSpec<R>, ctx: JobContext): Promise<void> {
    const { status } = record;
    let state: JobState;
    try {
      // A job that returns has completed its work, even if a cancel arrived in the last instant.
      status.result = await spec.run(ctx);
      state = 'done';
    } catch (error) {
      const data = toErrorData(error, ctx.signal.aborted);
      state = data.code === 'CANCELLED' ? 'cancelled' : 'failed';
      status.message = data.message;
      if (state === 'failed') status.error = data;
      if (!(error instanceof AppError) && !ctx.signal.aborted) {
        log().error({ err: error, kind: spec.kind }, 'job failed');
      }
    }
    status.state = state;
    record.endedAt = Date.now();
  }

  private require(id: string, owner: string): JobRecord {
    const record = this.jobs.get(id);
    // Another account's job is reported as missing: its existence is not theirs to know.
    if (!record || record.owner !== owner) {
      throw new AppError('NOT_FOUND', 'Cette opération est introuvable ou déjà oubliée.');
    }
    return record;
  }

  private prune(): void {
    const now = Date.now();
    const ended = [...this.jobs.entries()].filter(([, r]) => r.endedAt !== null);
    ended.forEach(([id, r], index) => {
      const old = now - (r.endedAt ?? now) > KEEP_FINISHED_MS;
      if (old || ended.length - index > MAX_FINISHED) this.jobs.delete(id);
    });
  }
}

function toErrorData(error: unknown, aborted: boolean): ApiErrorData {
  if (error instanceof AppError) {
    // A job cut short by its signal may surface a secondary error (a closed file); say cancelled.
    return aborted && error.code !== 'INTEGRITY' ? CANCELLED : error.toData();
  }
  if (aborted) return CANCELLED;
  return {
    code: 'INTERNAL',
    message:
      'Une erreur inattendue a interrompu l’opération. Rien n’a été enregistré. Réessayez ; si le ' +
      'problème persiste, redémarrez Égide.',
  };
}

const runners = new WeakMap<AppHost, JobRunner>();

/** The host's job runner; created on first use, it cancels every job when the vault locks. */
export function jobsOf(host: AppHost): JobRunner {
  let runner = runners.get(host);
  if (!runner) {
    const created = new JobRunner();
    host.onLock(() => created.cancelAll());
    runners.set(host, created);
    runner = created;
  }
  return runner;
}

/** Jobs belong to one account of one vault. */
export function jobOwner(vault: { vaultId: string; account: { id: string } }): string {
  return `${vault.vaultId}:${vault.account.id}`;
}
