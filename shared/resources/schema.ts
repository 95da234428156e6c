/**
 * Schemas of the data files under `resources/` (directories and guide index), their types, and the
 * accent-insensitive search both processes use. Pure: no node:*, no DOM.
 */
import { z } from 'zod';

export const REVIEW_KINDS = ['notation', 'recommandation', 'avis', 'rendez-vous', 'aucun'] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number];

export const REVIEW_KIND_LABELS: Record<ReviewKind, string> = {
  notation: 'Notes attribuées par les internautes',
  recommandation: 'Recommandations',
  avis: 'Avis ou commentaires',
  'rendez-vous': 'Prise de rendez-vous en ligne',
  aucun: 'Aucun système d’avis signalé',
};

export const FIRM_OFFER_CATEGORIES = [
  'veille',
  'reponse-aux-avis',
  'assistance-juridique',
  'enfouissement-dereferencement',
  'outil-gratuit',
] as const;
export type FirmOfferCategory = (typeof FIRM_OFFER_CATEGORIES)[number];

export const INSURER_OFFER_KINDS = ['assistance-gestion', 'assurance-e-reputation'] as const;
export type InsurerOfferKind = (typeof INSURER_OFFER_KINDS)[number];

export const INSTITUTION_KINDS = [
  'ordre-national',
  'ordre-departemental',
  'autorite-protection-donnees',
  'agence-publique',
  'plateforme',
] as const;
export type InstitutionKind = (typeof INSTITUTION_KINDS)[number];

/** Screens a guide page may send the user to; the renderer maps each id to a route. */
export const GUIDE_ACTIONS = [
  'case.create.review',
  'case.create.listing',
  'case.create.google',
  'case.create.other',
  'letters.opposition',
  'resources.insurers',
  'resources.firms',
  'resources.institutions',
  'dashboard',
] as const;
export type GuideAction = (typeof GUIDE_ACTIONS)[number];

export const RESOURCE_ENTRY_KINDS = [
  'sites',
  'firms',
  'insurers',
  'institutions',
  'bibliography',
] as const;
export type ResourceEntryKind = (typeof RESOURCE_ENTRY_KINDS)[number];

/** True for an absolute https URL with a dotted host and no embedded credentials. */
export function isHttpsUrl(value: string): boolean {
  if (/\s/.test(value)) return false;
  try {
    const url = new URL(value);
    return (
      url.protocol === 'https:' &&
      url.hostname.includes('.') &&
      url.username === '' &&
      url.password === ''
    );
  } catch {
    return false;
  }
}

const idSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'identifiant attendu en minuscules-avec-tirets');
const textSchema = z.string().regex(/\S/, 'texte vide');
const urlSchema = z.string().refine(isHttpsUrl, 'adresse https:// attendue');
const tagSchema = z
  .string()
  .regex(/^[\p{Ll}\d]+(?:-[\p{Ll}\d]+)*$/u, 'étiquette attendue en minuscules-avec-tirets');
const tagsSchema = z.array(tagSchema);

export const LinkSchema = z.strictObject({ label: textSchema, url: urlSchema });
export type Link = z.infer<typeof LinkSchema>;

type Path = (string | number)[];

/** Every string held under one of `keys`, anywhere in `value`, with its path. */
function collect(value: unknown, keys: readonly string[], path: Path = []): [string, Path][] {
  if (Array.isArray(value)) {
    return (value as unknown[]).flatMap((v, i) => collect(v, keys, [...path, i]));
  }
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]): [string, Path][] =>
    typeof v === 'string' && keys.includes(k)
      ? [[v, [...path, k]]]
      : collect(v, keys, [...path, k]),
  );
}

/**
 * A file-level check: ids unique within each group of lists (lists of one group share an id
 * space), and every `url`, `website` or `file` unique in the whole file.
 */
function uniqueIdsAndUrls(...idGroups: string[][]) {
  return (file: Record<string, unknown>, ctx: z.core.$RefinementCtx): void => {
    const report = (rows: [string, Path][], what: string): void => {
      const seen = new Set<string>();
      for (const [value, path] of rows) {
        if (seen.has(value)) ctx.addIssue({ code: 'custom', path, message: `${what} en double` });
        seen.add(value);
      }
    };
    for (const group of idGroups) {
      report(
        group.flatMap((key) => {
          const list: unknown = file[key];
          if (!Array.isArray(list)) return [];
          return (list as unknown[]).flatMap((item, i): [string, Path][] =>
            item !== null && typeof item === 'object' && 'id' in item && typeof item.id === 'string'
              ? [[item.id, [key, i, 'id']]]
              : [],
          );
        }),
        'identifiant',
      );
    }
    report(collect(file, ['url', 'website', 'file']), 'adresse ou fichier');
  };
}

export const SiteSchema = z.strictObject({
  id: idSchema,
  name: textSchema,
  url: urlSchema,
  /** Why the URL differs from the guide's wording (http:// or a bare domain there). */
  urlNote: textSchema.optional(),
  reviewKind: z.enum(REVIEW_KINDS),
  linkedToBooking: z.boolean(),
  description: textSchema,
  removalHowTo: textSchema,
  source: textSchema,
  tags: tagsSchema,
});
export type Site = z.infer<typeof SiteSchema>;

export const SitesFileSchema = z
  .strictObject({ sites: z.array(SiteSchema).min(1) })
  .superRefine(uniqueIdsAndUrls(['sites']));
export type SitesFile = z.infer<typeof SitesFileSchema>;

export const FirmSchema = z.strictObject({
  id: idSchema,
  name: textSchema,
  url: urlSchema,
  description: textSchema,
  offers: z.array(z.enum(FIRM_OFFER_CATEGORIES)),
  /** Where the offer categories come from, since the guide does not detail each firm. */
  offersBasis: textSchema,
  source: textSchema,
  tags: tagsSchema,
});
export type Firm = z.infer<typeof FirmSchema>;

const categorySchema = z.strictObject({
  id: z.enum(FIRM_OFFER_CATEGORIES),
  label: textSchema,
  description: textSchema,
});

export const FirmsFileSchema = z
  .strictObject({
    notice: textSchema,
    categories: z.array(categorySchema).min(1),
    firms: z.array(FirmSchema).min(1),
  })
  .superRefine(uniqueIdsAndUrls(['firms'], ['categories']));
export type FirmsFile = z.infer<typeof FirmsFileSchema>;

export const InsurerOfferSchema = z.strictObject({
  kind: z.enum(INSURER_OFFER_KINDS),
  /** Whether the guide itself states that this insurer offers it. */
  stated: z.boolean(),
  description: textSchema,
});
export type InsurerOffer = z.infer<typeof InsurerOfferSchema>;

export const InsurerSchema = z.strictObject({
  id: idSchema,
  name: textSchema,
  description: textSchema,
  /** Home page, when the guide gives none of the insurer's articles it is the only link. */
  website: urlSchema.optional(),
  offers: z.array(InsurerOfferSchema).min(1),
  links: z.array(LinkSchema),
  source: textSchema,
  tags: tagsSchema,
});
export type Insurer = z.infer<typeof InsurerSchema>;

export const InsurersFileSchema = z
  .strictObject({
    warning: textSchema,
    offerKinds: z
      .array(
        z.strictObject({
          kind: z.enum(INSURER_OFFER_KINDS),
          label: textSchema,
          description: textSchema,
        }),
      )
      .min(1),
    insurers: z.array(InsurerSchema).min(1),
  })
  .superRefine(uniqueIdsAndUrls(['insurers']));
export type InsurersFile = z.infer<typeof InsurersFileSchema>;

export const InstitutionSchema = z.strictObject({
  id: idSchema,
  name: textSchema,
  kind: z.enum(INSTITUTION_KINDS),
  /** Absent for generic entries (e.g. "your conseil départemental") that have no single site. */
  url: urlSchema.optional(),
  links: z.array(LinkSchema),
  canDo: z.array(textSchema).min(1),
  description: textSchema,
  source: textSchema,
  tags: tagsSchema,
});
export type Institution = z.infer<typeof InstitutionSchema>;

export const InstitutionsFileSchema = z
  .strictObject({ institutions: z.array(InstitutionSchema).min(1) })
  .superRefine(uniqueIdsAndUrls(['institutions']));
export type InstitutionsFile = z.infer<typeof InstitutionsFileSchema>;

export const ReferenceSchema = z.strictObject({
  id: idSchema,
  title: textSchema,
  author: textSchema,
  publisher: textSchema,
  /** YYYY, YYYY-MM or YYYY-MM-DD: the guide gives some dates only to the year or month. */
  date: z.string().regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, 'date AAAA, AAAA-MM ou AAAA-MM-JJ'),
  url: urlSchema,
  summary: textSchema,
  links: z.array(LinkSchema),
  source: textSchema,
  tags: tagsSchema,
});
export type Reference = z.infer<typeof ReferenceSchema>;

export const InsurerArticleSchema = z.strictObject({
  id: idSchema,
  /** Id of the insurer in insurers.json. */
  insurer: idSchema,
  label: textSchema,
  url: urlSchema,
  source: textSchema,
});
export type InsurerArticle = z.infer<typeof InsurerArticleSchema>;

export const BibliographyFileSchema = z
  .strictObject({
    references: z.array(ReferenceSchema).min(1),
    insurerArticles: z.array(InsurerArticleSchema),
  })
  .superRefine(uniqueIdsAndUrls(['references', 'insurerArticles']));
export type BibliographyFile = z.infer<typeof BibliographyFileSchema>;

export const GuidePageSchema = z.strictObject({
  id: idSchema,
  title: textSchema,
  file: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*\.md$/, 'nom de fichier .md attendu'),
  summary: textSchema,
  sources: z.array(textSchema).min(1),
  actions: z.array(z.strictObject({ label: textSchema, action: z.enum(GUIDE_ACTIONS) })),
});
export type GuidePage = z.infer<typeof GuidePageSchema>;

export const GuideIndexSchema = z
  .strictObject({ pages: z.array(GuidePageSchema).min(1) })
  .superRefine(uniqueIdsAndUrls(['pages']));
export type GuideIndex = z.infer<typeof GuideIndexSchema>;

export interface Resources {
  sites: SitesFile;
  firms: FirmsFile;
  insurers: InsurersFile;
  institutions: InstitutionsFile;
  bibliography: BibliographyFile;
  guide: GuideIndex;
}

/** One row of the flat directory used for search and for notes that cite a resource. */
export interface DirectoryEntry {
  /** Unique across categories: `site:doctoome`, `firm:doctolib`, `bib:cnom-guide`... */
  id: string;
  category: ResourceEntryKind;
  name: string;
  description: string;
  urls: string[];
  tags: string[];
}

/** Lower case, no accents, one kind of apostrophe, single spaces: for comparisons only. */
export function normalizeForSearch(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[’‘ʼ`´]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

export interface SearchableEntry {
  name: string;
  description: string;
  tags?: readonly string[];
  kind?: string;
  category?: string;
}

/**
 * Entries containing every word of the query (in name, description, tags, kind or category),
 * those whose name holds every word first; an empty query returns all entries.
 */
export function searchEntries<T extends SearchableEntry>(
  entries: readonly T[],
  query: string,
): T[] {
  const words = normalizeForSearch(query)
    .split(' ')
    .filter((w) => w !== '');
  if (words.length === 0) return [...entries];

  const inName: T[] = [];
  const elsewhere: T[] = [];
  for (const entry of entries) {
    const name = normalizeForSearch(entry.name);
    const all = normalizeForSearch(
      [name, entry.description, ...(entry.tags ?? []), entry.kind ?? '', entry.category ?? ''].join(
        ' ',
      ),
    );
    if (!words.every((w) => all.includes(w))) continue;
    (words.every((w) => name.includes(w)) ? inName : elsewhere).push(entry);
  }
  return [...inName, ...elsewhere];
}
