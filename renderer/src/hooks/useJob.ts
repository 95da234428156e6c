import { useCallback, useEffect, useRef, useState } from 'react';

import type { JobStatus } from '../../../shared/api/export-api';
import { api, errorMessage } from '../api/client';

/**
 * Follows a background job (export, backup): polls `jobs.get` until the job ends, and offers
 * `cancel`. The poll stops when the component unmounts; the job itself goes on in the core.
 */
export function useJob<R>(intervalMs = 300) {
  const [jobId, setJobId] = useState<string | null>(null);
  const [status, setStatus] = useState<JobStatus<R> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    if (!jobId) return;
    let live = true;
    const tick = async () => {
      try {
        const next = (await api.jobs.get({ id: jobId })) as JobStatus<R>;
        if (!live) return;
        setStatus(next);
        if (next.state === 'running') timer.current = setTimeout(() => void tick(), intervalMs);
      } catch (e) {
        if (live) setError(errorMessage(e));
      }
    };
    void tick();
    return () => {
      live = false;
      if (timer.current) clearTimeout(timer.current);
    };
  }, [jobId, intervalMs]);

  const follow = useCallback((id: string) => {
    setStatus(null);
    setError(null);
    setCancelling(false);
    setJobId(id);
  }, []);

  const cancel = useCallback(async () => {
    if (!jobId) return;
    setCancelling(true);
    try {
      await api.jobs.cancel({ id: jobId });
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [jobId]);

  const reset = useCallback(() => {
    setJobId(null);
    setStatus(null);
    setError(null);
    setCancelling(false);
  }, []);

  const running = jobId !== null && (status === null || status.state === 'running') && !error;
  const percent =
    status?.state === 'done'
      ? 100
      : status && status.total > 0
        ? Math.min(100, Math.floor((status.done / status.total) * 100))
        : 0;

  return { jobId, status, error, running, cancelling, percent, follow, cancel, reset };
}
