import { fileURLToPath } from 'node:url';

import { beforeAll, describe, expect, it } from 'vitest';

import { listDirectoryEntries, loadResources } from '../../../electron/core/resources/load';
import { normalizeForSearch, searchEntries } from '../../../shared/resources/schema';
import type { DirectoryEntry } from '../../../shared/resources/schema';

const RESOURCES_DIR = fileURLToPath(new URL('../../../resources', import.meta.url));

let entries: DirectoryEntry[];

beforeAll(async () => {
  entries = listDirectoryEntries(await loadResources(RESOURCES_DIR));
});

function ids(query: string): string[] {
  return searchEntries(entries, query).map((e) => e.id);
}

describe('normalizeForSearch', () => {
  it('lowers case, removes accents and collapses spaces', () => {
    expect(normalizeForSearch('  Le   MÉDECIN\t\n généraliste ')).toBe('le medecin generaliste');
    expect(normalizeForSearch('Société.com')).toBe('societe.com');
    expect(normalizeForSearch('ŒIL Ça')).toBe('oeil ca');
  });

  it('treats typographic and straight apostrophes alike', () => {
    expect(normalizeForSearch('Horaires d’ouverture')).toBe(
      normalizeForSearch("horaires d'ouverture"),
    );
  });

  it('handles decomposed input the same as composed input', () => {
    expect(normalizeForSearch('me\u0301decin')).toBe(normalizeForSearch('m\u00e9decin'));
  });
});

describe('searchEntries on the directory', () => {
  it('finds "Le médecin" without the accent', () => {
    expect(ids('medecin')).toContain('site:lemedecin');
    expect(ids('LE MÉDECIN')).toContain('site:lemedecin');
  });

  it('finds every insurer with "ASSURANCE"', () => {
    const found = ids('ASSURANCE');
    for (const id of ['aviva', 'axa', 'macsf', 'mnh', 'sham', 'swisslife']) {
      expect(found).toContain(`insurer:${id}`);
    }
  });

  it('matches tags, and every word of a multi-word query', () => {
    expect(ids('gratuit')).toContain('firm:google-alerts');
    expect(ids('google alertes')).toEqual(['firm:google-alerts']);
    expect(ids('horaires d’ouverture')).toContain('site:horaires-d-ouverture-24');
    expect(ids("horaires d'ouverture")).toContain('site:horaires-d-ouverture-24');
  });

  it('puts entries whose name matches before the others', () => {
    const found = ids('doctolib');
    expect(found.slice(0, 2).sort()).toEqual(['firm:doctolib', 'site:doctolib']);
  });

  it('returns everything for a blank query and nothing for an unknown word', () => {
    expect(searchEntries(entries, '   ')).toHaveLength(entries.length);
    expect(searchEntries(entries, 'zzzxqw')).toEqual([]);
    expect(ids('medecin zzzxqw')).toEqual([]);
  });

  it('does not treat the query as a pattern', () => {
    expect(() => searchEntries(entries, '.*(')).not.toThrow();
    expect(searchEntries(entries, '.*')).toEqual([]);
  });
});

describe('searchEntries on other shapes', () => {
  const rows = [
    { name: 'Alpha', description: 'rien', kind: 'avis' },
    { name: 'Bêta', description: 'Un médecin', tags: ['rendez-vous'] },
    { name: 'Gamma', description: 'autre', category: 'insurers' },
  ];

  it('matches kind, tags and category, keeping the input type', () => {
    expect(searchEntries(rows, 'AVIS').map((r) => r.name)).toEqual(['Alpha']);
    expect(searchEntries(rows, 'rendez').map((r) => r.name)).toEqual(['Bêta']);
    expect(searchEntries(rows, 'beta').map((r) => r.name)).toEqual(['Bêta']);
    expect(searchEntries(rows, 'insurers').map((r) => r.name)).toEqual(['Gamma']);
  });

  it('does not change the array it was given', () => {
    const copy = [...rows];
    searchEntries(rows, 'a');
    expect(rows).toEqual(copy);
  });
});
