import { contextBridge, ipcRenderer } from 'electron';

import { IPC_CHANNEL, METHOD_NAME_LIST } from '../../shared/api/method-names';

/**
 * Exposes `window.egide.<namespace>.<method>(input)` and nothing else: no channel name, no
 * ipcRenderer. Each function sends one invoke on the single API channel; main validates it.
 */
const api: Record<string, Record<string, (input: unknown) => Promise<unknown>>> = {};
for (const name of METHOD_NAME_LIST) {
  const [ns, method] = name.split('.') as [string, string];
  api[ns] ??= {};
  api[ns][method] = (input: unknown) => ipcRenderer.invoke(IPC_CHANNEL, name, input);
}

contextBridge.exposeInMainWorld('egide', api);
