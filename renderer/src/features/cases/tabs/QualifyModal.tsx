import {
  Alert,
  Button,
  Group,
  Modal,
  Radio,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { useState, type ReactNode } from 'react';

import type { CaseDetail } from '../../../../../shared/api/cases-api';
import {
  CATEGORY_INFO,
  UNLAWFUL_CATEGORIES,
  type UnlawfulCategory,
} from '../../../../../shared/domain/cases';
import { api } from '../../../api/client';
import { useAction } from '../../../hooks/useAction';

/** Key of the last question in the answers record kept with the qualification. */
const FREE_SPEECH = 'liberte-expression';

type Answer = 'oui' | 'non' | null;

interface Props {
  detail: CaseDetail;
  onClose: () => void;
  onDone: (d: CaseDetail) => void;
}

function YesNo({
  id,
  label,
  description,
  value,
  onChange,
}: {
  id: string;
  label: string;
  description?: ReactNode;
  value: Answer;
  onChange: (a: Answer) => void;
}) {
  return (
    <Radio.Group
      data-testid={`question-${id}`}
      label={label}
      description={description}
      value={value}
      onChange={(v) => onChange(v as Answer)}
    >
      <Group mt={6}>
        <Radio value="oui" label="Oui" />
        <Radio value="non" label="Non" />
      </Group>
    </Radio.Group>
  );
}

/** Six yes/no questions in plain French, then the conclusion, which the person may adjust. */
export function QualifyModal({ detail, onClose, onDone }: Props) {
  const last = detail.qualifications.at(-1);
  const [answers, setAnswers] = useState<Record<UnlawfulCategory, Answer>>(
    () =>
      Object.fromEntries(
        UNLAWFUL_CATEGORIES.map((c) => [
          c,
          last ? (last.categories.includes(c) ? 'oui' : 'non') : null,
        ]),
      ) as Record<UnlawfulCategory, Answer>,
  );
  const [freeSpeech, setFreeSpeech] = useState<Answer>(null);
  const [override, setOverride] = useState<'licite' | 'illicite' | null>(null);
  const [note, setNote] = useState('');
  const qualify = useAction((lawful: boolean, categories: UnlawfulCategory[]) =>
    api.cases.qualify({
      caseId: detail.id,
      lawful,
      categories,
      note,
      answers: {
        ...Object.fromEntries(
          UNLAWFUL_CATEGORIES.filter((c) => answers[c] !== null).map((c) => [
            c,
            answers[c] === 'oui',
          ]),
        ),
        ...(freeSpeech ? { [FREE_SPEECH]: freeSpeech === 'oui' } : {}),
      },
    }),
  );

  const checked = UNLAWFUL_CATEGORIES.filter((c) => answers[c] === 'oui');
  const computed = checked.length === 0 ? 'licite' : 'illicite';
  const verdict = override ?? computed;
  const unanswered = UNLAWFUL_CATEGORIES.some((c) => answers[c] === null) || freeSpeech === null;
  const contradiction =
    (freeSpeech === 'oui' && checked.length > 0) || (freeSpeech === 'non' && checked.length === 0);

  const submit = async () => {
    const lawful = verdict === 'licite';
    const d = await qualify.run(lawful, lawful ? [] : checked);
    if (d) onDone(d);
  };

  return (
    <Modal opened onClose={onClose} title="Qualifier le contenu" size="xl">
      <Stack>
        <Text size="sm">
          Relisez le texte publié, puis répondez à chaque question. En cas de doute, l’avis d’un
          avocat fait foi : ce questionnaire aide à s’orienter, il ne remplace pas un conseil.
        </Text>
        {UNLAWFUL_CATEGORIES.map((c) => (
          <YesNo
            key={c}
            id={c}
            label={CATEGORY_INFO[c].label}
            description={
              <>
                Le contenu contient-il {CATEGORY_INFO[c].explain.charAt(0).toLowerCase()}
                {CATEGORY_INFO[c].explain.slice(1).replace(/\.$/, '')} ?
                <br />
                <Text span size="xs" c="dimmed">
                  Fondement : {CATEGORY_INFO[c].basis}
                </Text>
              </>
            }
            value={answers[c]}
            onChange={(a) => setAnswers({ ...answers, [c]: a })}
          />
        ))}
        <YesNo
          id={FREE_SPEECH}
          label="Le contenu reste-t-il dans les limites de la liberté d’expression (désagréable mais licite) ?"
          value={freeSpeech}
          onChange={setFreeSpeech}
        />
        {contradiction && (
          <Alert color="yellow" variant="light">
            Vos réponses se contredisent : relisez les questions, ou tranchez ci-dessous.
          </Alert>
        )}
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            Conclusion
          </Text>
          <SegmentedControl
            aria-label="Conclusion"
            data={[
              { value: 'licite', label: 'Licite : répondre publiquement' },
              { value: 'illicite', label: 'Illicite : suivre les paliers' },
            ]}
            value={verdict}
            onChange={(v) => setOverride(v === computed ? null : (v as 'licite' | 'illicite'))}
          />
          <Text size="xs" c="dimmed">
            {override
              ? 'Conclusion choisie par vous, différente de celle des réponses.'
              : 'Conclusion déduite des réponses : illicite si au moins une catégorie est retenue.'}
          </Text>
        </Stack>
        {verdict === 'illicite' && checked.length === 0 && (
          <Alert color="yellow" variant="light">
            Pour conclure à un contenu illicite, répondez « Oui » à au moins une catégorie.
          </Alert>
        )}
        <Textarea
          label="Note"
          autosize
          minRows={2}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        {qualify.error && <Alert color="red">{qualify.error}</Alert>}
        <Group>
          <Button
            loading={qualify.pending}
            disabled={verdict === 'illicite' && checked.length === 0}
            onClick={() => void submit()}
          >
            Enregistrer la qualification
          </Button>
          <Button variant="default" onClick={onClose}>
            Annuler
          </Button>
          {unanswered && (
            <Text size="xs" c="dimmed">
              Certaines questions sont sans réponse.
            </Text>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
