/**
 * Export benchmark: a case file with 200 MiB of pièces exported as a plain ZIP (the format the
 * ratio uses), against `zip -0 -q -r` (Info-ZIP, no compression) on the same plaintext files, in
 * the same run. Égide does more: it decrypts every pièce, checks its SHA-256 against the import,
 * writes the DOCX documents, SHA256SUMS and manifest.json, and fsyncs the archive before renaming
 * it into place. Both are timed, alternately, in a fresh child process (export-child.ts) whose
 * RSS is sampled every 20 ms during the exports.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, open, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import { build } from 'esbuild';

import { AppHost } from '../../electron/core/app/host';
import { DOCTOR_PASS, PRACTICE, TEST_KDF } from '../helpers/tmp';

const MIB = 1024 * 1024;
const RUNS = 5;

export interface ExportBenchResult {
  /** Time of `zip -0` divided by Égide's ZIP export time on the same 200 MiB: ≥ 1 is faster. */
  export_vs_zip0: number;
  /** Peak resident memory of the process while exporting 200 MiB, in MB (10^6 bytes). */
  export_peak_rss_mb: number;
}

export async function benchExport(tmpDir: string): Promise<ExportBenchResult> {
  if (spawnSync('sh', ['-c', 'command -v zip'], { stdio: 'ignore' }).status !== 0) {
    throw new Error('zip (Info-ZIP) is missing: apt-get install -y zip');
  }
  const root = join(tmpDir, `export-bench-${process.pid}-${Date.now()}`);
  const src = join(root, 'pieces');
  const out = join(root, 'out');
  await mkdir(src, { recursive: true });
  await mkdir(out, { recursive: true });
  const host = new AppHost({
    dataDir: join(root, 'data'),
    demoDir: join(root, 'demo'),
    resourcesDir: join(process.cwd(), 'resources'),
    kdf: TEST_KDF,
  });
  try {
    const { caseId, accountId, recoveryKey } = await seedCase(host, src);
    host.dispose();
    const script = await bundleChild(root);
    const child = spawnSync(
      process.execPath,
      [
        script,
        JSON.stringify({
          dataDir: join(root, 'data'),
          demoDir: join(root, 'demo'),
          resourcesDir: join(process.cwd(), 'resources'),
          recoveryKey,
          accountId,
          caseId,
          src,
          out,
          runs: RUNS,
        }),
      ],
      { encoding: 'utf8', maxBuffer: 16 * MIB },
    );
    const line = child.stdout.split('\n').find((l) => l.startsWith('{"ours"'));
    if (child.status !== 0 || !line) throw new Error(`export bench child failed: ${child.stderr}`);
    const { ours, theirs, peak } = JSON.parse(line) as {
      ours: number[];
      theirs: number[];
      peak: number;
    };
    return {
      export_vs_zip0: round(median(theirs) / median(ours), 2),
      export_peak_rss_mb: round(peak / 1e6, 1),
    };
  } finally {
    host.dispose();
    await rm(root, { recursive: true, force: true });
  }
}

/**
 * The child runs as plain Node on one bundled file, as the app's main process runs its bundle:
 * tsx's on-the-fly compilation would add some 60 MB that no user's process carries. The native
 * SQLite module and pino stay outside the bundle, imported from the checkout.
 */
async function bundleChild(root: string): Promise<string> {
  const outfile = join(root, 'export-child.mjs');
  const require = createRequire(import.meta.url);
  const outside = /^(better-sqlite3-multiple-ciphers|pino)$/;
  await build({
    entryPoints: [join(import.meta.dirname, 'export-child.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
    plugins: [
      {
        name: 'checkout-natives',
        setup(b) {
          b.onResolve({ filter: outside }, (args) => ({
            path: pathToFileURL(require.resolve(args.path)).href,
            external: true,
          }));
        },
      },
    ],
  });
  return outfile;
}

async function call<T>(host: AppHost, method: string, input: unknown): Promise<T> {
  const result = await host.call(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as T;
}

/** A case file whose 20 pièces add up to exactly 200 MiB, imported from files on disk. */
async function seedCase(
  host: AppHost,
  src: string,
): Promise<{ caseId: string; accountId: string; recoveryKey: string }> {
  const vault = await call<{ recoveryKey: string; session: { accountId: string } }>(
    host,
    'vault.create',
    {
      practice: PRACTICE,
      accountLabel: 'Dr Lefort',
      passphrase: DOCTOR_PASS,
    },
  );
  const created = await call<{ id: string }>(host, 'cases.create', {
    kind: 'review',
    title: 'Dossier volumineux',
    verbatim: 'Propos litigieux.',
  });
  const sizesMib = [40, 30, 20, 20, 15, 15, 10, 10, 8, 8, 6, 5, 4, 3, 2, 1, 1, 1, 0.5, 0.5];
  for (const [index, sizeMib] of sizesMib.entries()) {
    const file = join(src, `piece-${String(index + 1).padStart(2, '0')}.pdf`);
    await writePdfLike(file, Math.round(sizeMib * MIB));
    await call(host, 'pieces.import', {
      caseId: created.id,
      source: { kind: 'path', path: file },
      title: `Pièce volumineuse ${index + 1}`,
    });
  }
  return {
    caseId: created.id,
    accountId: vault.session.accountId,
    recoveryKey: vault.recoveryKey,
  };
}

/** A PDF header then incompressible bytes: accepted as a PDF, as large as asked. */
async function writePdfLike(file: string, size: number): Promise<void> {
  const head = Buffer.from('%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n', 'latin1');
  const tail = Buffer.from('\n%%EOF\n', 'latin1');
  const fh = await open(file, 'w');
  try {
    await fh.write(head);
    let written = head.length;
    const body = size - head.length - tail.length;
    while (written < head.length + body) {
      const length = Math.min(MIB, head.length + body - written);
      await fh.write(randomBytes(length));
      written += length;
    }
    await fh.write(tail);
  } finally {
    await fh.close();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
