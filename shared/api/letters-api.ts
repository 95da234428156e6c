import { z } from 'zod';

import {
  RECIPIENT_ROLES,
  SENDING_MODES,
  TEMPLATE_CASE_KINDS,
  TEMPLATE_KINDS,
  TEMPLATE_STEPS,
  type RecipientRole,
  type SendingMode,
  type Template,
  type TemplateKind,
  type TemplatePath,
} from '../templates/schema';
import { method } from './define';
import { isoDate, requiredText, text } from './fields';

/**
 * Letters, public replies, the cabinet's own templates and the correspondence log. Letters keep
 * the template id and version that produced them; their texts hold placeholders until the doctor
 * validates them, when the filled text is frozen.
 */

export const LETTER_STATUSES = ['brouillon', 'validee', 'envoyee', 'publiee'] as const;
export type LetterStatus = (typeof LETTER_STATUSES)[number];
export const LETTER_STATUS_LABELS: Record<LetterStatus, string> = {
  brouillon: 'Brouillon',
  validee: 'Validé par le médecin',
  envoyee: 'Envoyé',
  publiee: 'Publiée',
};

export const CHANNELS = [
  'lrar',
  'lre',
  'email',
  'formulaire',
  'courrier',
  'telephone',
  'main-propre',
] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_LABELS: Record<Channel, string> = {
  lrar: 'Lettre recommandée avec AR',
  lre: 'Lettre recommandée électronique',
  email: 'Courriel',
  formulaire: 'Formulaire en ligne',
  courrier: 'Courrier simple',
  telephone: 'Téléphone',
  'main-propre': 'Remise en main propre',
};

export const DIRECTIONS = ['envoye', 'recu'] as const;
export type Direction = (typeof DIRECTIONS)[number];

// ---------------------------------------------------------------------------------------------
// Types returned

export interface TemplateSummary {
  /** A built-in template's id, or `perso-…` for the cabinet's own. */
  id: string;
  builtIn: boolean;
  /** The current version. */
  version: number;
  kind: TemplateKind;
  title: string;
  nature: string | null;
  path: TemplatePath | null;
  sendingMode: SendingMode | null;
  recipientRole: RecipientRole | null;
  /** The template it was duplicated from. */
  basedOn: string | null;
  updatedAt: string | null;
  updatedBy: string | null;
}

export interface TemplateVersionInfo {
  version: number;
  at: string;
  by: string;
}

export interface TemplateDetail {
  summary: TemplateSummary;
  /** The requested version (the current one by default). */
  template: Template;
  /** Saved versions of a user template, newest first; empty for a built-in. */
  versions: TemplateVersionInfo[];
  letterCount: number;
}

export interface LetterRecipientInfo {
  name: string;
  address: string;
  email: string;
  /** `contact:<id>` or a directory entry id when picked from the list. */
  recipientId: string | null;
}

export interface LetterEnclosure {
  pieceId: string;
  number: number;
  title: string;
  withdrawn: boolean;
  /** The line printed under « Pièces jointes ». */
  line: string;
}

export interface MissingValue {
  key: string;
  label: string;
}

export interface LetterTexts {
  objet: string;
  references: string;
  body: string;
  closing: string;
}

export interface LetterSummary {
  id: string;
  caseId: string;
  caseTitle: string;
  kind: TemplateKind;
  title: string;
  status: LetterStatus;
  /** The path step the letter serves, when its template names one of the case's steps. */
  stepId: string | null;
  template: { id: string; version: number; builtIn: boolean };
  recipientName: string;
  /** Filled. */
  objet: string;
  letterDate: string | null;
  validatedAt: string | null;
  validatedBy: string | null;
  sentAt: string | null;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

export interface LetterDetail extends LetterSummary {
  recipient: LetterRecipientInfo;
  sendingMode: SendingMode | null;
  lrarNumber: string;
  place: string;
  /** As stored: placeholders until validation. */
  texts: LetterTexts;
  enclosures: LetterEnclosure[];
  /** Values from the cabinet and the case file, for the renderer's live preview. */
  values: Record<string, string>;
  preview: LetterTexts & { enclosures: string[] };
  missing: MissingValue[];
  unknown: string[];
  reminders: string[];
  /** The correspondence entry created when it was sent. */
  correspondenceId: string | null;
}

export interface Counterpart {
  name: string;
  address: string;
  email: string;
  recipientId: string | null;
}

export interface CorrespondenceEntry {
  id: string;
  caseId: string;
  caseTitle: string;
  direction: Direction;
  date: string;
  channel: Channel;
  lrarNumber: string;
  counterpart: Counterpart;
  subject: string;
  summary: string;
  pieces: Array<{ id: string; number: number; title: string }>;
  letter: { id: string; title: string; status: LetterStatus } | null;
  arReceived: string | null;
  answerExpected: string | null;
  /** The entry that answers this one. */
  answeredBy: string | null;
  /** The entries this one answers. */
  answers: string[];
  /** Sent, an answer expected before today, none linked yet. */
  overdue: boolean;
  /** Days until the expected answer (negative once past); null without a date or once answered. */
  daysLeft: number | null;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
}

export interface LetterDocx {
  base64: string;
  fileName: string;
  missing: MissingValue[];
}

// ---------------------------------------------------------------------------------------------
// Input schemas

const caseId = z.string().uuid({ error: 'Dossier introuvable.' });
const letterId = z.string().uuid({ error: 'Courrier introuvable.' });
const entryId = z.string().uuid({ error: 'Entrée de la correspondance introuvable.' });
const pieceIds = z
  .array(z.string().uuid({ error: 'Pièce introuvable.' }))
  .max(200, { error: '200 pièces au plus.' });
const templateId = z
  .string({ error: 'Modèle attendu.' })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'Modèle introuvable.' })
  .max(80, { error: 'Modèle introuvable.' });
const version = z.number().int().min(1).max(100_000);

/** Letter texts are kept as typed: no trimming, so a reply's flags keep their offsets. */
const letterText = (label: string, max: number) =>
  z
    .string({ error: `${label} : texte attendu.` })
    .max(max, { error: `${label} : ${max} caractères au plus.` });

export const LRAR_NUMBER_RE = /^[0-9A-Z]{8,20}$/i;
const lrarNumber = z
  .string()
  .trim()
  .max(40)
  .refine((s) => s === '' || LRAR_NUMBER_RE.test(s.replace(/[\s-]/g, '')), {
    error: 'Numéro de recommandé : 8 à 20 lettres et chiffres (ex. 1A 234 567 8901 2).',
  });

const recipientSchema = z.object({
  name: text('Nom du destinataire', 300).default(''),
  address: text('Adresse du destinataire', 1000).default(''),
  email: text('E-mail du destinataire', 254).default(''),
  recipientId: z.string().max(120).nullable().default(null),
});

const counterpartSchema = z.object({
  name: requiredText('Correspondant', 300),
  address: text('Adresse du correspondant', 1000).default(''),
  email: text('E-mail du correspondant', 254).default(''),
  recipientId: z.string().max(120).nullable().default(null),
});

export const templateInputSchema = z.object({
  kind: z.enum(TEMPLATE_KINDS, { error: 'Type de modèle inconnu.' }),
  title: requiredText('Titre du modèle', 200),
  nature: text('Nature du commentaire', 200).optional(),
  path: z
    .object({
      caseKind: z.enum(TEMPLATE_CASE_KINDS),
      step: z.enum(TEMPLATE_STEPS).optional(),
    })
    .optional(),
  attribution: text('Attribution', 300).optional(),
  sendingMode: z.enum(SENDING_MODES).optional(),
  recipientRole: z.enum(RECIPIENT_ROLES).optional(),
  objet: text('Objet', 500).optional(),
  references: text('Références', 1000).optional(),
  body: requiredText('Texte du modèle', 30_000),
  closing: text('Formule de politesse', 1000).optional(),
  reminders: z.array(text('Rappel', 1000)).max(20).optional(),
  legalBasis: z.array(text('Base légale', 300)).max(20).optional(),
});
export type TemplateInput = z.output<typeof templateInputSchema>;

const correspondenceFields = {
  date: isoDate,
  channel: z.enum(CHANNELS, { error: 'Moyen d’envoi inconnu.' }),
  lrarNumber: lrarNumber.default(''),
  counterpart: counterpartSchema,
  subject: requiredText('Objet', 300),
  summary: text('Résumé', 5000).default(''),
  pieceIds: pieceIds.default([]),
  arReceived: isoDate.nullable().default(null),
  answerExpected: isoDate.nullable().default(null),
};

export const lettersApi = {
  'templates.list': method<TemplateSummary[]>()(z.object({})),
  'templates.get': method<TemplateDetail>()(z.object({ templateId, version: version.optional() })),
  'templates.duplicate': method<TemplateDetail>()(
    z.object({ templateId, version: version.optional() }),
  ),
  'templates.create': method<TemplateDetail>()(templateInputSchema),
  'templates.save': method<TemplateDetail>()(templateInputSchema.extend({ templateId })),
  'templates.remove': method<null>()(z.object({ templateId })),

  'letters.list': method<LetterSummary[]>()(
    z.object({ caseId: caseId.optional(), status: z.enum(LETTER_STATUSES).optional() }),
  ),
  'letters.get': method<LetterDetail>()(z.object({ letterId })),
  'letters.create': method<LetterDetail>()(
    z.object({
      caseId,
      templateId,
      templateVersion: version.optional(),
      recipient: recipientSchema.optional(),
      enclosures: pieceIds.optional(),
    }),
  ),
  'letters.update': method<LetterDetail>()(
    z.object({
      letterId,
      title: requiredText('Titre du courrier', 200).optional(),
      recipient: recipientSchema.optional(),
      sendingMode: z.enum(SENDING_MODES).optional(),
      lrarNumber: lrarNumber.optional(),
      place: text('Lieu', 120).optional(),
      letterDate: isoDate.nullable().optional(),
      objet: letterText('Objet', 500).optional(),
      references: letterText('Références', 1000).optional(),
      body: letterText('Texte du courrier', 50_000).optional(),
      closing: letterText('Formule de politesse', 1000).optional(),
      enclosures: pieceIds.optional(),
    }),
  ),
  'letters.validate': method<LetterDetail>()(z.object({ letterId })),
  'letters.remove': method<null>()(z.object({ letterId })),
  'letters.docx': method<LetterDocx>()(z.object({ letterId })),
  'letters.markSent': method<LetterDetail>()(
    z.object({
      letterId,
      date: isoDate,
      channel: z.enum(CHANNELS, { error: 'Moyen d’envoi inconnu.' }),
      lrarNumber: lrarNumber.default(''),
      answerExpected: isoDate.nullable().default(null),
      markStepDone: z.boolean().default(false),
    }),
  ),
  'letters.saveReply': method<LetterDetail>()(
    z.object({
      caseId,
      letterId: letterId.optional(),
      templateId,
      templateVersion: version.optional(),
      body: letterText('Texte de la réponse', 10_000),
    }),
  ),
  'letters.publish': method<LetterDetail>()(z.object({ letterId, date: isoDate })),

  'correspondence.list': method<CorrespondenceEntry[]>()(z.object({ caseId: caseId.optional() })),
  'correspondence.awaiting': method<CorrespondenceEntry[]>()(z.object({})),
  'correspondence.add': method<CorrespondenceEntry>()(
    z.object({
      caseId,
      direction: z.enum(DIRECTIONS, {
        error: 'Indiquez s’il s’agit d’un envoi ou d’une réception.',
      }),
      ...correspondenceFields,
      letterId: letterId.nullable().default(null),
      /** The sent entry this received one answers. */
      answersId: entryId.nullable().default(null),
    }),
  ),
  'correspondence.update': method<CorrespondenceEntry>()(
    z.object({
      entryId,
      ...correspondenceFields,
      answersId: entryId.nullable().default(null),
    }),
  ),
};
