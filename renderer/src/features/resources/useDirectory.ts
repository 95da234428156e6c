import { useCallback, useEffect, useMemo, useState } from 'react';

import type { DirectoryData, DirectoryNote } from '../../../../shared/api/resources-api';
import { api, errorMessage } from '../../api/client';

/**
 * The directories and the cabinet's notes, loaded once per visit. Notes saved anywhere on the
 * page (a tab or the search results) update this one copy, so every view shows the same note.
 */
export function useDirectory() {
  const [data, setData] = useState<DirectoryData | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api.resources.directory({}).then(
      (d) => live && setData(d),
      (e: unknown) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, []);

  const notes = useMemo(
    () => new Map((data?.entries ?? []).map((e) => [e.id, e.note] as const)),
    [data],
  );
  const note = useCallback((entryId: string) => notes.get(entryId) ?? null, [notes]);

  const onNoteSaved = useCallback((entryId: string, saved: DirectoryNote | null) => {
    setData((d) =>
      d === null
        ? d
        : { ...d, entries: d.entries.map((e) => (e.id === entryId ? { ...e, note: saved } : e)) },
    );
  }, []);

  return { data, error, note, onNoteSaved };
}
