import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tempDir } from './temp-dir';

/**
 * A small tmpfs mount, for a real full or read-only disk. Needs root; on machines where
 * mounting is not allowed the caller falls back (see `canMount`).
 */
export async function mountTmpfs(sizeKiB: number): Promise<{ dir: string; readOnly(): void; unmount(): void }> {
  const dir = await tempDir('rapport-tmpfs-');
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKiB}k,mode=0700`, 'tmpfs', dir]);
  return {
    dir,
    readOnly: () => execFileSync('mount', ['-o', 'remount,ro', dir]),
    unmount: () => execFileSync('umount', [dir]),
  };
}

/** Whether this machine lets the tests mount a tmpfs (Linux, as root, outside a locked-down container). */
export const canMount: boolean = (() => {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  const probe = mkdtempSync(join(tmpdir(), 'rapport-mount-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16k', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
})();
