/**
 * The one logger (pino, JSON lines, no worker transports). No patient, review or user text may
 * reach a log line, so every argument goes through three layers: sensitive keys are masked at any
 * depth, strings that look like an e-mail, a phone number or free text are masked wherever they
 * are, and errors keep their code and stack frames but never their message.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pino } from 'pino';
import type { DestinationStream, LogFn, Logger, LoggerOptions } from 'pino';
import { AppError } from '../../shared/api/errors';

export type { Logger };

export const CENSOR = '[masqué]';

/** Keys whose values are user data. A camelCase key also matches on its last word (authorName). */
const SENSITIVE_KEYS = [
  'passphrase',
  'password',
  'recoveryKey',
  'key',
  'secret',
  'token',
  'text',
  'verbatim',
  'body',
  'content',
  'message',
  'comment',
  'reply',
  'subject',
  'author',
  'name',
  'identity',
  'email',
  'phone',
  'address',
  'notes',
  'description',
  'title',
  'url',
  'query',
  'path',
] as const;

const SENSITIVE = new Set<string>(SENSITIVE_KEYS.map((k) => k.toLowerCase()));

/** pino's own redaction: a second net for the top two levels, should a value bypass the hook. */
export const REDACT_PATHS: readonly string[] = SENSITIVE_KEYS.flatMap((k) => [k, `*.${k}`]);

/** Longer strings are treated as free text: developers put data in short fields, not prose. */
export const MAX_PLAIN_STRING = 80;
const MAX_DEPTH = 8;
const MAX_ITEMS = 100;
const MAX_FRAMES = 20;

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
// Nine digits or more, optionally separated: French and international phone numbers, NIR.
// Neighbouring letters, digits or hyphens are excluded so that UUIDs and hashes survive.
const PHONE_LIKE = /(?<![\p{L}\p{N}_-])\+?\d(?:[ .-]?\d){8,}(?![\p{L}\p{N}_-])/gu;

/**
 * Library messages known to carry no user data (SQLite, aborts). Every other error message,
 * AppError's included (French UI text that may quote a file name), is dropped.
 */
const SAFE_ERROR_MESSAGES = new Set([
  'file is not a database',
  'database is locked',
  'database disk image is malformed',
  'disk I/O error',
  'database or disk is full',
  'attempt to write a readonly database',
  'unable to open database file',
  'The database connection is not open',
  'The operation was aborted',
  'This operation was aborted',
]);

export function isSensitiveKey(key: string): boolean {
  const lower = key.toLowerCase();
  if (SENSITIVE.has(lower)) return true;
  const words = key.split(/(?=[A-Z])|[_\-.\s]+/).filter((w) => w !== '');
  const last = words[words.length - 1];
  return last !== undefined && SENSITIVE.has(last.toLowerCase());
}

export function scrubString(value: string): string {
  if (value.length > MAX_PLAIN_STRING) return `[masqué : ${value.length} caractères]`;
  return value.replace(EMAIL, CENSOR).replace(PHONE_LIKE, CENSOR);
}

export interface SerializedError {
  type: string;
  code?: string;
  field?: string;
  errno?: number;
  syscall?: string;
  /** A library message from SAFE_ERROR_MESSAGES ('message' itself is a masked key). */
  reason?: string;
  stack?: string[];
  cause?: SerializedError;
  errors?: SerializedError[];
}

const FRAME = /^\s*at (?:(.+?) \()?(.+?):(\d+):(\d+)\)?\s*$/;

/** "fn file.js:12:5" per frame: the function and the file's base name, never a full path. */
function stackFrames(stack: string): string[] {
  const frames: string[] = [];
  for (const line of stack.split('\n')) {
    const m = FRAME.exec(line);
    if (m === null) continue;
    const fn = m[1] !== undefined && /^[\w$.<>[\] ]{1,60}$/.test(m[1]) ? m[1] : '<anonyme>';
    const file = (m[2] ?? '').split(/[\\/]/).pop() ?? '';
    const base = /^[\w.@-]{1,60}$/.test(file) ? file : '<fichier>';
    frames.push(`${fn} ${base}:${m[3]}:${m[4]}`);
    if (frames.length === MAX_FRAMES) break;
  }
  return frames;
}

export function serializeError(error: Error, depth = 0): SerializedError {
  const out: SerializedError = {
    type: /^[A-Z][A-Za-z]{0,40}$/.test(error.name) ? error.name : 'Error',
  };
  const extra = error as Error & { code?: unknown; errno?: unknown; syscall?: unknown };
  if (error instanceof AppError) {
    out.code = error.code;
    if (error.field !== undefined && /^[\w.[\]-]{1,80}$/.test(error.field)) out.field = error.field;
  } else {
    if (typeof extra.code === 'string' && /^[A-Z][A-Z0-9_]{1,60}$/.test(extra.code)) {
      out.code = extra.code;
    }
    if (SAFE_ERROR_MESSAGES.has(error.message)) out.reason = error.message;
  }
  if (typeof extra.errno === 'number') out.errno = extra.errno;
  if (typeof extra.syscall === 'string' && /^\w{1,30}$/.test(extra.syscall)) {
    out.syscall = extra.syscall;
  }
  if (typeof error.stack === 'string') out.stack = stackFrames(error.stack);
  if (depth < 3 && error.cause instanceof Error) out.cause = serializeError(error.cause, depth + 1);
  if (depth < 3 && error instanceof AggregateError && Array.isArray(error.errors)) {
    out.errors = error.errors
      .filter((e): e is Error => e instanceof Error)
      .slice(0, 5)
      .map((e) => serializeError(e, depth + 1));
  }
  return out;
}

function sanitize(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (typeof value === 'string') return scrubString(value);
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'bigint') return value.toString();
    return typeof value === 'function' || typeof value === 'symbol' ? undefined : value;
  }
  if (value instanceof Error) return serializeError(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) {
    return `[${value.byteLength} octets]`;
  }
  if (value instanceof Map || value instanceof Set) return `[${value.constructor.name}]`;
  if (depth >= MAX_DEPTH) return '[profondeur]';
  if (seen.has(value)) return '[cycle]';
  seen.add(value);

  if (Array.isArray(value)) {
    const items = value.slice(0, MAX_ITEMS).map((v) => sanitize(v, depth + 1, seen));
    if (value.length > MAX_ITEMS) items.push(`[${value.length - MAX_ITEMS} de plus]`);
    return items;
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    // A flag or an absent value says nothing about anyone; any other value of such a key is data.
    const keep = v === null || v === undefined || typeof v === 'boolean';
    out[k] = isSensitiveKey(k) && !keep ? CENSOR : sanitize(v, depth + 1, seen);
  }
  return out;
}

/** The same cleaning as the log lines, for the crash report the user may copy and send. */
export function redactForReport(value: unknown): unknown {
  return sanitize(value, 0, new WeakSet());
}

function sanitizeRecord(value: Record<string, unknown>): Record<string, unknown> {
  return sanitize(value, 0, new WeakSet()) as Record<string, unknown>;
}

/** Runs before pino sees the arguments: the merging object, the message and any %s values. */
function sanitizeArgs(args: unknown[]): unknown[] {
  const [first, ...rest] = args;
  const tail = rest.map((a) => redactForReport(a));
  if (first instanceof Error) return [{ err: serializeError(first) }, ...tail];
  return [redactForReport(first), ...tail];
}

const LEVELS = new Set(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

function loggerOptions(level: string | undefined): LoggerOptions {
  return {
    level: level !== undefined && LEVELS.has(level) ? level : 'info',
    // No hostname: a cabinet's PC is often named after the doctor.
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: [...REDACT_PATHS], censor: CENSOR },
    // Errors are already serialized by the hook; pino's own serializer would bring messages back.
    serializers: { err: (value: unknown) => value },
    formatters: {
      level: (label) => ({ level: label }),
      bindings: (bindings) => sanitizeRecord(bindings),
    },
    hooks: {
      logMethod(args, method) {
        method.apply(this, sanitizeArgs(args) as Parameters<LogFn>);
      },
    },
  };
}

/**
 * Synchronous writes: a few lines a minute cost nothing, and the line written just before a crash
 * is not lost in a buffer. The file is readable by its owner only.
 */
function fileDestination(file: string) {
  return pino.destination({ dest: file, sync: true, mkdir: true, append: true, mode: 0o600 });
}

export interface CreateLoggerOptions {
  /** Absolute path of the log file; stderr when absent. */
  file?: string;
  level?: string;
}

export function createLogger(options: CreateLoggerOptions = {}): Logger {
  const destination =
    options.file === undefined
      ? pino.destination({ dest: 2, sync: true })
      : fileDestination(options.file);
  return pino(loggerOptions(options.level), destination);
}

type FileDestination = ReturnType<typeof fileDestination>;

/** Lets the module logger, and the children already taken from it, move from stderr to a file. */
class SwitchableDestination implements DestinationStream {
  private file: FileDestination | null = null;

  write(line: string): void {
    if (this.file === null) process.stderr.write(line);
    else this.file.write(line);
  }

  use(next: FileDestination | null): void {
    const previous = this.file;
    this.file = next;
    previous?.end();
  }
}

const sink = new SwitchableDestination();

/** The app's logger: take `logger.child({ subsystem: 'vault' })` in each subsystem. */
export const logger: Logger = pino(loggerOptions('info'), sink);

/** The module logger, for code that takes it lazily (`getLogger().child({ subsystem })`). */
export function getLogger(): Logger {
  return logger;
}

export const MAX_LOG_BYTES = 5 * 1024 * 1024;

/**
 * Sends the module logger to a file from now on. A file past MAX_LOG_BYTES is moved to
 * `<file>.1` first (replacing the older one), so the logs never grow without bound.
 */
export function initLogFile(file: string, maxBytes = MAX_LOG_BYTES): void {
  try {
    if (fs.statSync(file).size > maxBytes) fs.renameSync(file, `${file}.1`);
  } catch {
    // No file yet, or it cannot be rotated: appending to it is still the best option.
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  sink.use(fileDestination(file));
}

/** Back to stderr, closing the file (on quit, and between tests). */
export function closeLogFile(): void {
  sink.use(null);
}
