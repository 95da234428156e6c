import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { caseFieldsSchema } from '../../shared/api/cases-api';
import { finishBackup, takeSnapshot } from '../../electron/core/backup/create';
import { restoreBackup } from '../../electron/core/backup/restore';
import { createCase } from '../../electron/core/cases/repo';
import { importPiece } from '../../electron/core/pieces/pieces';
import { VaultStore } from '../../electron/core/vault/vault';
import { DOCTOR_PASS, PRACTICE, TEST_KDF } from '../helpers/tmp';
import { median } from './stats';

const CASES = 1000;
const PIECES = 40;
const PIECE_BYTES = 1024 * 1024;

const CAPTURE = {
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
};

/**
 * backup_lock_delay_ms: what a backup adds to a lock (the VACUUM INTO snapshot, the only part
 * that needs the open vault), for 1,000 case files. backup_total_ms and backup_mb_s: the whole
 * backup with 40 pièces of 1 MiB. restore_ms: restore with SHA-256 checks and integrity_check.
 */
export async function benchBackup(): Promise<{
  backup_lock_delay_ms: number;
  backup_total_ms: number;
  backup_mb_s: number;
  restore_ms: number;
}> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'egide-bench-backup-'));
  try {
    const store = new VaultStore(path.join(dir, 'data'));
    const { vault } = await store.create(
      { practice: PRACTICE, accountLabel: 'Dr Bench', passphrase: DOCTOR_PASS },
      { kdf: TEST_KDF },
    );
    const now = new Date();
    let caseId = '';
    for (let i = 0; i < CASES; i += 1) {
      const fields = caseFieldsSchema.parse({ kind: 'review', title: `Avis ${i}` });
      caseId = createCase(vault, fields, `Texte de l’avis n° ${i} `.repeat(40), now);
    }
    for (let i = 0; i < PIECES; i += 1) {
      const text = randomBytes(PIECE_BYTES / 2).toString('hex');
      await importPiece(
        vault,
        {
          caseId,
          source: {
            kind: 'bytes',
            name: `p${i}.txt`,
            base64: Buffer.from(text).toString('base64'),
          },
          title: `Pièce ${i}`,
          capture: CAPTURE,
        },
        now,
      );
    }
    const usb = path.join(dir, 'usb');
    mkdirSync(usb);

    const snapshots: number[] = [];
    const totals: number[] = [];
    let bytes = 0;
    let last = '';
    for (let i = 0; i < 3; i += 1) {
      const start = performance.now();
      const snap = takeSnapshot(
        vault,
        { folder: usb, keep: 2 },
        'manual',
        new Date(Date.now() + i * 1000),
      );
      snapshots.push(performance.now() - start);
      const summary = await finishBackup(snap);
      totals.push(performance.now() - start);
      bytes = summary.bytes;
      last = summary.path;
    }
    const accountId = vault.account.id;
    vault.close();

    const start = performance.now();
    await restoreBackup(last, { accountId, passphrase: DOCTOR_PASS }, path.join(dir, 'restored'));
    const restore = performance.now() - start;

    const total = median(totals);
    return {
      backup_lock_delay_ms: median(snapshots),
      backup_total_ms: total,
      backup_mb_s: bytes / 1e6 / (total / 1000),
      restore_ms: restore,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
