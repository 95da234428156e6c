import { randomUUID } from 'node:crypto';

import type { JobKind, JobProgress } from '../../../shared/api/security-api';

/** What long operations report to: a phase (French), bytes done and bytes in all. */
export interface ProgressSink {
  phase(label: string, total?: number): void;
  add(bytes: number): void;
}

/**
 * The last backup or restore and its progress, polled by the UI through backup.status.
 * One job at a time per host, kept in memory. A manual backup is also a job of the generic runner
 * (app/jobs.ts, polled with jobs.get); a restore runs from the lock screen, without the session
 * that jobs.get requires, so its progress is read here through backup.status.
 */
export class ProgressBoard {
  private job: JobProgress | null = null;
  private readonly listeners = new Set<(job: JobProgress) => void>();

  constructor(private readonly now: () => Date) {}

  get current(): JobProgress | null {
    return this.job ? { ...this.job } : null;
  }

  get busy(): boolean {
    return this.job?.state === 'running';
  }

  /** Lets a job of the generic runner mirror this progress; returns the unsubscribe. */
  subscribe(listener: (job: JobProgress) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(job: JobProgress): void {
    for (const listener of this.listeners) listener({ ...job });
  }

  start(kind: JobKind, phase: string): { id: string; sink: ProgressSink } {
    const job: JobProgress = {
      id: randomUUID(),
      kind,
      phase,
      done: 0,
      total: 0,
      state: 'running',
      error: null,
      startedAt: this.now().toISOString(),
      finishedAt: null,
    };
    this.job = job;
    const sink: ProgressSink = {
      phase: (label, total) => {
        job.phase = label;
        if (total !== undefined) job.total = total;
        this.notify(job);
      },
      add: (bytes) => {
        job.done = Math.min(job.total || Number.MAX_SAFE_INTEGER, job.done + bytes);
        this.notify(job);
      },
    };
    return { id: job.id, sink };
  }

  finish(id: string, error: string | null): void {
    if (this.job?.id !== id) return;
    this.job.state = error === null ? 'done' : 'failed';
    this.job.error = error;
    if (error === null) this.job.done = this.job.total;
    this.job.finishedAt = this.now().toISOString();
    this.notify(this.job);
  }
}
