import type { ExportResult, ExportStarted } from '../../../../shared/api/export-api';
import { getCase } from '../../cases/repo';
import { checkDestination, exportCase } from '../../export/exporter';
import { generateZipPassword } from '../../export/password';
import type { HandlerMap } from '../handler';
import { jobOwner, jobsOf } from '../jobs';

type ExportMethods = 'export.start' | 'jobs.get' | 'jobs.cancel' | 'system.chooseFolder';

/**
 * The lawyer's dossier as a background job, and the generic job methods other long operations
 * (backups) reuse. Both roles export: the secretary prepares most hand-overs.
 */
export const exportHandlers: HandlerMap<ExportMethods> = {
  'export.start': {
    access: 'session',
    run: async (input, { vault, host, now }): Promise<ExportStarted> => {
      // Checked before the job starts, so the form shows these errors next to its fields.
      getCase(vault, input.caseId);
      await checkDestination(input.destination, vault.dataDir);
      const password = input.format === 'zip-aes' ? generateZipPassword() : undefined;
      const jobId = jobsOf(host).start<ExportResult>({
        kind: 'export',
        owner: jobOwner(vault),
        message: 'Préparation de l’export…',
        run: ({ signal, progress }) =>
          exportCase(vault, {
            caseId: input.caseId,
            format: input.format,
            destination: input.destination,
            now,
            signal,
            onProgress: progress,
            ...(password ? { password } : {}),
          }),
      });
      return password ? { jobId, password } : { jobId };
    },
  },
  'jobs.get': {
    access: 'session',
    run: (input, { vault, host }) => jobsOf(host).get(input.id, jobOwner(vault)),
  },
  'jobs.cancel': {
    access: 'session',
    run: (input, { vault, host }) => jobsOf(host).cancel(input.id, jobOwner(vault)),
  },
  'system.chooseFolder': {
    access: 'session',
    // Electron's main process intercepts this method and shows the system's folder picker; the
    // browser harness has none, so the page asks for a typed path instead.
    run: () => ({ path: null }),
  },
};
