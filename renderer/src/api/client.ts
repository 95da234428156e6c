import type { ApiClient, Bridge } from '../../../shared/api/contract';
import type { ApiErrorData, ApiResult, ErrorCode } from '../../../shared/api/errors';

declare global {
  interface Window {
    egide?: Bridge;
  }
}

/** An API error as the UI sees it: a code for logic, a French message for the person. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;

  constructor(data: ApiErrorData) {
    super(data.message);
    this.code = data.code;
    this.field = data.field;
  }
}

type Listener = (error: ApiError) => void;
const lockListeners = new Set<Listener>();

/** The shell listens here to return to the lock screen when any call finds the vault locked. */
export function onVaultLocked(listener: Listener): () => void {
  lockListeners.add(listener);
  return () => lockListeners.delete(listener);
}

function bridge(): Bridge {
  if (!window.egide) throw new Error('window.egide is missing: the preload did not run');
  return window.egide;
}

/** `api.vault.unlock({...})` resolves with the value or throws an ApiError. */
export const api = new Proxy({} as ApiClient, {
  get(_target, ns: string) {
    return new Proxy(
      {},
      {
        get(_t, method: string) {
          return async (input: unknown = {}) => {
            const group = (bridge() as unknown as Record<string, Record<string, unknown>>)[ns];
            const fn = group?.[method] as ((i: unknown) => Promise<ApiResult<unknown>>) | undefined;
            if (!fn) throw new ApiError({ code: 'INTERNAL', message: 'Action indisponible.' });
            const result = await fn(input);
            if (result.ok) return result.value;
            const error = new ApiError(result.error);
            if (error.code === 'VAULT_LOCKED') for (const l of lockListeners) l(error);
            throw error;
          };
        },
      },
    );
  },
});

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return 'Une erreur inattendue est survenue. Réessayez.';
}

export const isHarness = (): boolean =>
  Boolean((window.egide as unknown as { __harness?: boolean } | undefined)?.__harness);
