import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { AppError } from '../../../shared/api/errors';
import { loadBuiltInTemplates } from '../../../electron/core/resources/templates';
import { PLACEHOLDERS, templateSchema } from '../../../shared/templates/schema';

const valid = {
  id: 'mon-modele',
  version: 1,
  kind: 'letter',
  title: 'Mon modèle',
  path: { caseKind: 'review', step: 'palier-2' },
  sendingMode: 'lrar',
  recipientRole: 'auteur',
  objet: 'Objet',
  body: 'Madame, Monsieur,\n\n{{dossier.url}}',
  closing: 'Salutations.',
  legalBasis: ['Code civil, art. 1344'],
};

describe('templateSchema', () => {
  it('accepts a complete letter', () => {
    expect(templateSchema.safeParse(valid).success).toBe(true);
  });

  it.each([
    ['an id that is not kebab-case', { id: 'Mon_Modele' }],
    ['a version below 1', { version: 0 }],
    ['a fractional version', { version: 1.5 }],
    ['an unknown kind', { kind: 'email' }],
    ['an empty body', { body: '   ' }],
    ['an unknown step', { path: { caseKind: 'review', step: 'palier-6' } }],
    ['a listing step on a review', { path: { caseKind: 'review', step: 'opposition-envoyee' } }],
    ['a palier on a listing', { path: { caseKind: 'listing', step: 'palier-1' } }],
    ['an unknown sending mode', { sendingMode: 'fax' }],
    ['an unknown recipient role', { recipientRole: 'juge' }],
    ['an extra field', { signature: 'x' }],
    ['a letter without objet', { objet: undefined }],
    ['a letter without closing', { closing: undefined }],
  ])('rejects %s', (_name, change) => {
    expect(templateSchema.safeParse({ ...valid, ...change }).success).toBe(false);
  });

  it('requires a nature on replies', () => {
    const reply = { id: 'r', version: 1, kind: 'reply', title: 'R', body: 'Bonjour' };
    expect(templateSchema.safeParse(reply).success).toBe(false);
    expect(templateSchema.safeParse({ ...reply, nature: 'Attente' }).success).toBe(true);
  });

  it('lets any step go with caseKind "any"', () => {
    const data = { ...valid, path: { caseKind: 'any', step: 'palier-4' } };
    expect(templateSchema.safeParse(data).success).toBe(true);
  });

  it('labels every placeholder in French with an example', () => {
    for (const [key, { label, example }] of Object.entries(PLACEHOLDERS)) {
      expect(label.trim(), key).not.toBe('');
      expect(example.trim(), key).not.toBe('');
    }
    expect(Object.keys(PLACEHOLDERS)).toHaveLength(23);
  });
});

describe('loadBuiltInTemplates', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'egide-tpl-'));
    await mkdir(join(dir, 'letters'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const put = (file: string, data: unknown) =>
    writeFile(join(dir, file), typeof data === 'string' ? data : JSON.stringify(data));

  async function loadError(): Promise<AppError> {
    const error: unknown = await loadBuiltInTemplates(dir).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }

  it('reads nested folders, ignores other files and marks templates built-in', async () => {
    await put('letters/mon-modele.json', valid);
    await put('letters/LISEZMOI.txt', 'pas un modèle');
    const templates = await loadBuiltInTemplates(dir);
    expect(templates.map((t) => t.id)).toEqual(['mon-modele']);
    expect(templates[0]?.builtIn).toBe(true);
  });

  it('names the file holding malformed JSON', async () => {
    await put('letters/mon-modele.json', '{ "id": ');
    const error = await loadError();
    expect(error.message).toContain('letters/mon-modele.json');
    expect(error.message).toMatch(/JSON mal formé/);
  });

  it('names the file and the field that fails validation', async () => {
    await put('letters/mon-modele.json', { ...valid, version: 0 });
    const error = await loadError();
    expect(error.message).toContain('letters/mon-modele.json');
    expect(error.message).toContain('version');
  });

  it('refuses unknown placeholders', async () => {
    await put('letters/mon-modele.json', { ...valid, body: 'Bonjour {{patient.nom}}' });
    const error = await loadError();
    expect(error.message).toContain('patient.nom');
  });

  it('refuses a duplicate id and a file named differently from its id', async () => {
    await put('letters/mon-modele.json', valid);
    await mkdir(join(dir, 'replies'));
    await put('replies/mon-modele.json', valid);
    expect((await loadError()).message).toMatch(/déjà utilisé/);

    await rm(join(dir, 'replies'), { recursive: true });
    await put('letters/autre-nom.json', valid);
    expect((await loadError()).message).toMatch(/ne correspond pas au nom du fichier/);
  });

  it('reports a missing folder as an I/O error', async () => {
    await expect(loadBuiltInTemplates(join(dir, 'absent'))).rejects.toMatchObject({
      code: 'IO_ERROR',
    });
  });
});
