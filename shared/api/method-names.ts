/**
 * The method names alone, without schemas, for the sandboxed preload (which must stay one small
 * file). A unit test asserts this list equals the contract's keys.
 */
export const METHOD_NAME_LIST = [
  'vault.status',
  'vault.create',
  'vault.unlock',
  'vault.recover',
  'vault.lock',
  'vault.openDemo',
  'vault.leaveDemo',
  'session.touch',
  'session.changePassphrase',
  'practice.get',
  'practice.update',
  'accounts.list',
  'accounts.add',
  'accounts.rename',
  'accounts.revoke',
  'settings.get',
  'settings.update',
] as const;

export const IPC_CHANNEL = 'egide:api';
