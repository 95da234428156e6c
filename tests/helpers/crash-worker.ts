/**
 * Child process for the crash-safety test: opens a vault with its raw data key (given in the
 * environment, to skip the KDF on each of a hundred starts) and repeats one activity until the
 * parent kills it with SIGKILL. Each completed operation prints one "ACK ..." line, written only
 * after the operation returned, so the parent knows what was acknowledged before the kill.
 *
 * Usage (the test bundles it first, to start fast): node crash-worker.mjs
 *        <import|export|backup> <dataDir> <caseId> <accountId> [exportDir]
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';

import { finishBackup, takeSnapshot } from '../../electron/core/backup/create';
import { readBackupSettings } from '../../electron/core/backup/settings';
import { openDatabase } from '../../electron/core/db/open';
import { importPiece } from '../../electron/core/pieces/pieces';
import { DATABASE_FILE, readHeader } from '../../electron/core/vault/header';
import { OpenVault } from '../../electron/core/vault/open-vault';

const [activity, dataDir, caseId, accountId, exportDir] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string | undefined,
];

function ack(line: string): void {
  // Synchronous on Linux pipes: once written, the parent will read it even after a SIGKILL.
  process.stdout.write(`ACK ${line}\n`);
}

async function main(): Promise<void> {
  const key = Buffer.from(process.env.EGIDE_TEST_KEY ?? '', 'hex');
  const header = await readHeader(dataDir);
  if (!header || key.length !== 32) throw new Error('worker: no vault or no key');
  const db = openDatabase(path.join(dataDir, DATABASE_FILE), key, { create: false });
  const vault = new OpenVault(
    dataDir,
    header,
    key,
    db,
    { id: accountId, label: 'Dr Test', role: 'medecin' },
    false,
  );
  const exportCase =
    activity === 'export' ? (await import('../../electron/core/export/exporter')).exportCase : null;
  process.stdout.write('READY\n');

  for (let i = 0; ; i += 1) {
    if (activity === 'import') {
      // Small files of varied size, so that a kill lands in the middle of a write too.
      const body = `Pièce ${i} ${randomBytes(8).toString('hex')}\n`.repeat(1 + (i % 7) * 900);
      const piece = await importPiece(
        vault,
        {
          caseId,
          source: {
            kind: 'bytes',
            name: `p${i}.txt`,
            base64: Buffer.from(body).toString('base64'),
          },
          title: `Pièce ${i}`,
          capture: {
            sourceUrl: '',
            capturedAt: null,
            os: '',
            browser: '',
            cacheEmptied: false,
            clockChecked: false,
            reachedByLinks: false,
            description: '',
            pageTitle: '',
            appVersion: '',
          },
        },
        new Date(),
      );
      ack(`piece ${piece.id} ${piece.sha256}`);
    } else if (activity === 'backup') {
      const settings = readBackupSettings(db);
      const snap = takeSnapshot(
        vault,
        { folder: settings.folder ?? '', keep: settings.keep },
        'manual',
        new Date(),
      );
      const summary = await finishBackup(snap);
      ack(`backup ${summary.name}`);
    } else if (activity === 'export' && exportCase && exportDir) {
      const result = await exportCase(vault, {
        caseId,
        format: i % 2 === 0 ? 'folder' : 'zip',
        destination: exportDir,
        now: new Date(),
      });
      ack(`export ${path.basename(result.path)}`);
    } else {
      throw new Error(`worker: unknown activity ${activity}`);
    }
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`worker failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(2);
});
