import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const config = createRequire(import.meta.url)(resolve(ROOT, 'electron-builder.config.cjs')) as {
  electronFuses?: Record<string, boolean>;
  linux?: { target?: string[]; maintainer?: string };
};

// electron-builder fetches the Electron binary before it checks a target's metadata, and that
// download is impossible here, so `npm run package` cannot run in this suite: these check
// statically what its deb target and fuse step need.
describe('packaging metadata', () => {
  it('gives the deb target a project homepage and a maintainer (fpm refuses to build without them)', async () => {
    const pkg = JSON.parse(await readFile(resolve(ROOT, 'package.json'), 'utf8')) as { homepage?: string };
    expect(config.linux?.target).toContain('deb');
    expect(new URL(pkg.homepage ?? '').protocol).toBe('https:');
    expect(config.linux?.maintainer).toBeTruthy();
  });

  it('re-signs ad hoc after flipping the fuses, so an unsigned Apple-silicon build still launches', () => {
    expect(config.electronFuses?.resetAdHocDarwinSignature).toBe(true);
  });
});
