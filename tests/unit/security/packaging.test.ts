import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

interface BuilderConfig {
  asar?: boolean;
  files?: string[];
  electronFuses?: Record<string, boolean>;
}

const require = createRequire(import.meta.url);
const config = require(resolve(import.meta.dirname, '../../../electron-builder.config.cjs')) as BuilderConfig;

/** The fuse names electron-builder applies, from its own configuration schema. */
function fusesElectronBuilderKnows(): string[] {
  const builderDir = dirname(require.resolve('electron-builder/package.json'));
  const libDir = dirname(require.resolve('app-builder-lib/package.json', { paths: [builderDir] }));
  const scheme = require(join(libDir, 'scheme.json')) as { definitions: { FuseOptionsV1: { properties: Record<string, unknown> } } };
  return Object.keys(scheme.definitions.FuseOptionsV1.properties);
}

describe('packaging (electron-builder.config.cjs)', () => {
  it('flips the fuses that stop code injection and tampering in the packaged app', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('names every fuse the way electron-builder applies it (a misspelt fuse would be ignored)', () => {
    const known = fusesElectronBuilderKnows();
    expect(known).toContain('runAsNode');
    expect(Object.keys(config.electronFuses ?? {}).filter((name) => !known.includes(name))).toEqual([]);
  });

  it('packs the app into an ASAR archive with only the built output and no node_modules', () => {
    expect(config.asar).toBe(true);
    expect(config.files).toEqual(['out/**', 'package.json']);
    const pkg = require(resolve(import.meta.dirname, '../../../package.json')) as { dependencies?: Record<string, string> };
    // Everything the app runs is bundled into out/ at build time, so `npm audit --omit=dev` has nothing to audit.
    expect(pkg.dependencies ?? {}).toEqual({});
  });
});
