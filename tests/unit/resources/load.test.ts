import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { loadResources, RESOURCE_FILES } from '../../../electron/core/resources/load';
import { AppError } from '../../../shared/api/errors';

const RESOURCES_DIR = fileURLToPath(new URL('../../../resources', import.meta.url));

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'egide-resources-'));
  await cp(RESOURCES_DIR, dir, { recursive: true });
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

type Json = Record<string, unknown>;

async function edit(relative: string, change: (data: Json) => void): Promise<void> {
  const file = path.join(dir, relative);
  const data = JSON.parse(await readFile(file, 'utf8')) as Json;
  change(data);
  await writeFile(file, JSON.stringify(data));
}

function list(data: Json, key: string): Json[] {
  const value = data[key];
  if (!Array.isArray(value)) throw new Error(`${key} is not a list`);
  return value as Json[];
}

function at(data: Json, key: string, i: number): Json {
  const value = list(data, key)[i];
  if (value === undefined) throw new Error(`${key}[${i}] is missing`);
  return value;
}

async function loadError(): Promise<AppError> {
  const error = await loadResources(dir).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('loadResources on damaged data', () => {
  it('loads the untouched copy', async () => {
    const resources = await loadResources(dir);
    expect(resources.sites.sites.length).toBeGreaterThan(0);
  });

  it('names the file and the path of an http URL', async () => {
    await edit(RESOURCE_FILES.sites, (d) => {
      at(d, 'sites', 2)['url'] = 'http://www.doctoome.com/';
    });
    const error = await loadError();
    expect(error.code).toBe('INTERNAL');
    expect(error.message).toContain('directories/sites.json');
    expect(error.message).toContain('sites.2.url');
    expect(error.field).toBe('sites.2.url');
  });

  it.each(['javascript:alert(1)', 'https://', 'ftp://example.fr/', 'https://user:pw@x.fr/'])(
    'refuses the institution URL %s',
    async (url) => {
      await edit(RESOURCE_FILES.institutions, (d) => {
        at(d, 'institutions', 0)['url'] = url;
      });
      expect((await loadError()).message).toContain('institutions.0.url');
    },
  );

  it('refuses a duplicate id within a file', async () => {
    await edit(RESOURCE_FILES.firms, (d) => {
      at(d, 'firms', 1)['id'] = at(d, 'firms', 0)['id'];
    });
    const error = await loadError();
    expect(error.message).toContain('directories/firms.json');
    expect(error.message).toContain('firms.1.id');
    expect(error.message).toContain('en double');
  });

  it('refuses a duplicate URL within a file', async () => {
    await edit(RESOURCE_FILES.bibliography, (d) => {
      at(d, 'insurerArticles', 1)['url'] = at(d, 'insurerArticles', 0)['url'];
    });
    expect((await loadError()).message).toContain('insurerArticles.1.url');
  });

  it('refuses an entry without a source, and unknown fields', async () => {
    await edit(RESOURCE_FILES.insurers, (d) => {
      delete at(d, 'insurers', 0)['source'];
      at(d, 'insurers', 1)['price'] = '12 €';
    });
    const error = await loadError();
    expect(error.message).toContain('insurers.0.source : champ manquant');
    expect(error.message).toContain('insurers.1 : champ(s) inconnu(s) : price');
  });

  it('refuses a review kind outside the list', async () => {
    await edit(RESOURCE_FILES.sites, (d) => {
      at(d, 'sites', 0)['reviewKind'] = 'étoiles';
    });
    const error = await loadError();
    expect(error.message).toContain('sites.0.reviewKind : valeur non prévue');
    expect(error.message).not.toMatch(/Invalid|expected/);
  });

  it('refuses an article tied to an unknown insurer', async () => {
    await edit(RESOURCE_FILES.bibliography, (d) => {
      at(d, 'insurerArticles', 0)['insurer'] = 'assureur-fantome';
    });
    const error = await loadError();
    expect(error.message).toContain('assureur-fantome');
    expect(error.message).toContain('directories/bibliography.json');
  });

  it('refuses an unknown guide action and a page file outside the guide folder', async () => {
    await edit(RESOURCE_FILES.guide, (d) => {
      at(d, 'pages', 0)['actions'] = [{ label: 'Ailleurs', action: 'settings.delete-all' }];
      at(d, 'pages', 1)['file'] = '../directories/sites.json';
    });
    const error = await loadError();
    expect(error.message).toContain('guide/index.json');
    expect(error.message).toContain('pages.0.actions.0.action');
    expect(error.message).toContain('pages.1.file');
  });

  it('reports a guide page listed in the index but missing on disk', async () => {
    await rm(path.join(dir, 'guide', 'delais.md'));
    const error = await loadError();
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toContain('guide/delais.md');
  });

  it('reports a missing file', async () => {
    await rm(path.join(dir, RESOURCE_FILES.insurers));
    const error = await loadError();
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toContain('directories/insurers.json');
  });

  it('reports a file that is not JSON', async () => {
    await writeFile(path.join(dir, RESOURCE_FILES.firms), '{ "firms": [ ');
    const error = await loadError();
    expect(error.code).toBe('INTERNAL');
    expect(error.message).toContain('directories/firms.json');
    expect(error.message).toContain('JSON');
  });

  it('reports an empty list', async () => {
    await edit(RESOURCE_FILES.sites, (d) => {
      d['sites'] = [];
    });
    const error = await loadError();
    expect(error.message).toContain('directories/sites.json');
    expect(error.message).toContain('sites : liste trop courte');
  });
});
