import {
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  Textarea,
  TextInput,
} from '@mantine/core';
import type { ReactNode } from 'react';

import {
  FIRST_POSTED_HOW,
  FIRST_POSTED_HOW_LABELS,
  type FirstPostedHow,
} from '../../../../shared/domain/cases';
import { isField, type CaseDraft } from './caseDraft';
import { PlatformInput } from './PlatformInput';

interface Props {
  draft: CaseDraft;
  onChange: (next: CaseDraft) => void;
  /** The failing input path and its French message, from the last call to the core. */
  failing: { field: string | null; message: string | null };
  /** Shown after the author and rating: the creation form puts the published text there. */
  children?: ReactNode;
}

/** The descriptive fields of a case file, shared by the creation form and the summary tab. */
export function CaseFieldsForm({ draft, onChange, failing, children }: Props) {
  const set = <K extends keyof CaseDraft>(key: K, value: CaseDraft[K]) =>
    onChange({ ...draft, [key]: value });
  const err = (name: string) =>
    isField(failing.field, name) ? (failing.message ?? undefined) : undefined;
  const rated = draft.kind !== 'listing';

  return (
    <Stack gap="sm">
      <TextInput
        label="Titre du dossier"
        description="Pour vous y retrouver, par exemple « Avis d’une étoile du 3 mars »."
        required
        value={draft.title}
        error={err('title')}
        onChange={(e) => set('title', e.currentTarget.value)}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <PlatformInput
          value={draft.platform}
          error={err('platform')}
          onChange={(platform, platformEntryId) =>
            onChange({ ...draft, platform, platformEntryId })
          }
        />
        <TextInput
          label="Adresse (URL) de la page"
          placeholder="https://…"
          value={draft.url}
          error={err('url')}
          onChange={(e) => set('url', e.currentTarget.value)}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label="Pseudonyme de l’auteur"
          value={draft.authorPseudonym}
          error={err('authorPseudonym')}
          onChange={(e) => set('authorPseudonym', e.currentTarget.value)}
        />
        <Stack gap={6}>
          <Switch
            mt={28}
            label="L’auteur est identifiable"
            checked={draft.authorIdentifiable}
            onChange={(e) => set('authorIdentifiable', e.currentTarget.checked)}
          />
        </Stack>
      </SimpleGrid>
      {draft.authorIdentifiable && (
        <TextInput
          label="Identité de l’auteur"
          description="Nom, adresse ou tout élément qui permettra de lui adresser une mise en demeure."
          value={draft.authorIdentity}
          error={err('authorIdentity')}
          onChange={(e) => set('authorIdentity', e.currentTarget.value)}
        />
      )}
      {rated && (
        <Group align="start">
          <NumberInput
            label="Note attribuée"
            min={0}
            max={10}
            decimalScale={1}
            decimalSeparator=","
            w={160}
            value={draft.rating ?? ''}
            error={err('rating')}
            onChange={(v) => set('rating', typeof v === 'number' ? v : null)}
          />
          <NumberInput
            label="Sur"
            min={1}
            max={10}
            allowDecimal={false}
            w={100}
            value={draft.ratingMax ?? ''}
            error={err('ratingMax')}
            onChange={(v) => set('ratingMax', typeof v === 'number' ? v : null)}
          />
        </Group>
      )}
      {children}
      <Group align="start">
        <TextInput
          type="date"
          label="Date de première publication"
          description="Elle fait courir le délai de prescription."
          w={240}
          value={draft.firstPosted}
          error={err('firstPosted')}
          onChange={(e) => set('firstPosted', e.currentTarget.value)}
        />
        <Select
          label="Comment cette date est-elle connue ?"
          w={260}
          placeholder="Choisir"
          clearable
          disabled={!draft.firstPosted}
          data={FIRST_POSTED_HOW.map((h) => ({ value: h, label: FIRST_POSTED_HOW_LABELS[h] }))}
          value={draft.firstPostedHow}
          error={err('firstPostedHow')}
          onChange={(v) => set('firstPostedHow', v as FirstPostedHow | null)}
        />
        <TextInput
          type="date"
          label="Date de découverte"
          w={200}
          value={draft.discovered}
          error={err('discovered')}
          onChange={(e) => set('discovered', e.currentTarget.value)}
        />
      </Group>
      <Textarea
        label="Notes"
        autosize
        minRows={3}
        value={draft.notes}
        error={err('notes')}
        onChange={(e) => set('notes', e.currentTarget.value)}
      />
      <TagsInput
        label="Étiquettes"
        description="Validez chaque étiquette avec Entrée."
        value={draft.tags}
        error={err('tags')}
        onChange={(v) => set('tags', v)}
      />
    </Stack>
  );
}
