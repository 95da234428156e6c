import type { CaptureRecord, CaseFields, Piece } from '../../../shared/api/cases-api';
import type { CaseKind, CaseStatus, FirstPostedHow, Outcome } from '../../../shared/domain/cases';

/** Row shapes as stored, and their mapping to the API's types. */
export interface CaseRow {
  id: string;
  kind: CaseKind;
  title: string;
  platform: string;
  platform_entry_id: string | null;
  url: string;
  author_pseudonym: string;
  author_identifiable: number;
  author_identity: string;
  rating: number | null;
  rating_max: number | null;
  first_posted: string | null;
  first_posted_how: FirstPostedHow | null;
  discovered: string | null;
  notes: string;
  tags: string;
  status: CaseStatus;
  outcome: Outcome | null;
  outcome_note: string;
  created_at: string;
  created_by: string;
  updated_at: string;
}

export function rowToFields(r: CaseRow): CaseFields {
  return {
    kind: r.kind,
    title: r.title,
    platform: r.platform,
    platformEntryId: r.platform_entry_id,
    url: r.url,
    authorPseudonym: r.author_pseudonym,
    authorIdentifiable: r.author_identifiable === 1,
    authorIdentity: r.author_identity,
    rating: r.rating,
    ratingMax: r.rating_max,
    firstPosted: r.first_posted,
    firstPostedHow: r.first_posted_how,
    discovered: r.discovered,
    notes: r.notes,
    tags: JSON.parse(r.tags) as string[],
  };
}

export function fieldsToParams(f: CaseFields): Record<string, unknown> {
  return {
    kind: f.kind,
    title: f.title,
    platform: f.platform,
    platform_entry_id: f.platformEntryId ?? null,
    url: f.url,
    author_pseudonym: f.authorPseudonym,
    author_identifiable: f.authorIdentifiable ? 1 : 0,
    author_identity: f.authorIdentity,
    rating: f.rating ?? null,
    rating_max: f.ratingMax ?? null,
    first_posted: f.firstPosted ?? null,
    first_posted_how: f.firstPostedHow ?? null,
    discovered: f.discovered ?? null,
    notes: f.notes,
    tags: JSON.stringify(f.tags),
  };
}

export interface PieceRow {
  id: string;
  case_id: string;
  number: number;
  title: string;
  mime: string;
  ext: string;
  type_label: string;
  size: number;
  sha256: string;
  blob_id: string;
  blob_path: string;
  blob_key: string;
  original_name: string;
  width: number | null;
  height: number | null;
  warnings: string;
  capture: string;
  added_at: string;
  added_by: string;
  withdrawn_at: string | null;
  withdrawn_reason: string | null;
  withdrawn_by: string | null;
}

export function rowToPiece(r: PieceRow, accountLabel: (id: string) => string): Piece {
  return {
    id: r.id,
    caseId: r.case_id,
    number: r.number,
    title: r.title,
    mime: r.mime,
    ext: r.ext,
    typeLabel: r.type_label,
    size: r.size,
    sha256: r.sha256,
    originalName: r.original_name,
    width: r.width,
    height: r.height,
    addedAt: r.added_at,
    addedBy: accountLabel(r.added_by),
    capture: JSON.parse(r.capture) as CaptureRecord,
    withdrawn: r.withdrawn_at
      ? {
          at: r.withdrawn_at,
          reason: r.withdrawn_reason ?? '',
          by: accountLabel(r.withdrawn_by ?? ''),
        }
      : null,
    warnings: JSON.parse(r.warnings) as string[],
  };
}
