/**
 * Child process of the export benchmark (bundled by export.ts, run by plain Node): a fresh
 * process opens the vault and exports, so that its peak RSS is what an export costs a session,
 * not what the seeding imports or earlier benchmarks left behind. Prints one JSON line: export
 * and `zip -0` times in ms, and the peak RSS in bytes sampled every 20 ms during the exports.
 */
import { execFileSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';

import { AppHost } from '../../electron/core/app/host';
import { exportCase } from '../../electron/core/export/exporter';
import { TEST_KDF } from '../helpers/tmp';

interface ChildArgs {
  dataDir: string;
  demoDir: string;
  resourcesDir: string;
  recoveryKey: string;
  accountId: string;
  caseId: string;
  src: string;
  out: string;
  runs: number;
}

async function main(): Promise<void> {
  const args = JSON.parse(process.argv[2] ?? '{}') as ChildArgs;
  const host = new AppHost({
    dataDir: args.dataDir,
    demoDir: args.demoDir,
    resourcesDir: args.resourcesDir,
    kdf: TEST_KDF,
  });
  // The recovery key opens the vault without Argon2's 64 MiB working memory: what is measured
  // is the export, not the unlock that precedes it in a real session.
  const opened = await host.call('vault.recover', {
    recoveryKey: args.recoveryKey,
    accountId: args.accountId,
  });
  if (!opened.ok) throw new Error(opened.error.message);
  const vault = host.requireSession();

  let peak = 0;
  let sampling = false;
  const timer = setInterval(() => {
    if (sampling) peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const exportOnce = async (): Promise<number> => {
    sampling = true;
    const start = performance.now();
    const result = await exportCase(vault, {
      caseId: args.caseId,
      format: 'zip',
      destination: args.out,
      now: new Date(),
    });
    const ms = performance.now() - start;
    peak = Math.max(peak, process.memoryUsage().rss);
    sampling = false;
    await rm(result.path, { force: true });
    return ms;
  };
  const zipOnce = async (): Promise<number> => {
    const target = join(args.out, 'baseline.zip');
    const start = performance.now();
    execFileSync('zip', ['-0', '-q', '-r', target, '.'], { cwd: args.src });
    const ms = performance.now() - start;
    await rm(target, { force: true });
    return ms;
  };

  // Warm both paths (page cache, code), then alternate so that drift hits both alike.
  await exportOnce();
  await zipOnce();
  const ours: number[] = [];
  const theirs: number[] = [];
  for (let i = 0; i < args.runs; i += 1) {
    ours.push(await exportOnce());
    theirs.push(await zipOnce());
  }
  clearInterval(timer);
  host.dispose();
  process.stdout.write(`${JSON.stringify({ ours, theirs, peak })}\n`);
}

void main();
