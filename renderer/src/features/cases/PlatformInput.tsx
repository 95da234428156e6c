import { Autocomplete } from '@mantine/core';
import { useEffect, useState } from 'react';

import { api } from '../../api/client';

interface SiteOption {
  entryId: string;
  name: string;
}

// The directory is bundled data: one load per window is enough for suggestions.
let sitesPromise: Promise<SiteOption[]> | null = null;

function loadSites(): Promise<SiteOption[]> {
  sitesPromise ??= api.resources.directory({}).then(
    (d) => d.sites.sites.map((s) => ({ entryId: `site:${s.id}`, name: s.name })),
    () => {
      // Suggestions are a convenience: without them the field stays a free text input.
      sitesPromise = null;
      return [];
    },
  );
  return sitesPromise;
}

interface Props {
  value: string;
  error?: string | undefined;
  onChange: (platform: string, entryId: string | null) => void;
}

/** Free text, with the directory's sites offered as suggestions (their entry id is kept). */
export function PlatformInput({ value, error, onChange }: Props) {
  const [sites, setSites] = useState<SiteOption[]>([]);

  useEffect(() => {
    let live = true;
    void loadSites().then((s) => live && setSites(s));
    return () => {
      live = false;
    };
  }, []);

  return (
    <Autocomplete
      label="Plateforme ou site"
      placeholder="Google, Doctolib, un forum…"
      data={[...new Set(sites.map((s) => s.name))]}
      value={value}
      error={error}
      onChange={(v) => onChange(v, sites.find((s) => s.name === v)?.entryId ?? null)}
    />
  );
}
