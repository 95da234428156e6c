/**
 * Reads the data files shipped under `resources/` (directories and guide), validates them against
 * the shared schemas and flattens the directories for search. A damaged file stops the load with
 * an error naming the file and the failing path, rather than showing half a directory.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

import type { z } from 'zod';

import { AppError } from '../../../shared/api/errors';
import {
  BibliographyFileSchema,
  FirmsFileSchema,
  GuideIndexSchema,
  InstitutionsFileSchema,
  InsurersFileSchema,
  RESOURCE_ENTRY_KINDS,
  SitesFileSchema,
} from '../../../shared/resources/schema';
import type { DirectoryEntry, GuideIndex, Resources } from '../../../shared/resources/schema';

export { RESOURCE_ENTRY_KINDS };
export type { DirectoryEntry, Resources };

/** Paths relative to the resources folder, as shown in error messages. */
export const RESOURCE_FILES = {
  sites: 'directories/sites.json',
  firms: 'directories/firms.json',
  insurers: 'directories/insurers.json',
  institutions: 'directories/institutions.json',
  bibliography: 'directories/bibliography.json',
  guide: 'guide/index.json',
} as const;

const REINSTALL = 'Réinstallez l’application ; si le problème persiste, signalez-le.';

function isMissing(err: unknown): boolean {
  return err instanceof Error && 'code' in err && (err.code === 'ENOENT' || err.code === 'ENOTDIR');
}

async function readText(dir: string, relative: string): Promise<string> {
  try {
    return await readFile(path.join(dir, relative), 'utf8');
  } catch (err) {
    if (isMissing(err)) {
      throw new AppError(
        'NOT_FOUND',
        `Le fichier de ressources « ${relative} » est absent. ${REINSTALL}`,
      );
    }
    throw new AppError(
      'IO_ERROR',
      `Le fichier de ressources « ${relative} » n’a pas pu être lu. ${REINSTALL}`,
    );
  }
}

// zod's own messages are in English: the user-facing text is rebuilt in French from the code.
function issueMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'custom':
    case 'invalid_format':
      return issue.message;
    case 'invalid_type':
      return issue.input === undefined ? 'champ manquant' : 'type de valeur inattendu';
    case 'unrecognized_keys':
      return `champ(s) inconnu(s) : ${issue.keys.join(', ')}`;
    case 'invalid_value':
      return `valeur non prévue (attendu : ${issue.values.map(String).join(', ')})`;
    case 'too_small':
      return issue.origin === 'array' ? 'liste trop courte' : 'valeur trop courte';
    default:
      return 'valeur invalide';
  }
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.length === 0 ? '(racine)' : issue.path.map(String).join('.');
  return `${where} : ${issueMessage(issue)}`;
}

async function readJson<T>(dir: string, relative: string, schema: z.ZodType<T>): Promise<T> {
  const text = await readText(dir, relative);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new AppError(
      'INTERNAL',
      `Le fichier de ressources « ${relative} » n’est pas un JSON valide. ${REINSTALL}`,
    );
  }

  // reportInput tells a missing field (input undefined) from a wrong one.
  const parsed = schema.safeParse(data, { reportInput: true });
  if (!parsed.success) {
    const issues = parsed.error.issues;
    const shown = issues.slice(0, 3).map(describeIssue).join(' ; ');
    const more = issues.length > 3 ? ` (et ${issues.length - 3} autre(s) erreur(s))` : '';
    const first = issues[0]?.path.map(String).join('.');
    throw new AppError(
      'INTERNAL',
      `Le fichier de ressources « ${relative} » est invalide : ${shown}${more}. ${REINSTALL}`,
      first === undefined || first === '' ? undefined : first,
    );
  }
  return parsed.data;
}

async function assertGuideFilesExist(dir: string, index: GuideIndex): Promise<void> {
  for (const page of index.pages) {
    const relative = `guide/${page.file}`;
    try {
      const info = await stat(path.join(dir, relative));
      if (!info.isFile()) throw new Error('not a file');
    } catch {
      throw new AppError('NOT_FOUND', `La page du guide « ${relative} » est absente. ${REINSTALL}`);
    }
  }
}

export async function loadResources(dir: string): Promise<Resources> {
  const [sites, firms, insurers, institutions, bibliography, guide] = await Promise.all([
    readJson(dir, RESOURCE_FILES.sites, SitesFileSchema),
    readJson(dir, RESOURCE_FILES.firms, FirmsFileSchema),
    readJson(dir, RESOURCE_FILES.insurers, InsurersFileSchema),
    readJson(dir, RESOURCE_FILES.institutions, InstitutionsFileSchema),
    readJson(dir, RESOURCE_FILES.bibliography, BibliographyFileSchema),
    readJson(dir, RESOURCE_FILES.guide, GuideIndexSchema),
  ]);

  // Links between files cannot be checked by one file's schema.
  const insurerIds = new Set(insurers.insurers.map((i) => i.id));
  bibliography.insurerArticles.forEach((article, i) => {
    if (!insurerIds.has(article.insurer)) {
      throw new AppError(
        'INTERNAL',
        `Le fichier de ressources « ${RESOURCE_FILES.bibliography} » est invalide : insurerArticles.${i}.insurer : assureur « ${article.insurer} » inconnu. ${REINSTALL}`,
        `insurerArticles.${i}.insurer`,
      );
    }
  });
  await assertGuideFilesExist(dir, guide);

  return { sites, firms, insurers, institutions, bibliography, guide };
}

/**
 * The markdown of one guide page. Only ids listed in the index are served, so a caller cannot
 * reach any other file; pass the already loaded index to skip reading it again.
 */
export async function readGuidePage(dir: string, id: string, index?: GuideIndex): Promise<string> {
  const guide = index ?? (await readJson(dir, RESOURCE_FILES.guide, GuideIndexSchema));
  const page = guide.pages.find((p) => p.id === id);
  if (page === undefined) {
    throw new AppError(
      'NOT_FOUND',
      'Cette page du guide n’existe pas. Revenez au sommaire du guide.',
    );
  }
  return readText(dir, `guide/${page.file}`);
}

function uniq(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/** Every directory entry as one flat list, ids prefixed by their category. */
export function listDirectoryEntries(resources: Resources): DirectoryEntry[] {
  const entries: DirectoryEntry[] = [];

  for (const s of resources.sites.sites) {
    entries.push({
      id: `site:${s.id}`,
      category: 'sites',
      name: s.name,
      description: s.description,
      urls: [s.url],
      tags: uniq([...s.tags, 'annuaire', s.reviewKind]),
    });
  }
  for (const f of resources.firms.firms) {
    entries.push({
      id: `firm:${f.id}`,
      category: 'firms',
      name: f.name,
      description: f.description,
      urls: [f.url],
      tags: uniq([...f.tags, 'e-reputation', ...f.offers]),
    });
  }
  for (const x of resources.insurers.insurers) {
    entries.push({
      id: `insurer:${x.id}`,
      category: 'insurers',
      name: x.name,
      description: x.description,
      urls: uniq([...(x.website === undefined ? [] : [x.website]), ...x.links.map((l) => l.url)]),
      tags: uniq([...x.tags, 'assurance', ...x.offers.filter((o) => o.stated).map((o) => o.kind)]),
    });
  }
  for (const x of resources.institutions.institutions) {
    entries.push({
      id: `institution:${x.id}`,
      category: 'institutions',
      name: x.name,
      description: x.description,
      urls: uniq([...(x.url === undefined ? [] : [x.url]), ...x.links.map((l) => l.url)]),
      tags: uniq([...x.tags, x.kind]),
    });
  }
  for (const r of resources.bibliography.references) {
    entries.push({
      id: `bib:${r.id}`,
      category: 'bibliography',
      name: r.title,
      description: `${r.author}, ${r.publisher}, ${r.date}. ${r.summary}`,
      urls: uniq([r.url, ...r.links.map((l) => l.url)]),
      tags: uniq([...r.tags, 'bibliographie']),
    });
  }
  const insurerNames = new Map(resources.insurers.insurers.map((i) => [i.id, i.name]));
  for (const a of resources.bibliography.insurerArticles) {
    entries.push({
      id: `bib:${a.id}`,
      category: 'bibliography',
      name: a.label,
      description: `Article de ${insurerNames.get(a.insurer) ?? a.insurer} sur la protection de la e-réputation.`,
      urls: [a.url],
      tags: ['bibliographie', 'assurance', a.insurer],
    });
  }

  return entries;
}
