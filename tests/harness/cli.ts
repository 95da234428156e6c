import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { startHarness } from './server';

/** `npm run harness -- --data-dir DIR [--port N] [--demo]`: prints one line with the URL. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string' },
      demo: { type: 'boolean', default: false },
      'no-build': { type: 'boolean', default: false },
    },
  });
  const dataDir = path.resolve(values['data-dir'] ?? '.egide-dev/harness');
  mkdirSync(dataDir, { recursive: true });

  if (!values['no-build']) {
    const { build } = await import('electron-vite');
    await build({ logLevel: 'warn' });
  }

  const harness = await startHarness({
    dataDir,
    // With --demo the example vault lives in the data folder itself.
    ...(values.demo ? { demoDir: dataDir } : {}),
    ...(values.port ? { port: Number(values.port) } : {}),
  });
  if (values.demo) {
    const result = await harness.host.call('vault.openDemo', {});
    if (!result.ok) throw new Error(result.error.message);
    harness.host.lock('manual');
  }
  process.stdout.write(`${harness.url}\n`);

  const stop = () => void harness.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
