import type { MethodName } from '../../../shared/api/contract';
import type { HandlerMap } from './handler';
import { captureHandlers } from './handlers/capture';
import { caseHandlers } from './handlers/cases';
import { resourcesHandlers } from './handlers/resources';
import { vaultHandlers } from './handlers/vault';

/** Every method of the contract must have exactly one handler: the type enforces it. */
export const handlers: HandlerMap<MethodName> = {
  ...vaultHandlers,
  ...caseHandlers,
  ...captureHandlers,
  ...resourcesHandlers,
};
