import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { benchBackup } from './backup';
import { benchDocx } from './docx';
import { benchEvidence } from './evidence';
import { benchExport } from './export';
import { benchFts } from './fts';
import { benchUnlock } from './unlock';

/**
 * `npm run bench`: runs every figure, prints a readable table, and ends with one line holding a
 * JSON object of the named figures (machines read that line).
 */
interface Figure {
  name: string;
  value: number;
  target?: string;
  ok?: boolean;
}

const TARGETS: Record<string, { target: string; ok: (v: number) => boolean }> = {
  unlock_ms: { target: '≤ 500 ms', ok: (v) => v <= 500 },
  docx_letter_ms: { target: '≤ 15 ms', ok: (v) => v <= 15 },
  import_2mib_ms: { target: '≤ 20 ms', ok: (v) => v <= 20 },
  import_mb_s: { target: '≥ 250 MB/s', ok: (v) => v >= 250 },
  import_peak_rss_mb: { target: '≤ 200 MB', ok: (v) => v <= 200 },
  fts_p50_ms: { target: '≤ 5 ms', ok: (v) => v <= 5 },
  export_vs_zip0: { target: '≥ 1.0', ok: (v) => v >= 1 },
  export_peak_rss_mb: { target: '≤ 200 MB', ok: (v) => v <= 200 },
  fts_p99_ms: { target: '≤ 30 ms', ok: (v) => v <= 30 },
};

async function main(): Promise<void> {
  const figures: Record<string, number> = {};
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'egide-bench-'));
  try {
    // Evidence first: its peak RSS is the process's, so nothing measured before may inflate it.
    Object.assign(figures, await benchEvidence(path.join(tmp, 'evidence')));
    Object.assign(figures, await benchUnlock());
    Object.assign(figures, await benchDocx());
    Object.assign(figures, await benchFts());
    Object.assign(figures, await benchExport(path.join(tmp, 'export')));
    Object.assign(figures, await benchBackup());
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }

  const rows: Figure[] = Object.entries(figures).map(([name, value]) => {
    const t = TARGETS[name];
    return t ? { name, value, target: t.target, ok: t.ok(value) } : { name, value };
  });
  const width = Math.max(...rows.map((r) => r.name.length));
  console.log(`${'figure'.padEnd(width)}  ${'value'.padStart(10)}  target`);
  for (const r of rows) {
    const verdict = r.ok === undefined ? '' : r.ok ? '  ok' : '  MISSED';
    console.log(
      `${r.name.padEnd(width)}  ${String(r.value).padStart(10)}  ${r.target ?? ''}${verdict}`,
    );
  }
  console.log(JSON.stringify(figures));
}

void main();
