import { z } from 'zod';

import {
  CASE_KINDS,
  CASE_STATUSES,
  FIRST_POSTED_HOW,
  OUTCOMES,
  STEP_STATES,
  UNLAWFUL_CATEGORIES,
  type CaseKind,
  type CasePath,
  type CaseStatus,
  type FirstPostedHow,
  type Outcome,
  type StepState,
  type UnlawfulCategory,
} from '../domain/cases';
import { method } from './define';
import { isoDate, requiredText, text } from './fields';

const caseId = z.string().uuid({ error: 'Dossier introuvable.' });
const pieceId = z.string().uuid({ error: 'Pièce introuvable.' });
const optionalDate = isoDate.nullable().optional();
const url = z
  .string()
  .trim()
  .max(2048, { error: 'Adresse (URL) trop longue.' })
  .refine((s) => s === '' || /^https?:\/\/[^\s]+$/i.test(s), {
    error:
      'Adresse (URL) invalide : elle doit commencer par https:// (copiez-la depuis le navigateur).',
  });

const verbatim = z
  .string({ error: 'Texte de l’avis : texte attendu.' })
  .max(50_000, { error: 'Texte de l’avis : 50 000 caractères au plus.' });

export const caseFieldsSchema = z.object({
  kind: z.enum(CASE_KINDS, { error: 'Type de dossier inconnu.' }),
  title: requiredText('Titre', 200),
  platform: text('Plateforme ou site', 200).default(''),
  platformEntryId: z.string().max(100).nullable().optional(),
  url: url.default(''),
  authorPseudonym: text('Pseudonyme de l’auteur', 200).default(''),
  authorIdentifiable: z.boolean().default(false),
  authorIdentity: text('Identité de l’auteur', 500).default(''),
  rating: z
    .number()
    .min(0, { error: 'Note : valeur positive attendue.' })
    .max(10)
    .nullable()
    .optional(),
  ratingMax: z.number().int().min(1).max(10).nullable().optional(),
  firstPosted: optionalDate,
  firstPostedHow: z.enum(FIRST_POSTED_HOW).nullable().optional(),
  discovered: optionalDate,
  notes: text('Notes', 20_000).default(''),
  tags: z
    .array(text('Étiquette', 40).min(1))
    .max(20, { error: '20 étiquettes au plus.' })
    .default([]),
});

export type CaseFields = z.output<typeof caseFieldsSchema>;

export interface CaseSummary {
  id: string;
  kind: CaseKind;
  title: string;
  platform: string;
  status: CaseStatus;
  path: CasePath;
  categories: UnlawfulCategory[];
  lawful: boolean | null;
  /** The first step not done nor set aside, with its label. */
  nextStep: { id: string; label: string } | null;
  firstPosted: string | null;
  discovered: string | null;
  createdAt: string;
  updatedAt: string;
  pieceCount: number;
}

export interface TextVersion {
  version: number;
  text: string;
  capturedAt: string;
  reason: string;
  by: string;
}

export interface Qualification {
  id: string;
  lawful: boolean;
  categories: UnlawfulCategory[];
  answers: Record<string, boolean>;
  note: string;
  by: string;
  at: string;
}

export interface StepStatus {
  id: string;
  label: string;
  needs: string;
  state: StepState;
  date: string | null;
  reason: string;
  note: string;
  by: string | null;
  at: string | null;
}

export interface CaptureRecord {
  sourceUrl: string;
  capturedAt: string | null;
  capturedBy: string;
  os: string;
  browser: string;
  cacheEmptied: boolean;
  clockChecked: boolean;
  reachedByLinks: boolean;
  description: string;
  pageTitle: string;
  appVersion: string;
}

export interface Piece {
  id: string;
  caseId: string;
  number: number;
  title: string;
  mime: string;
  ext: string;
  typeLabel: string;
  size: number;
  sha256: string;
  originalName: string;
  width: number | null;
  height: number | null;
  addedAt: string;
  addedBy: string;
  capture: CaptureRecord;
  withdrawn: { at: string; reason: string; by: string } | null;
  warnings: string[];
}

export interface ChronologyEvent {
  date: string;
  kind:
    | 'publication'
    | 'decouverte'
    | 'capture'
    | 'qualification'
    | 'etape'
    | 'piece'
    | 'texte'
    | 'statut'
    | 'courrier';
  label: string;
  ref: string | null;
}

export interface CaseDetail extends CaseSummary {
  fields: CaseFields;
  outcome: Outcome | null;
  outcomeNote: string;
  texts: TextVersion[];
  qualifications: Qualification[];
  steps: StepStatus[];
  pieces: Piece[];
}

const captureSchema = z.object({
  sourceUrl: url.default(''),
  capturedAt: z.string().max(40).nullable().default(null),
  os: text('Système', 200).default(''),
  browser: text('Navigateur', 200).default(''),
  cacheEmptied: z.boolean().default(false),
  clockChecked: z.boolean().default(false),
  reachedByLinks: z.boolean().default(false),
  description: text('Description', 5000).default(''),
  pageTitle: text('Titre de la page', 500).default(''),
  appVersion: text('Version', 100).default(''),
});

export const importSourceSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('bytes'),
    name: text('Nom du fichier', 255).default('capture'),
    /** base64 of the file's bytes: the browser harness and the clipboard send files this way. */
    base64: z.string().max(400 * 1024 * 1024),
  }),
  z.object({ kind: z.literal('path'), path: z.string().min(1).max(4096) }),
]);

export const casesApi = {
  'cases.list': method<CaseSummary[]>()(
    z.object({
      kind: z.enum(CASE_KINDS).optional(),
      status: z.enum(CASE_STATUSES).optional(),
      category: z.enum(UNLAWFUL_CATEGORIES).optional(),
      step: z.string().max(40).optional(),
      query: text('Recherche', 200).optional(),
      sort: z.enum(['recent', 'ancien', 'publication']).default('recent'),
    }),
  ),
  'cases.get': method<CaseDetail>()(z.object({ caseId })),
  'cases.create': method<CaseDetail>()(
    // The verbatim words are kept exactly as pasted: no trimming.
    caseFieldsSchema.extend({ verbatim: verbatim.default('') }),
  ),
  'cases.update': method<CaseDetail>()(caseFieldsSchema.extend({ caseId })),
  'cases.correctText': method<CaseDetail>()(
    z.object({
      caseId,
      text: verbatim,
      reason: requiredText('Motif de la correction', 500),
    }),
  ),
  'cases.qualify': method<CaseDetail>()(
    z.object({
      caseId,
      lawful: z.boolean(),
      categories: z.array(z.enum(UNLAWFUL_CATEGORIES)).max(6),
      answers: z.record(z.string().max(40), z.boolean()).default({}),
      note: text('Note', 2000).default(''),
    }),
  ),
  'cases.setStep': method<CaseDetail>()(
    z.object({
      caseId,
      stepId: z.string().max(40),
      state: z.enum(STEP_STATES),
      date: optionalDate,
      reason: text('Motif', 1000).default(''),
      note: text('Note', 2000).default(''),
    }),
  ),
  'cases.setStatus': method<CaseDetail>()(
    z.object({
      caseId,
      status: z.enum(CASE_STATUSES),
      outcome: z.enum(OUTCOMES).nullable().optional(),
      outcomeNote: text('Précision', 2000).default(''),
    }),
  ),
  'cases.chronology': method<ChronologyEvent[]>()(z.object({ caseId })),
  'pieces.import': method<Piece>()(
    z.object({
      caseId,
      source: importSourceSchema,
      title: text('Titre de la pièce', 200).default(''),
      capture: captureSchema.default({} as never),
    }),
  ),
  'pieces.updateCapture': method<Piece>()(
    z.object({ pieceId, title: requiredText('Titre de la pièce', 200), capture: captureSchema }),
  ),
  'pieces.withdraw': method<Piece>()(
    z.object({ pieceId, reason: requiredText('Motif du retrait', 1000) }),
  ),
  'pieces.content': method<{ base64: string; mime: string; sha256: string }>()(
    z.object({ pieceId }),
  ),
  'pieces.verify': method<{ ok: boolean; sha256: string | null; message: string }>()(
    z.object({ pieceId }),
  ),
};

export type { CaseKind, CaseStatus, FirstPostedHow, Outcome, StepState, UnlawfulCategory };
