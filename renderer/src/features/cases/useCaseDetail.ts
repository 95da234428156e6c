import { useCallback, useEffect, useState } from 'react';

import type { CaseDetail } from '../../../../shared/api/cases-api';
import { api, errorMessage } from '../../api/client';

/** One case file, reloaded after each change; actions that return the new detail set it. */
export function useCaseDetail(caseId: string) {
  const [detail, setDetail] = useState<CaseDetail | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    try {
      setDetail(await api.cases.get({ caseId }));
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [caseId]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { detail, error, setDetail, reload };
}
