import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FUSES } from '../../../electron/main/policy';

interface PackContext {
  appOutDir: string;
  electronPlatformName: string;
  arch?: number;
  packager: { executableName?: string; appInfo: { productFilename: string } };
}

interface FusesLib {
  FuseVersion: { V1: string };
  FuseV1Options: Record<string, number | string>;
  getCurrentFuseWire(file: string): Promise<Record<string, number | string>>;
}

type AfterPack = ((context: PackContext) => Promise<void>) & {
  FUSES: Record<string, boolean>;
  electronBinaryPath(context: PackContext): string;
  fuseConfig(fuses: FusesLib, context: PackContext): Record<string, unknown>;
};

const require = createRequire(import.meta.url);
const afterPack = require('../../../scripts/after-pack.cjs') as AfterPack;
const fuses = require('@electron/fuses') as FusesLib;

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const ENABLE = 49;
const DISABLE = 48;

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function context(platform: string, appOutDir = '/build/out', arch = 1): PackContext {
  return {
    appOutDir,
    electronPlatformName: platform,
    arch,
    packager: { executableName: 'egide', appInfo: { productFilename: 'Égide' } },
  };
}

describe('Electron fuses', () => {
  it('are the same in policy.ts and in the afterPack hook', () => {
    expect(afterPack.FUSES).toEqual({ ...FUSES });
    expect(Object.keys(FUSES)).toHaveLength(8);
  });

  it('take the values the security review asked for', () => {
    expect(FUSES).toMatchObject({
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      LoadBrowserProcessSpecificV8Snapshot: false,
      GrantFileProtocolExtraPrivileges: false,
    });
  });

  it('name only fuses that @electron/fuses knows', () => {
    const config = afterPack.fuseConfig(fuses, context('linux'));
    expect(config.version).toBe(fuses.FuseVersion.V1);
    for (const [name, value] of Object.entries(FUSES)) {
      const index = fuses.FuseV1Options[name];
      expect(typeof index, name).toBe('number');
      expect(config[String(index)], name).toBe(value);
    }
  });

  it('re-sign ad hoc only for arm64 and universal macOS builds', () => {
    expect(afterPack.fuseConfig(fuses, context('darwin', '/o', 3)).resetAdHocDarwinSignature).toBe(
      true,
    );
    expect(afterPack.fuseConfig(fuses, context('darwin', '/o', 1)).resetAdHocDarwinSignature).toBe(
      false,
    );
    expect(afterPack.fuseConfig(fuses, context('win32', '/o', 3)).resetAdHocDarwinSignature).toBe(
      false,
    );
  });

  it('find the Electron binary the way electron-builder names it', () => {
    expect(afterPack.electronBinaryPath(context('win32'))).toBe(
      path.join('/build/out', 'Égide.exe'),
    );
    expect(afterPack.electronBinaryPath(context('linux'))).toBe(path.join('/build/out', 'egide'));
    expect(afterPack.electronBinaryPath(context('darwin'))).toBe(
      path.join('/build/out', 'Égide.app'),
    );
    expect(() => afterPack.electronBinaryPath(context('sunos'))).toThrow(/unknown platform/);
  });

  it('are flipped in the packaged binary by the hook', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'egide-fuses-'));
    dirs.push(dir);
    // A fake binary carrying a V1 fuse wire of 8 fuses in Electron's default states.
    const defaults = [ENABLE, DISABLE, ENABLE, ENABLE, DISABLE, DISABLE, DISABLE, ENABLE];
    const binary = Buffer.concat([
      Buffer.from('\x7fELF padding '),
      Buffer.from(SENTINEL),
      Buffer.from([1, defaults.length, ...defaults]),
      Buffer.from(' trailer'),
    ]);
    fs.writeFileSync(path.join(dir, 'egide'), binary);

    await afterPack(context('linux', dir));

    const wire = await fuses.getCurrentFuseWire(path.join(dir, 'egide'));
    for (const [name, value] of Object.entries(FUSES)) {
      const index = fuses.FuseV1Options[name];
      expect(wire[String(index)], name).toBe(value ? ENABLE : DISABLE);
    }
  });
});
