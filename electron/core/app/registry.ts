import type { MethodName } from '../../../shared/api/contract';
import type { HandlerMap } from './handler';
import { captureHandlers } from './handlers/capture';
import { caseHandlers } from './handlers/cases';
import { exportHandlers } from './handlers/export';
import { letterHandlers } from './handlers/letters';
import { resourcesHandlers } from './handlers/resources';
import { securityHandlers } from './handlers/security';
import { vaultHandlers } from './handlers/vault';
import { watchHandlers } from './handlers/watch';

/** Every method of the contract must have exactly one handler: the type enforces it. */
export const handlers: HandlerMap<MethodName> = {
  ...vaultHandlers,
  ...caseHandlers,
  ...exportHandlers,
  ...letterHandlers,
  ...captureHandlers,
  ...resourcesHandlers,
  ...watchHandlers,
  ...securityHandlers,
};
