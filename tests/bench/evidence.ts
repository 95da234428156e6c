/**
 * Pièce import benchmark: small import latency, bulk throughput and peak memory on a large file.
 * Every import includes hashing, encryption, fsync of the file, rename and fsync of its folder.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { newBlobId, newBlobKey, writeBlob } from '../../electron/core/evidence/blob-store';

const MIB = 1024 * 1024;

export interface EvidenceBenchResult {
  /** Median time to import a 2 MiB buffer (hash + encrypt + fsync), in ms. */
  import_2mib_ms: number;
  /** Import throughput over 200 MiB of files, in MB/s (10^6 bytes). */
  import_mb_s: number;
  /** Peak resident memory while importing a 1 GiB file, in MB (10^6 bytes). */
  import_peak_rss_mb: number;
}

export async function benchEvidence(tmpDir: string): Promise<EvidenceBenchResult> {
  const root = join(tmpDir, `evidence-bench-${process.pid}-${Date.now()}`);
  await mkdir(root, { recursive: true });
  try {
    const import_2mib_ms = await benchSmallImports(join(root, 'small'));
    const import_mb_s = await benchThroughput(root);
    const import_peak_rss_mb = await benchPeakRss(root);
    return { import_2mib_ms, import_mb_s, import_peak_rss_mb };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

async function importOne(dir: string, source: string | Uint8Array): Promise<number> {
  const result = await writeBlob({
    dir,
    blobId: newBlobId(),
    key: newBlobKey(),
    source,
    maxBytes: 2 * 1024 * MIB,
  });
  return result.size;
}

async function benchSmallImports(dir: string): Promise<number> {
  const screenshot = randomBytes(2 * MIB);
  for (let i = 0; i < 3; i += 1) await importOne(dir, screenshot);

  const times: number[] = [];
  for (let i = 0; i < 21; i += 1) {
    const start = performance.now();
    await importOne(dir, screenshot);
    times.push(performance.now() - start);
  }
  return round(median(times), 2);
}

async function benchThroughput(root: string): Promise<number> {
  const sourceDir = join(root, 'src');
  await mkdir(sourceDir, { recursive: true });
  // A mix of sizes, as a case file holds: 20 files adding up to exactly 200 MiB.
  const sizesMib = [40, 30, 20, 20, 15, 15, 10, 10, 8, 8, 6, 5, 4, 3, 2, 1, 1, 1, 0.5, 0.5];
  const paths: string[] = [];
  for (const [index, sizeMib] of sizesMib.entries()) {
    const path = join(sourceDir, `source-${index}.bin`);
    await writeSourceFile(path, Math.round(sizeMib * MIB));
    paths.push(path);
  }

  const dir = join(root, 'bulk');
  await importOne(dir, paths[paths.length - 1] as string);
  const start = performance.now();
  let bytes = 0;
  for (const path of paths) bytes += await importOne(dir, path);
  const seconds = (performance.now() - start) / 1000;
  await rm(sourceDir, { recursive: true, force: true });
  await rm(dir, { recursive: true, force: true });
  return round(bytes / 1e6 / seconds, 1);
}

async function benchPeakRss(root: string): Promise<number> {
  const source = join(root, 'large.bin');
  await writeSourceFile(source, 1024 * MIB);
  const dir = join(root, 'large');

  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  try {
    await importOne(dir, source);
  } finally {
    clearInterval(timer);
  }
  peak = Math.max(peak, process.memoryUsage().rss);
  await rm(source, { force: true });
  await rm(dir, { recursive: true, force: true });
  return round(peak / 1e6, 1);
}

/** Streams pseudo-random data to disk without holding the file in memory. */
async function writeSourceFile(path: string, size: number): Promise<void> {
  const block = randomBytes(MIB);
  const fh = await open(path, 'w');
  try {
    let written = 0;
    let counter = 0;
    while (written < size) {
      // Vary each block so no two chunks are identical.
      block.writeUInt32BE(counter, (counter * 4) % (MIB - 4));
      counter += 1;
      const length = Math.min(MIB, size - written);
      await fh.write(block, 0, length);
      written += length;
    }
    await fh.sync();
  } finally {
    await fh.close();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
