import { z } from 'zod';

/**
 * The template library's contract: replies to post publicly, letters rendered to DOCX, preparation
 * sheets and texts to paste into an online form. Built-in templates live in
 * `resources/templates/**.json`; user templates share the same shape with `builtIn` false.
 */

export const TEMPLATE_KINDS = ['reply', 'letter', 'sheet', 'form-text'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

export const TEMPLATE_CASE_KINDS = ['review', 'listing', 'google', 'other', 'any'] as const;
export type TemplateCaseKind = (typeof TEMPLATE_CASE_KINDS)[number];

/** The five escalation steps for unlawful content. */
export const PALIER_STEPS = ['palier-1', 'palier-2', 'palier-3', 'palier-4', 'palier-5'] as const;
/** A lawful but unpleasant review: a careful public reply. */
export const LAWFUL_REVIEW_STEPS = ['reponse-redigee', 'reponse-publiee', 'clos'] as const;
/** A nominative listing on a directory site. */
export const LISTING_STEPS = [
  'opposition-envoyee',
  'reponse-ou-delai',
  'cnil-ou-refere',
  'dereferencement',
] as const;

export const TEMPLATE_STEPS = [...PALIER_STEPS, ...LAWFUL_REVIEW_STEPS, ...LISTING_STEPS] as const;
export type TemplateStep = (typeof TEMPLATE_STEPS)[number];

export const SENDING_MODES = ['lrar', 'lre', 'email', 'courrier', 'formulaire', 'aucun'] as const;
export type SendingMode = (typeof SENDING_MODES)[number];

export const RECIPIENT_ROLES = [
  'auteur',
  'editeur',
  'directeur-publication',
  'hebergeur',
  'cnil',
  'moteur-recherche',
  'commissaire',
  'assureur',
  'ordre',
  'avocat',
  'autre',
] as const;
export type RecipientRole = (typeof RECIPIENT_ROLES)[number];

const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const text = (what: string) =>
  z
    .string()
    .trim()
    .min(1, { message: `${what} ne peut pas être vide.` });

export const templatePathSchema = z
  .object({
    caseKind: z.enum(TEMPLATE_CASE_KINDS),
    step: z.enum(TEMPLATE_STEPS).optional(),
  })
  .strict()
  .superRefine((path, ctx) => {
    if (path.step === undefined || path.caseKind === 'any') return;

    const listingStep = (LISTING_STEPS as readonly string[]).includes(path.step);
    if (listingStep !== (path.caseKind === 'listing')) {
      ctx.addIssue({
        code: 'custom',
        path: ['step'],
        message: `L’étape « ${path.step} » ne s’applique pas à un dossier de type « ${path.caseKind} ».`,
      });
    }
  });

export type TemplatePath = z.infer<typeof templatePathSchema>;

export const templateSchema = z
  .object({
    id: z.string().regex(KEBAB_ID, {
      message:
        'L’identifiant doit être en minuscules, chiffres et tirets (ex. « mise-en-demeure »).',
    }),
    version: z.number().int().min(1),
    kind: z.enum(TEMPLATE_KINDS),
    title: text('Le titre'),
    /** For replies: the kind of complaint the reply answers. */
    nature: text('La nature du commentaire').optional(),
    path: templatePathSchema.optional(),
    attribution: text('L’attribution').optional(),
    sendingMode: z.enum(SENDING_MODES).optional(),
    recipientRole: z.enum(RECIPIENT_ROLES).optional(),
    objet: text('L’objet').optional(),
    references: text('Les références').optional(),
    /** For a reply, the complete text to post; for a letter, the paragraphs between the header
     * and the closing formula, separated by blank lines. */
    body: text('Le corps du modèle'),
    closing: text('La formule de politesse').optional(),
    /** Warnings shown before sending (e.g. the offence of a knowingly false notice). */
    reminders: z.array(text('Un rappel')).optional(),
    legalBasis: z.array(text('Une base légale')).optional(),
    builtIn: z.boolean().optional(),
  })
  .strict()
  .superRefine((t, ctx) => {
    if (t.kind === 'reply' && t.nature === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['nature'],
        message: 'Une réponse type doit préciser la nature du commentaire auquel elle répond.',
      });
    }

    if (t.kind === 'letter') {
      for (const field of ['objet', 'sendingMode', 'recipientRole', 'closing'] as const) {
        if (t[field] === undefined) {
          ctx.addIssue({
            code: 'custom',
            path: [field],
            message: `Un courrier doit préciser le champ « ${field} ».`,
          });
        }
      }
    }
  });

export type Template = z.infer<typeof templateSchema>;

/** Every text field of a template that may hold placeholders. */
export function templateTexts(template: Template): string[] {
  return [
    template.objet,
    template.references,
    template.body,
    template.closing,
    ...(template.reminders ?? []),
  ].filter((s): s is string => s !== undefined);
}

/** The placeholders a template may use, with the French label shown to the user. */
export const PLACEHOLDERS = {
  'cabinet.nom': { label: 'nom du cabinet', example: 'Cabinet médical des Tilleuls' },
  'cabinet.adresse': {
    label: 'adresse du cabinet',
    example: '12 rue des Tilleuls\n69003 Lyon',
  },
  'cabinet.telephone': { label: 'téléphone du cabinet', example: '04 72 00 00 00' },
  'cabinet.email': { label: 'adresse électronique du cabinet', example: 'contact@cabinet.fr' },
  'medecin.nom': { label: 'nom du médecin', example: 'Dr Hélène Martin' },
  'medecin.rpps': { label: 'numéro RPPS du médecin', example: '10001234567' },
  'dossier.titre': { label: 'titre du dossier', example: 'Avis injurieux du 12 mars 2026' },
  'dossier.url': {
    label: 'adresse (URL) du contenu',
    example: 'https://www.example.fr/avis/123',
  },
  'dossier.plateforme': { label: 'plateforme ou site', example: 'Google Maps' },
  'dossier.texte': {
    label: 'texte exact des propos',
    example: 'Médecin incompétent, à fuir !',
  },
  'dossier.datePublication': {
    label: 'date de première publication',
    example: '12 mars 2026',
  },
  'dossier.dateDecouverte': { label: 'date de découverte', example: '14 mars 2026' },
  'dossier.auteur': { label: 'auteur ou pseudonyme', example: 'Jean D.' },
  'dossier.qualification': { label: 'qualification juridique', example: 'injure publique' },
  'dossier.articles': {
    label: 'articles de loi applicables',
    example: 'articles 29, alinéa 2, et 33 de la loi du 29 juillet 1881',
  },
  'destinataire.nom': { label: 'nom du destinataire', example: 'Google Ireland Limited' },
  'destinataire.adresse': {
    label: 'adresse du destinataire',
    example: 'Gordon House, Barrow Street\nDublin 4, Irlande',
  },
  'courrier.date': { label: 'date du courrier', example: '16 mars 2026' },
  'courrier.lieu': { label: 'lieu d’envoi du courrier', example: 'Lyon' },
  'courrier.numeroLrar': {
    label: 'numéro de la lettre recommandée',
    example: '1A 234 567 8901 2',
  },
  'courrier.delaiJours': { label: 'délai accordé (en jours)', example: '8' },
  'courrier.dateDemandeInitiale': {
    label: 'date de la demande initiale',
    example: '2 février 2026',
  },
  'pieces.liste': {
    label: 'liste des pièces',
    example: 'Pièce n° 1 — Capture de l’avis — 12 mars 2026',
  },
} as const satisfies Record<string, { label: string; example: string }>;

export type PlaceholderKey = keyof typeof PLACEHOLDERS;

export function isPlaceholderKey(key: string): key is PlaceholderKey {
  return Object.hasOwn(PLACEHOLDERS, key);
}
