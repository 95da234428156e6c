/**
 * Errors that cross the API boundary as data: a stable code for code, and a French message for
 * the user that says what happened and what to do next. Never a stack trace.
 */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'VAULT_MISSING',
  'VAULT_EXISTS',
  'VAULT_DAMAGED',
  'VAULT_LOCKED',
  'WRONG_PASSPHRASE',
  'WRONG_RECOVERY_KEY',
  'WEAK_PASSPHRASE',
  'NOT_WRITABLE',
  'DISK_FULL',
  'IO_ERROR',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'FILE_REFUSED',
  'FILE_TOO_LARGE',
  'INTEGRITY',
  'CANCELLED',
  'NETWORK',
  'UNSAFE_URL',
  'UNAVAILABLE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiErrorData {
  code: ErrorCode;
  /** French, for the user: what happened and what to do. */
  message: string;
  /** Dotted path of the failing input field, when the error is about one. */
  field?: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;

  constructor(code: ErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.field = field;
  }

  toData(): ApiErrorData {
    return this.field === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, field: this.field };
  }
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorData };

export function assertNever(value: never, what = 'valeur'): never {
  throw new Error(`Cas non prévu pour ${what}: ${String(value)}`);
}
