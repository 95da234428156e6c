import { Group, Select, TextInput } from '@mantine/core';

import {
  CASE_KIND_LABELS,
  CASE_KINDS,
  CASE_STATUS_LABELS,
  CASE_STATUSES,
  CATEGORY_INFO,
  PATH_STEPS,
  UNLAWFUL_CATEGORIES,
  type CaseKind,
  type CaseStatus,
  type UnlawfulCategory,
} from '../../../../shared/domain/cases';
import { PATH_LABELS } from './format';

export type CaseSort = 'recent' | 'ancien' | 'publication';

export interface CaseFilterValues {
  kind: CaseKind | null;
  status: CaseStatus | null;
  category: UnlawfulCategory | null;
  step: string | null;
  sort: CaseSort;
  query: string;
}

export const EMPTY_FILTERS: CaseFilterValues = {
  kind: null,
  status: null,
  category: null,
  step: null,
  sort: 'recent',
  query: '',
};

const SORTS: { value: CaseSort; label: string }[] = [
  { value: 'recent', label: 'Les plus récents' },
  { value: 'ancien', label: 'Les plus anciens' },
  { value: 'publication', label: 'Date de publication' },
];

const STEP_GROUPS = (Object.keys(PATH_STEPS) as (keyof typeof PATH_STEPS)[]).map((path) => ({
  group: PATH_LABELS[path],
  items: PATH_STEPS[path].map((s) => ({ value: s.id, label: s.label })),
}));

interface Props {
  value: CaseFilterValues;
  onChange: (next: CaseFilterValues) => void;
}

export function CaseFilters({ value, onChange }: Props) {
  const set = <K extends keyof CaseFilterValues>(key: K, v: CaseFilterValues[K]) =>
    onChange({ ...value, [key]: v });

  return (
    <Group align="end" gap="sm" wrap="wrap">
      <TextInput
        label="Rechercher"
        placeholder="Titre, texte de l’avis, notes, pièces…"
        value={value.query}
        onChange={(e) => set('query', e.currentTarget.value)}
        w={280}
        type="search"
      />
      <Select
        label="Type"
        placeholder="Tous"
        clearable
        w={210}
        data={CASE_KINDS.map((k) => ({ value: k, label: CASE_KIND_LABELS[k] }))}
        value={value.kind}
        onChange={(v) => set('kind', v as CaseKind | null)}
      />
      <Select
        label="Statut"
        placeholder="Tous"
        clearable
        w={200}
        data={CASE_STATUSES.map((s) => ({ value: s, label: CASE_STATUS_LABELS[s] }))}
        value={value.status}
        onChange={(v) => set('status', v as CaseStatus | null)}
      />
      <Select
        label="Catégorie"
        placeholder="Toutes"
        clearable
        w={220}
        data={UNLAWFUL_CATEGORIES.map((c) => ({ value: c, label: CATEGORY_INFO[c].label }))}
        value={value.category}
        onChange={(v) => set('category', v as UnlawfulCategory | null)}
      />
      <Select
        label="Étape en cours"
        placeholder="Toutes"
        clearable
        w={260}
        data={STEP_GROUPS}
        value={value.step}
        onChange={(v) => set('step', v)}
      />
      <Select
        label="Trier par"
        w={190}
        data={SORTS}
        value={value.sort}
        allowDeselect={false}
        onChange={(v) => v && set('sort', v as CaseSort)}
      />
    </Group>
  );
}
