import type { ZodType } from 'zod';

import type { ApiResult } from './errors';
import type { InputOf, MethodDef, OutputOf } from './define';
import { resourcesApi } from './resources-api';
import { securityApi } from './security-api';
import { captureApi } from './capture-api';
import { casesApi } from './cases-api';
import { exportApi } from './export-api';
import { lettersApi } from './letters-api';
import { vaultApi } from './vault-api';
import { watchApi } from './watch-api';

/**
 * The whole API, one map from "namespace.method" to its definition. Electron main and the test
 * harness both serve exactly this map; the preload and the renderer derive their clients from it.
 */
export const contract = {
  ...vaultApi,
  ...casesApi,
  ...exportApi,
  ...lettersApi,
  ...captureApi,
  ...resourcesApi,
  ...watchApi,
  ...securityApi,
} satisfies Record<string, MethodDef<ZodType, unknown>>;

export type Contract = typeof contract;
export type MethodName = keyof Contract & string;

export const METHOD_NAMES = Object.keys(contract) as MethodName[];

type Namespace<K> = K extends `${infer N}.${string}` ? N : never;

/** `api.vault.unlock(input)` style client, grouped by namespace. */
export type ApiClient = {
  [N in Namespace<MethodName>]: {
    [K in MethodName as K extends `${N}.${infer M}` ? M : never]: (
      input: InputOf<Contract[K]>,
    ) => Promise<OutputOf<Contract[K]>>;
  };
};

/** What the preload exposes as `window.egide`: the same shape, results wrapped as data. */
export type Bridge = {
  [N in Namespace<MethodName>]: {
    [K in MethodName as K extends `${N}.${infer M}` ? M : never]: (
      input: InputOf<Contract[K]>,
    ) => Promise<ApiResult<OutputOf<Contract[K]>>>;
  };
};

export function splitMethod(name: MethodName): [string, string] {
  const dot = name.indexOf('.');
  return [name.slice(0, dot), name.slice(dot + 1)];
}
