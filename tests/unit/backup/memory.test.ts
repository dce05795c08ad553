import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp-dir';
import { clientDocument, practiceDocument, seedDataDir } from './fixtures';
import { bundleChild } from './child-process';
import { filesOnDisk, withAttachments } from './container-fixtures';

/*
 * A backup and a restore stream the attached files, so memory does not grow with them. Measured
 * in a child process, on the peak resident set (worker threads included) each adds above the open
 * workspaces, from a collected heap: 300 MB of attachments plain, 100 MB encrypted (the
 * JavaScript cipher of age-encryption is slow). Plain, both stay within the 64 MiB
 * (measured: backup +23–26 MiB, restore +33–54 MiB under load). With a passphrase, scrypt needs a
 * fixed 128 MiB at the work factor the format sets (N = 2^17, r = 8; the security issue requires
 * it): the key is derived before the archive reads anything, so that peak and the streaming one
 * do not add, but the first passphrase of a session also loads the strength checker's
 * dictionaries (about 28 MiB, kept from then on). Measured: +152–154 MiB each way; the bound is
 * the 64 MiB plus scrypt's 128 MiB (docs/backups.md, "Memory").
 */

const FILE_BYTES = 100 * 1024 * 1024;
const MiB = 1024 * 1024;
const canResetPeak = process.platform === 'linux';

/** A 100 MB file of its own bytes, written a megabyte at a time (never whole in memory), and its digest. */
async function largeFile(dir: string, seed: number): Promise<Buffer> {
  const block = randomBytes(1024 * 1024);
  const hash = createHash('sha256');
  const temp = join(dir, `large-${seed}`);
  const handle = await open(temp, 'w');
  for (let at = 0; at < FILE_BYTES; at += block.length) {
    block.writeUInt32BE(at, 0);
    block.writeUInt32BE(seed, 4);
    hash.update(block);
    await handle.write(block);
  }
  await handle.close();
  const digest = hash.digest('hex');
  const { rename } = await import('node:fs/promises');
  await rename(temp, join(dir, digest));
  return Buffer.from(digest, 'hex');
}

/** Builds memory-child.ts and runs it on `root`; its last line is what it measured. */
async function runChild(root: string, passphrase: string): Promise<string> {
  const script = await bundleChild('memory-child', root);
  return execFileSync(process.execPath, ['--expose-gc', script, root, passphrase], { encoding: 'utf8' });
}

describe.skipIf(!canResetPeak)('memory while backing up and restoring large attachments', () => {
  it.each([
    { passphrase: '', files: 3, limit: 64 * MiB },
    { passphrase: 'correct horse battery', files: 1, limit: (64 + 128) * MiB },
  ])(
    'stays within a bound that does not grow with the files ($files × 100 MB, passphrase "$passphrase")',
    { timeout: 120_000 },
    async ({ passphrase, files, limit }) => {
      const root = await tempDir();
      const dataDir = join(root, 'data');
      const { mkdir } = await import('node:fs/promises');
      await mkdir(join(dataDir, 'files'), { recursive: true });
      const digests: string[] = [];
      for (let seed = 0; seed < files; seed += 1) digests.push((await largeFile(join(dataDir, 'files'), seed)).toString('hex'));
      const client = withAttachments(clientDocument('Large Files'), []);
      client.documents = digests.map((sha256, index) => ({
        ...withAttachments(clientDocument('x'), [Buffer.from('x')]).documents[0],
        name: `Scan ${index + 1}.pdf`,
        size: FILE_BYTES,
        sha256,
      }));
      await seedDataDir(dataDir, practiceDocument('Dana Coach'), [client]);

      const output = await runChild(root, passphrase);
      const { backupGrowth, restoreGrowth, backupMs, restoreMs } = JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as Record<
        string,
        number
      >;
      const mib = (bytes: number) => (bytes / MiB).toFixed(1);
      console.info(
        `${files * 100} MB of attachments${passphrase ? ', encrypted' : ''}: peak RSS +${mib(backupGrowth)} MiB in backup (${backupMs.toFixed(0)} ms), +${mib(restoreGrowth)} MiB in restore (${restoreMs.toFixed(0)} ms)`,
      );
      expect(backupGrowth).toBeLessThanOrEqual(limit);
      expect(restoreGrowth).toBeLessThanOrEqual(limit);
      expect(await filesOnDisk(join(root, 'restored'))).toEqual([...digests].sort());
    },
  );
});
