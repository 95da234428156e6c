import { useCallback, useState } from 'react';

import { ApiError, errorMessage } from '../api/client';

/** Runs an API action, keeping its pending state and its French error for the form to show. */
export function useAction<A extends unknown[], R>(fn: (...args: A) => Promise<R>) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [field, setField] = useState<string | null>(null);

  const run = useCallback(
    async (...args: A): Promise<R | undefined> => {
      setPending(true);
      setError(null);
      setField(null);
      try {
        return await fn(...args);
      } catch (e) {
        setError(errorMessage(e));
        setField(e instanceof ApiError ? (e.field ?? null) : null);
        return undefined;
      } finally {
        setPending(false);
      }
    },
    [fn],
  );

  return { run, pending, error, field, clearError: () => setError(null) };
}
