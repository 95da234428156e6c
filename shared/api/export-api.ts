import { z } from 'zod';

import type { ApiErrorData } from './errors';
import { method } from './define';

/** Long operations (exports, backups) run as jobs the renderer polls. */
export const JOB_STATES = ['running', 'done', 'failed', 'cancelled'] as const;
export type JobState = (typeof JOB_STATES)[number];

export interface JobStatus<R = unknown> {
  id: string;
  /** What the job does, e.g. 'export'; lets a screen ignore jobs that are not its own. */
  kind: string;
  state: JobState;
  /** Progress in the job's own unit (bytes for an export); `total` is 0 while unknown. */
  done: number;
  total: number;
  /** French, for the user: the current stage, or why it failed. */
  message?: string;
  result?: R;
  /** Set when `state` is 'failed'. */
  error?: ApiErrorData;
}

export const EXPORT_FORMATS = ['folder', 'zip', 'zip-aes'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_FORMAT_LABELS: Record<ExportFormat, string> = {
  folder: 'Dossier',
  zip: 'Archive ZIP',
  'zip-aes': 'Archive ZIP protégée (AES-256)',
};

export interface ExportResult {
  /** Absolute path of the folder or ZIP file created. */
  path: string;
  format: ExportFormat;
  /** Files in the dossier, SHA256SUMS and manifest.json included. */
  fileCount: number;
  pieceCount: number;
  bytes: number;
}

export interface ExportStarted {
  jobId: string;
  /** Only for 'zip-aes': shown once, never stored; to be sent by another channel. */
  password?: string;
}

export type ExportJobStatus = JobStatus<ExportResult>;

const jobId = z.string().uuid({ error: 'Opération introuvable.' });

export const exportApi = {
  'export.start': method<ExportStarted>()(
    z.object({
      caseId: z.string().uuid({ error: 'Dossier introuvable.' }),
      format: z.enum(EXPORT_FORMATS, { error: 'Format d’export inconnu.' }),
      // A folder path: never trimmed into another one, only checked for emptiness.
      destination: z
        .string({ error: 'Dossier de destination : chemin attendu.' })
        .min(1, { error: 'Choisissez le dossier où enregistrer l’export.' })
        .max(4096, { error: 'Dossier de destination : chemin trop long.' }),
    }),
  ),
  'jobs.get': method<JobStatus>()(z.object({ id: jobId })),
  'jobs.cancel': method<JobStatus>()(z.object({ id: jobId })),
  /** Electron main shows the system folder picker; the browser harness answers null. */
  'system.chooseFolder': method<{ path: string | null }>()(
    z.object({ title: z.string().max(200).optional() }),
  ),
};
