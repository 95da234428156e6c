import type { z } from 'zod';

import type { CaseFields, caseFieldsSchema } from '../../../../shared/api/cases-api';
import type { CaseKind, FirstPostedHow } from '../../../../shared/domain/cases';
import { todayIso } from './format';

export type CaseFieldsInput = z.input<typeof caseFieldsSchema>;

/** What the form edits: inputs hold strings, empty meaning "not given". */
export interface CaseDraft {
  kind: CaseKind;
  title: string;
  platform: string;
  platformEntryId: string | null;
  url: string;
  authorPseudonym: string;
  authorIdentifiable: boolean;
  authorIdentity: string;
  rating: number | null;
  ratingMax: number | null;
  firstPosted: string;
  firstPostedHow: FirstPostedHow | null;
  discovered: string;
  notes: string;
  tags: string[];
}

export function emptyDraft(kind: CaseKind): CaseDraft {
  return {
    kind,
    title: '',
    platform: '',
    platformEntryId: null,
    url: '',
    authorPseudonym: '',
    authorIdentifiable: false,
    authorIdentity: '',
    rating: null,
    ratingMax: kind === 'review' || kind === 'google' ? 5 : null,
    firstPosted: '',
    firstPostedHow: null,
    discovered: todayIso(),
    notes: '',
    tags: [],
  };
}

export function draftFromFields(f: CaseFields): CaseDraft {
  return {
    kind: f.kind,
    title: f.title,
    platform: f.platform,
    platformEntryId: f.platformEntryId ?? null,
    url: f.url,
    authorPseudonym: f.authorPseudonym,
    authorIdentifiable: f.authorIdentifiable,
    authorIdentity: f.authorIdentity,
    rating: f.rating ?? null,
    ratingMax: f.ratingMax ?? null,
    firstPosted: f.firstPosted ?? '',
    firstPostedHow: f.firstPostedHow ?? null,
    discovered: f.discovered ?? '',
    notes: f.notes,
    tags: f.tags,
  };
}

export function fieldsFromDraft(d: CaseDraft): CaseFieldsInput {
  return {
    kind: d.kind,
    title: d.title,
    platform: d.platform,
    platformEntryId: d.platformEntryId,
    url: d.url.trim(),
    authorPseudonym: d.authorPseudonym,
    authorIdentifiable: d.authorIdentifiable,
    // An identity typed then switched off is not kept: the switch says the author is unknown.
    authorIdentity: d.authorIdentifiable ? d.authorIdentity : '',
    rating: d.rating,
    ratingMax: d.rating === null ? null : d.ratingMax,
    firstPosted: d.firstPosted || null,
    firstPostedHow: d.firstPosted ? d.firstPostedHow : null,
    discovered: d.discovered || null,
    notes: d.notes,
    tags: d.tags,
  };
}

/** True when the core's failing path (e.g. "url" or "tags.3") is about this field. */
export function isField(failing: string | null, name: string): boolean {
  return failing !== null && (failing === name || failing.startsWith(`${name}.`));
}

/** Fields that the forms display, so an error on any other path goes to the general alert. */
const SHOWN = [
  'title',
  'platform',
  'url',
  'authorPseudonym',
  'authorIdentity',
  'rating',
  'ratingMax',
  'firstPosted',
  'firstPostedHow',
  'discovered',
  'notes',
  'tags',
  'verbatim',
];

export function isShownField(failing: string | null): boolean {
  return failing !== null && SHOWN.some((name) => isField(failing, name));
}
