'use strict';
/**
 * electron-builder afterPack hook: flips the Electron fuses in the packaged binary. It runs after
 * the app is copied and before code signing, which is the order the fuses need (flipping them
 * changes the binary, so a signature made earlier would break).
 *
 * The values duplicate FUSES in electron/main/policy.ts: this hook runs under plain Node before
 * any TypeScript is compiled for it. tests/unit/security/fuses.test.ts fails when the two differ.
 */
const path = require('node:path');

const FUSES = Object.freeze({
  RunAsNode: false,
  EnableCookieEncryption: true,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  LoadBrowserProcessSpecificV8Snapshot: false,
  GrantFileProtocolExtraPrivileges: false,
});

/** Same rule as electron-builder's own fuse step (PlatformPackager.addElectronFuses). */
function electronBinaryPath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  switch (electronPlatformName) {
    case 'darwin':
    case 'mas':
      // @electron/fuses finds the framework binary inside the bundle by itself.
      return path.join(appOutDir, `${packager.appInfo.productFilename}.app`);
    case 'win32':
      return path.join(appOutDir, `${packager.appInfo.productFilename}.exe`);
    case 'linux':
      return path.join(appOutDir, packager.executableName);
    default:
      throw new Error(`afterPack: unknown platform ${String(electronPlatformName)}`);
  }
}

// builder-util's Arch enum: arm64 and universal builds carry an arm64 slice.
const ARCH_ARM64 = 3;
const ARCH_UNIVERSAL = 4;

/**
 * Limitation: strictlyRequireAllFuses stays off. A newer Electron may carry fuses that
 * @electron/fuses 1.8 cannot name; those keep Electron's defaults instead of failing the build.
 */
function fuseConfig(fuses, context) {
  const { FuseVersion, FuseV1Options } = fuses;
  const isMac = context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas';
  const config = {
    version: FuseVersion.V1,
    // Flipping invalidates the ad-hoc signature that arm64 macOS binaries must carry to start;
    // re-sign ad hoc (a real signature, when configured, is applied after this hook).
    resetAdHocDarwinSignature:
      isMac && (context.arch === ARCH_ARM64 || context.arch === ARCH_UNIVERSAL),
  };
  for (const [name, value] of Object.entries(FUSES)) {
    const index = FuseV1Options[name];
    if (typeof index !== 'number') {
      throw new Error(`afterPack: @electron/fuses does not know the fuse ${name}`);
    }
    config[index] = value;
  }
  return config;
}

async function afterPack(context) {
  const fuses = require('@electron/fuses');
  const binary = electronBinaryPath(context);
  await fuses.flipFuses(binary, fuseConfig(fuses, context));
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.FUSES = FUSES;
module.exports.electronBinaryPath = electronBinaryPath;
module.exports.fuseConfig = fuseConfig;
