import { readFile, readdir } from 'node:fs/promises';
import { join, sep } from 'node:path';

import { AppError } from '../../../shared/api/errors';
import { findPlaceholders } from '../../../shared/templates/fill';
import { isPlaceholderKey, templateSchema, templateTexts } from '../../../shared/templates/schema';
import type { Template } from '../../../shared/templates/schema';

/**
 * Reads the built-in templates shipped in `resources/templates/**.json`. A broken file is a
 * packaging bug, so loading fails loudly with the file's name rather than hiding a template.
 */
export async function loadBuiltInTemplates(dir: string): Promise<Template[]> {
  let entries: string[];
  try {
    entries = await readdir(dir, { recursive: true });
  } catch (cause) {
    throw new AppError(
      'IO_ERROR',
      `Le dossier des modèles intégrés est introuvable ou illisible (${dir}, ${errorCode(cause)}). Réinstallez l’application.`,
    );
  }

  const files = entries
    .filter((name) => name.toLowerCase().endsWith('.json'))
    .map((name) => name.split(sep).join('/'))
    .sort();

  const templates: Template[] = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    const template = await loadOne(dir, file);

    const previous = seen.get(template.id);
    if (previous !== undefined) {
      throw invalid(file, `l’identifiant « ${template.id} » est déjà utilisé par ${previous}`);
    }
    seen.set(template.id, file);
    templates.push(template);
  }
  return templates;
}

async function loadOne(dir: string, file: string): Promise<Template> {
  let raw: string;
  try {
    raw = await readFile(join(dir, file), 'utf8');
  } catch (cause) {
    throw new AppError(
      'IO_ERROR',
      `Le modèle intégré ${file} n’a pas pu être lu (${errorCode(cause)}). Réinstallez l’application.`,
    );
  }

  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (cause) {
    throw invalid(file, `JSON mal formé (${cause instanceof Error ? cause.message : 'erreur'})`);
  }

  const parsed = templateSchema.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .map((issue) => `${issue.path.join('.') || '(racine)'} : ${issue.message}`)
      .join(' ; ');
    throw invalid(file, issues);
  }

  const template = parsed.data;
  const unknown = templateTexts(template)
    .flatMap(findPlaceholders)
    .filter((key) => !isPlaceholderKey(key));
  if (unknown.length > 0) {
    throw invalid(file, `champs inconnus : ${[...new Set(unknown)].join(', ')}`);
  }

  const expected = file
    .split('/')
    .pop()
    ?.replace(/\.json$/i, '');
  if (expected !== template.id) {
    throw invalid(file, `l’identifiant « ${template.id} » ne correspond pas au nom du fichier`);
  }

  return { ...template, builtIn: true };
}

function invalid(file: string, detail: string): AppError {
  return new AppError(
    'INTERNAL',
    `Le modèle intégré ${file} est invalide : ${detail}. Réinstallez l’application ou signalez ce problème.`,
  );
}

function errorCode(cause: unknown): string {
  return cause instanceof Error && 'code' in cause ? String(cause.code) : 'erreur inconnue';
}
