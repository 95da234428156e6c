import type { MethodName } from '../../../shared/api/contract';
import type { HandlerMap } from './handler';
import { vaultHandlers } from './handlers/vault';

/** Every method of the contract must have exactly one handler: the type enforces it. */
export const handlers: HandlerMap<MethodName> = {
  ...vaultHandlers,
};
