import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CENSOR,
  REDACT_PATHS,
  closeLogFile,
  createLogger,
  getLogger,
  initLogFile,
  isSensitiveKey,
  logger,
  redactForReport,
  scrubString,
} from '../../../electron/core/log';
import { AppError } from '../../../shared/api/errors';

const PASSPHRASE = 'cheval-agrafe-42-Ornithorynque';
const REVIEW =
  'Le docteur Martin est un incompétent, il a oublié mon dossier et sa secrétaire est odieuse.';
const PATIENT = 'Gisèle Pontarlier';
const EMAIL = 'gisele.pontarlier@exemple.fr';
const PHONE = '06 12 34 56 78';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'egide-log-'));
});
afterEach(() => {
  closeLogFile();
  fs.rmSync(dir, { recursive: true, force: true });
});

function readLines(file: string): Array<Record<string, unknown>> {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('log file: what never reaches it', () => {
  it('holds no passphrase, review text, name, e-mail, phone or error message', () => {
    const file = path.join(dir, 'nested', 'egide.log');
    const log = createLogger({ file }).child({ subsystem: 'cases' });

    log.info({ passphrase: PASSPHRASE, caseId: 'case-7', attempts: 2 }, 'vault unlocked');
    log.info({ review: { text: REVIEW, rating: 1 }, caseId: 'case-7' }, 'review filed');
    log.info({ caseFile: { parties: [{ role: 'author', identity: { name: PATIENT } }] } }, 'x');
    log.info({ authorName: PATIENT, reviewText: REVIEW, newPassphrase: PASSPHRASE }, 'keys');
    log.warn(`notice sent to ${EMAIL}, tel ${PHONE}`);
    log.warn({ note: REVIEW }, 'free text under an innocent key');
    log.info('%s replied', PATIENT.length > 0 ? EMAIL : '');
    const error = new Error(`Impossible d’ouvrir « ${PATIENT}.png »`);
    log.error(error);
    log.error({ err: new AppError('FILE_REFUSED', `Le fichier ${PATIENT}.png est refusé.`) }, 'x');

    const text = fs.readFileSync(file, 'utf8');
    for (const secret of [PASSPHRASE, REVIEW, PATIENT, 'Pontarlier', EMAIL, PHONE, 'incompétent']) {
      expect(text, secret).not.toContain(secret);
    }
    expect(text).toContain(CENSOR);
  });

  it('keeps the fields that help diagnose', () => {
    const file = path.join(dir, 'egide.log');
    const log = createLogger({ file }).child({ subsystem: 'vault' });
    log.info({ passphrase: PASSPHRASE, caseId: 'case-7', attempts: 2, locked: false }, 'unlocked');
    log.error(
      { err: new AppError('FILE_REFUSED', `Le fichier ${PATIENT}.png est refusé.`, 'pieces.0') },
      'import failed',
    );

    const [first, second] = readLines(file);
    expect(first).toMatchObject({
      level: 'info',
      subsystem: 'vault',
      caseId: 'case-7',
      attempts: 2,
      locked: false,
      passphrase: CENSOR,
      msg: 'unlocked',
    });
    expect(first).not.toHaveProperty('hostname');
    expect(typeof first?.time).toBe('string');
    const err = second?.err as { type: string; code: string; field: string; stack: string[] };
    expect(err).toMatchObject({ type: 'AppError', code: 'FILE_REFUSED', field: 'pieces.0' });
    expect(err).not.toHaveProperty('message');
    expect(err.stack[0]).toMatch(/ log\.test\.ts:\d+:\d+$/);
    expect(err.stack.join('\n')).not.toContain(path.sep === '/' ? '/tests/' : '\\tests\\');
  });

  it('keeps codes of system errors and causes, and only data-free library messages', () => {
    const file = path.join(dir, 'egide.log');
    const log = createLogger({ file });
    const fsError = Object.assign(new Error(`ENOENT: open '/home/${PATIENT}/x'`), {
      code: 'ENOENT',
      errno: -2,
      syscall: 'open',
      path: `/home/${PATIENT}/x`,
    });
    const busy = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
    log.error({ err: new AppError('IO_ERROR', 'Écriture impossible.', undefined) }, 'a');
    log.error(Object.assign(new Error('wrapper'), { cause: fsError }));
    log.error({ err: busy }, 'b');

    const text = fs.readFileSync(file, 'utf8');
    expect(text).not.toContain(PATIENT);
    expect(text).not.toContain('wrapper');
    const [, second, third] = readLines(file);
    expect(second?.err).toMatchObject({ cause: { code: 'ENOENT', errno: -2, syscall: 'open' } });
    expect(third?.err).toMatchObject({ code: 'SQLITE_BUSY', reason: 'database is locked' });
  });

  it('masks keys deeper than pino’s own redaction reaches', () => {
    const file = path.join(dir, 'egide.log');
    createLogger({ file }).info({ a: { b: { c: { d: { email: 'x', title: 'Dr', ok: 1 } } } } });
    const [line] = readLines(file);
    expect(line).toMatchObject({ a: { b: { c: { d: { email: CENSOR, title: CENSOR, ok: 1 } } } } });
    expect(REDACT_PATHS).toContain('passphrase');
    expect(REDACT_PATHS).toContain('*.passphrase');
  });

  it('respects the level and falls back to info for an unknown one', () => {
    const warnFile = path.join(dir, 'warn.log');
    const warnLog = createLogger({ file: warnFile, level: 'warn' });
    warnLog.info('hidden');
    warnLog.warn('shown');
    expect(readLines(warnFile).map((l) => l.msg)).toEqual(['shown']);

    const oddFile = path.join(dir, 'odd.log');
    const oddLog = createLogger({ file: oddFile, level: 'verbose' });
    oddLog.debug('hidden');
    oddLog.info('shown');
    expect(readLines(oddFile).map((l) => l.msg)).toEqual(['shown']);
  });
});

describe('module logger', () => {
  it('moves to the file given at start-up, children included, and rotates a large file', () => {
    const child = getLogger().child({ subsystem: 'early' });
    expect(getLogger()).toBe(logger);
    const file = path.join(dir, 'logs', 'egide.log');
    fs.mkdirSync(path.dirname(file));
    fs.writeFileSync(file, 'x'.repeat(2048));

    initLogFile(file, 1024);
    child.info({ authorName: PATIENT }, 'after init');
    logger.info('direct');

    expect(fs.readFileSync(`${file}.1`, 'utf8')).toBe('x'.repeat(2048));
    const lines = readLines(file);
    expect(lines.map((l) => l.msg)).toEqual(['after init', 'direct']);
    expect(lines[0]).toMatchObject({ subsystem: 'early', authorName: CENSOR });
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o077).toBe(0);
  });
});

describe('scrubbing helpers', () => {
  it('masks e-mails, phone numbers and long text, but keeps ids', () => {
    expect(scrubString(`écrire à ${EMAIL}`)).toBe(`écrire à ${CENSOR}`);
    expect(scrubString('tél. +33 6 12 34 56 78')).toBe(`tél. ${CENSOR}`);
    expect(scrubString('appeler le 0612345678.')).toBe(`appeler le ${CENSOR}.`);
    expect(scrubString(REVIEW)).toBe(`[masqué : ${REVIEW.length} caractères]`);
    const uuid = '123e4567-e89b-12d3-a456-426614174000';
    expect(scrubString(uuid)).toBe(uuid);
    expect(scrubString('2024-05-12')).toBe('2024-05-12');
    expect(scrubString('sha256 9f86d081884c7d659a2feaa0c55ad015')).toContain('9f86d0818');
  });

  it('recognises sensitive keys, camelCase included', () => {
    for (const key of [
      'passphrase',
      'Email',
      'authorName',
      'reviewText',
      'recoveryKey',
      'dataPath',
    ]) {
      expect(isSensitiveKey(key), key).toBe(true);
    }
    for (const key of ['caseId', 'count', 'subsystem', 'rating', 'palier', 'sizeBytes']) {
      expect(isSensitiveKey(key), key).toBe(false);
    }
  });

  it('redacts a crash report: errors, cycles, bytes, dates and big numbers', () => {
    const report: Record<string, unknown> = {
      error: new TypeError(`Cannot read ${PATIENT}`),
      when: new Date('2026-01-02T03:04:05Z'),
      key: new Uint8Array(32),
      blob: new Uint8Array(16),
      size: 10n,
      versions: { node: process.version },
      patient: { name: PATIENT },
    };
    report.self = report;
    const clean = redactForReport(report) as Record<string, unknown>;
    expect(JSON.stringify(clean)).not.toContain(PATIENT);
    expect(clean).toMatchObject({
      error: { type: 'TypeError' },
      when: '2026-01-02T03:04:05.000Z',
      key: CENSOR,
      blob: '[16 octets]',
      size: '10',
      versions: { node: process.version },
      patient: { name: CENSOR },
      self: '[cycle]',
    });
  });
});
