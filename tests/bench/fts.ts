import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { searchCaseIds } from '../../electron/core/cases/search';
import { migrate } from '../../electron/core/db/migrations';
import { openDatabase } from '../../electron/core/db/open';
import { median, percentile } from './stats';

const WORDS = (
  'médecin cabinet attente consultation rendez-vous secrétariat accueil honoraires ordonnance ' +
  'arrêt travail urgence docteur patient avis commentaire injure diffamation charlatan incompétent ' +
  'désagréable retard téléphone parking salle propreté écoute diagnostic examen traitement ' +
  'recommandation horaires fermé ouvert samedi lundi enfant vaccin pharmacie quartier ville'
).split(' ');

function sentence(rand: () => number, n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i += 1) out.push(WORDS[Math.floor(rand() * WORDS.length)]!);
  return out.join(' ');
}

/** fts_p50_ms / fts_p99_ms: 10,000 case files and 100,000 texts in the encrypted database. */
export async function benchFts(): Promise<{ fts_p50_ms: number; fts_p99_ms: number }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'egide-bench-fts-'));
  let seed = 42;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  try {
    const db = openDatabase(path.join(dir, 'fts.db'), randomBytes(32), { create: true });
    migrate(db);
    const insertCase = db.prepare(
      `INSERT INTO case_files (id, kind, title, created_at, created_by, updated_at)
       VALUES (?, 'review', ?, '2026-01-01', 'bench', '2026-01-01')`,
    );
    const insertText = db.prepare(
      'INSERT INTO case_search (case_id, source, content) VALUES (?, ?, ?)',
    );
    db.transaction(() => {
      for (let c = 0; c < 10_000; c += 1) {
        const id = randomUUID();
        insertCase.run(id, sentence(rand, 5));
        for (let t = 0; t < 10; t += 1) insertText.run(id, 'texte', sentence(rand, 30));
      }
    })();

    const queries = Array.from({ length: 300 }, (_, i) =>
      i % 3 === 0
        ? sentence(rand, 1).normalize('NFD').replace(/\p{M}/gu, '')
        : sentence(rand, 1 + (i % 2)),
    );
    for (const q of queries.slice(0, 20)) searchCaseIds(db, q);
    const times: number[] = [];
    for (const q of queries) {
      const start = performance.now();
      searchCaseIds(db, q);
      times.push(performance.now() - start);
    }
    db.close();
    return { fts_p50_ms: median(times), fts_p99_ms: percentile(times, 99) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
