// Builds the native SQLite module for the runtime about to use it: plain Node (tests, harness,
// bench) or Electron (npm start, packaging). The two ABIs differ, so switching costs a rebuild;
// a marker in node_modules avoids rebuilding when nothing changed.
import { execSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const target = process.argv[2];
if (target !== 'node' && target !== 'electron') {
  console.error('usage: node scripts/native-for.mjs node|electron');
  process.exit(2);
}
const marker = 'node_modules/.egide-native-target';
const current = existsSync(marker) ? readFileSync(marker, 'utf8').trim() : 'node';
const run = (cmd) => execSync(cmd, { stdio: 'inherit' });

if (target === 'node') {
  const require = createRequire(import.meta.url);
  let loads = current === 'node';
  if (loads) {
    try {
      const Database = require('better-sqlite3-multiple-ciphers');
      new Database(':memory:').close();
    } catch {
      loads = false;
    }
  }
  if (!loads) {
    console.log('Rebuilding better-sqlite3-multiple-ciphers for Node…');
    run('npm rebuild better-sqlite3-multiple-ciphers');
  }
  writeFileSync(marker, 'node\n');
} else if (current !== 'electron') {
  console.log('Rebuilding native modules for Electron (needs network access the first time)…');
  run('npx electron-builder install-app-deps');
  writeFileSync(marker, 'electron\n');
}
