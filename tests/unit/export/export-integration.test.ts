import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { ChronologyEvent } from '../../../shared/api/cases-api';
import type { ExportResult } from '../../../shared/api/export-api';
import type { Manifest } from '../../../electron/core/export/manifest';
import { listJournal } from '../../../electron/core/db/journal';
import { hostWithVault } from '../../helpers/host';
import {
  buildCase,
  listFiles,
  missingTools,
  sha256,
  startExport,
  URL,
  waitJob,
  type DemoCase,
  type Host,
} from './helpers';

/**
 * The lawyer's side of an export: sha256sum verifies the folder, LibreOffice opens the DOCX files
 * and shows the exact words, 7-Zip opens the protected ZIP with the password and only with it.
 */
const run = promisify(execFile);
const missing = missingTools(['sha256sum', 'soffice', 'pdftotext', '7z']);
const reason =
  `outil(s) absent(s) : ${missing.join(', ')}. Lancez .ci/run (coreutils, ` +
  'libreoffice-writer-nogui, poppler-utils, p7zip-full).';
if (missing.length > 0 && !process.env.CI) {
  process.stdout.write(`[export-integration] tests ignorés : ${reason}\n`);
}

describe.skipIf(missing.length > 0 && !process.env.CI)('export of a case file', () => {
  let h: Host;
  let demo: DemoCase;
  let dest: string;
  let folder: ExportResult;
  let pdfText: Record<string, string> = {};

  beforeAll(async () => {
    if (missing.length > 0) throw new Error(reason);
    h = await hostWithVault();
    demo = await buildCase(h);
    dest = path.join(h.dir, 'destination');
    mkdirSync(dest);
    const started = await startExport(h, demo.detail.id, 'folder', dest);
    expect(started.password).toBeUndefined();
    const status = await waitJob(h, started.jobId);
    expect(status.error).toBeUndefined();
    expect(status.state).toBe('done');
    expect(status.done).toBe(status.total);
    folder = status.result!;

    // The DOCX files as a lawyer without Word opens them.
    const profile = path.join(tmpdir(), `lo-${process.pid}-${randomBytes(6).toString('hex')}`);
    const out = path.join(h.dir, 'pdf');
    mkdirSync(out);
    const docs = listFiles(folder.path).filter((f) => f.endsWith('.docx'));
    await run(
      'soffice',
      [
        '--headless',
        `-env:UserInstallation=file://${profile}`,
        '--convert-to',
        'pdf',
        '--outdir',
        out,
        ...docs.map((d) => path.join(folder.path, d)),
      ],
      { timeout: 240_000 },
    );
    rmSync(profile, { recursive: true, force: true });
    pdfText = {};
    for (const d of docs) {
      const pdf = path.join(out, `${path.basename(d, '.docx')}.pdf`);
      pdfText[d] = (await run('pdftotext', ['-layout', pdf, '-'])).stdout;
    }
  }, 300_000);

  afterAll(() => h?.cleanup());

  it('creates one folder, leaves no temporary file, and sha256sum -c verifies it', () => {
    expect(readdirSync(dest)).toEqual([path.basename(folder.path)]);
    expect(path.basename(folder.path)).toMatch(
      /^Dossier - Avis injurieux « Zorro69 » _ été - \d{4}-\d{2}-\d{2}$/,
    );
    const output = execFileSync('sha256sum', ['-c', 'SHA256SUMS'], {
      cwd: folder.path,
      encoding: 'utf8',
    });
    expect(output).toMatch(/Pièces\/Pièce 01 - .*: OK/);
    expect(output).not.toMatch(/FAILED/);
  });

  it('lays out the dossier with safe names and the original bytes of every pièce', () => {
    const files = listFiles(folder.path).sort();
    expect(files).toContain('00 - Synthèse.docx');
    expect(files).toContain('01 - Bordereau des pièces.docx');
    expect(files).toContain('02 - Chronologie.docx');
    expect(files).toContain('Courriers/Journal des courriers.docx');
    expect(files.filter((f) => f.startsWith('Courriers/Courrier '))).toHaveLength(2);
    const pieces = files.filter((f) => f.startsWith('Pièces/'));
    expect(pieces).toHaveLength(3);
    expect(pieces.some((f) => f.startsWith('Pièces/Pièce 04'))).toBe(false);
    expect(pieces).toContain('Pièces/Pièce 02 - Archive _ web_archive.org_ - 2025-12-02.pdf');
    for (const f of pieces) {
      const n = Number(/Pièce (\d+)/.exec(f)![1]);
      expect(readFileSync(path.join(folder.path, f)).equals(demo.bytes.get(n)!)).toBe(true);
    }
    expect(folder.fileCount).toBe(files.length);
    expect(folder.pieceCount).toBe(3);
  });

  it('lists every file in manifest.json with its size, hash and capture record', () => {
    const manifest = JSON.parse(
      readFileSync(path.join(folder.path, 'manifest.json'), 'utf8'),
    ) as Manifest;
    const onDisk = listFiles(folder.path).filter(
      (f) => f !== 'manifest.json' && f !== 'SHA256SUMS',
    );
    expect(manifest.files.map((f) => f.path).sort()).toEqual(onDisk.sort());
    for (const f of manifest.files) {
      const bytes = readFileSync(path.join(folder.path, f.path));
      expect(f.size).toBe(bytes.length);
      expect(f.sha256).toBe(sha256(bytes));
    }
    const p1 = manifest.files.find((f) => f.piece?.number === 1)!;
    expect(p1.piece!.sha256AtImport).toBe(p1.sha256);
    expect(p1.piece!.capture.sourceUrl).toBe(URL);
    expect(p1.piece!.capture.os).toBe('Windows 11');
    expect(manifest.withdrawnPieceNumbers).toEqual([4]);
  });

  it('shows the exact words, the URL and the first posting in the synthesis', () => {
    const text = pdfText['00 - Synthèse.docx']!;
    expect(text).toContain('Médecin incompétent et arrogant, à fuir !');
    expect(text).toContain('Deuxième ligne « citée » — été 2025.');
    expect(text).toContain(URL);
    expect(text).toContain('30 novembre 2025');
    expect(text).toContain('Loi du 29 juillet 1881, art. 29 al. 2 et 33');
    expect(text).toContain('Cabinet du Parc');
    expect(text).toMatch(/Prescription : injure ou diffamation publique/);
    expect(text).toMatch(/Palier 1 — Signalement/);
    expect(text).toContain('Exemple Avis SAS');
  });

  it('numbers the bordereau as the case file does, withdrawn pièce left out', () => {
    const text = pdfText['01 - Bordereau des pièces.docx']!;
    expect(text).toContain('Pièce n° 1');
    expect(text).toContain('Pièce n° 2');
    expect(text).toContain('Pièce n° 3');
    expect(text).not.toContain('Pièce n° 4');
    expect(text).toContain(demo.detail.pieces[0]!.sha256.slice(0, 16));
    expect(text).toContain('Capture de l’avis');
  });

  it('gives a dated chronology and a correspondence log', () => {
    expect(pdfText['02 - Chronologie.docx']).toContain('Première mise en ligne');
    expect(pdfText['Courriers/Journal des courriers.docx']).toContain('Signalement LCEN');
  });

  it('records the export in the journal without names, and in the chronology', async () => {
    const entry = listJournal(h.host.session!.db, { caseId: demo.detail.id }).find(
      (e) => e.action === 'case.export',
    )!;
    expect(JSON.parse(entry.details!)).toEqual({
      format: 'folder',
      files: folder.fileCount,
      pieces: 3,
    });
    expect(entry.details).not.toContain('Zorro');
    const events = await h.call<ChronologyEvent[]>('cases.chronology', { caseId: demo.detail.id });
    expect(events.some((e) => e.label.startsWith('Dossier exporté pour l’avocat (Dossier'))).toBe(
      true,
    );
  });

  it('writes a plain ZIP that 7-Zip and unzip read, with the same verified files', async () => {
    const zipDest = path.join(h.dir, 'zip');
    mkdirSync(zipDest);
    const started = await startExport(h, demo.detail.id, 'zip', zipDest);
    const status = await waitJob(h, started.jobId);
    expect(status.state).toBe('done');
    const zip = status.result!.path;
    expect(readdirSync(zipDest)).toEqual([path.basename(zip)]);
    expect(spawnSync('7z', ['t', zip], { encoding: 'utf8' }).status).toBe(0);
    const out = path.join(h.dir, 'zip-out');
    execFileSync('7z', ['x', `-o${out}`, zip], { stdio: 'ignore' });
    const root = path.join(out, path.basename(zip, '.zip'));
    execFileSync('sha256sum', ['-c', '--quiet', 'SHA256SUMS'], { cwd: root });
    if (missingTools(['unzip']).length === 0) {
      expect(spawnSync('unzip', ['-tq', zip]).status).toBe(0);
    }
  });

  it('protects the ZIP with AES-256: 7-Zip opens it with the password only', async () => {
    const aesDest = path.join(h.dir, 'aes');
    mkdirSync(aesDest);
    const started = await startExport(h, demo.detail.id, 'zip-aes', aesDest);
    expect(started.password).toMatch(/^([A-Za-z2-9]{4}-){5}[A-Za-z2-9]{4}$/);
    const status = await waitJob(h, started.jobId);
    expect(status.state).toBe('done');
    expect(JSON.stringify(status)).not.toContain(started.password);
    const zip = status.result!.path;

    const wrong = spawnSync(
      '7z',
      ['x', '-pmauvais-mot-de-passe', `-o${path.join(h.dir, 'no')}`, zip],
      {
        encoding: 'utf8',
      },
    );
    expect(wrong.status).not.toBe(0);
    expect(`${wrong.stdout}${wrong.stderr}`).toMatch(/Wrong password/i);

    const out = path.join(h.dir, 'aes-out');
    execFileSync('7z', ['x', `-p${started.password}`, `-o${out}`, zip], { stdio: 'ignore' });
    const root = path.join(out, path.basename(zip, '.zip'));
    execFileSync('sha256sum', ['-c', '--quiet', 'SHA256SUMS'], { cwd: root });
    const pieces = listFiles(root).filter((f) => f.startsWith('Pièces/'));
    expect(pieces).toHaveLength(3);
    for (const f of pieces) {
      const n = Number(/Pièce (\d+)/.exec(f)![1]);
      expect(readFileSync(path.join(root, f)).equals(demo.bytes.get(n)!)).toBe(true);
    }
  });

  it('exports a case file of the demonstration vault', async () => {
    await h.call('vault.openDemo');
    const cases = await h.call<Array<{ id: string; pieceCount: number }>>('cases.list', {});
    const withPieces = cases.find((c) => c.pieceCount > 0)!;
    const demoDest = path.join(h.dir, 'demo-dest');
    mkdirSync(demoDest);
    const status = await waitJob(
      h,
      (await startExport(h, withPieces.id, 'folder', demoDest)).jobId,
    );
    expect(status.state).toBe('done');
    execFileSync('sha256sum', ['-c', '--quiet', 'SHA256SUMS'], { cwd: status.result!.path });
  });
});
