import { Alert, Loader } from '@mantine/core';
import { useEffect, useState } from 'react';

import type { CaseDetail } from '../../../../../shared/api/cases-api';
import type { LetterDetail, TemplateSummary } from '../../../../../shared/api/letters-api';
import type { Practice } from '../../../../../shared/domain/accounts';
import { api, errorMessage } from '../../../api/client';
import { ReplyComposer } from '../../letters/reply/ReplyComposer';

interface Loaded {
  practice: Practice;
  templates: TemplateSummary[];
  reply: LetterDetail | null;
}

/** « Réponse publique », for a lawful review: the latest reply of the case, or a new one. */
export function ReplyTab({ detail, onChanged }: { detail: CaseDetail; onChanged: () => void }) {
  const [data, setData] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    (async () => {
      const [practice, templates, letters] = await Promise.all([
        api.practice.get({}),
        api.templates.list({}),
        api.letters.list({ caseId: detail.id }),
      ]);
      const latest = letters.find((l) => l.kind === 'reply');
      const reply = latest ? await api.letters.get({ letterId: latest.id }) : null;
      if (live)
        setData({ practice, templates: templates.filter((t) => t.kind === 'reply'), reply });
    })().catch((e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [detail.id]);

  if (error) return <Alert color="red">{error}</Alert>;
  if (!data) return <Loader aria-label="Chargement de la réponse" />;
  return (
    <ReplyComposer
      key={data.reply?.id ?? 'new'}
      detail={detail}
      practice={data.practice}
      templates={data.templates}
      reply={data.reply}
      onSaved={(reply) => {
        setData((d) => (d ? { ...d, reply } : d));
        onChanged();
      }}
    />
  );
}
