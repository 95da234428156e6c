import { describe, expect, it } from 'vitest';

import { METHOD_NAMES } from '../../../shared/api/contract';
import { METHOD_NAME_LIST } from '../../../shared/api/method-names';
import { handlers } from '../../../electron/core/app/registry';

describe('API contract', () => {
  it('lists for the preload exactly the methods of the contract', () => {
    expect([...METHOD_NAME_LIST].sort()).toEqual([...METHOD_NAMES].sort());
  });

  it('has one handler per method and no handler without a method', () => {
    expect(Object.keys(handlers).sort()).toEqual([...METHOD_NAMES].sort());
  });

  it('names every method as namespace.method', () => {
    for (const name of METHOD_NAMES) expect(name).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
  });
});
