import { execFileSync } from 'node:child_process';
import { symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RapportError } from '../../../shared/errors';
import { readUntrustedFile } from '../../../electron/core/untrusted-file';
import { tempDir } from '../../helpers/temp-dir';

const REPLY = { kind: 'reply', code: 'INVALID_INPUT' } as const;
const tooLarge = () => new RapportError('INVALID_INPUT', 'That file is too large to be a reply.');

async function refusal(path: string, maxBytes = 1024 * 1024): Promise<RapportError> {
  const error = await readUntrustedFile(path, maxBytes, REPLY, tooLarge).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(RapportError);
  return error as RapportError;
}

// The opener the reply-file import of the desktop bridge uses (electron/desktop.ts › openTextFile).
describe('reading a file the coach chose', () => {
  it('reads a regular file', async () => {
    const path = join(await tempDir(), 'reply.txt');
    await writeFile(path, 'Dear Dana, yes to the CV review.');
    expect((await readUntrustedFile(path, 1024, REPLY, tooLarge)).toString()).toBe('Dear Dana, yes to the CV review.');
  });

  it('refuses a link to /dev/zero at once instead of reading half a gigabyte', async () => {
    const path = join(await tempDir(), 'zero.txt');
    await symlink('/dev/zero', path);
    const started = performance.now();
    expect(await refusal(path)).toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/not a reply file: it is a folder, a device/),
    });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('refuses FIFOs without blocking, more of them at once than the thread pool has threads', async () => {
    const dir = await tempDir();
    const fifos = Array.from({ length: 6 }, (_, index) => join(dir, `reply-${index}.txt`));
    for (const fifo of fifos) execFileSync('mkfifo', [fifo]);
    for (const error of await Promise.all(fifos.map((fifo) => refusal(fifo)))) expect(error.code).toBe('INVALID_INPUT');
  });

  it('refuses a folder, a link loop, a missing file and a file over the limit, each in words about that file', async () => {
    const dir = await tempDir();
    await symlink(join(dir, 'b'), join(dir, 'a'));
    await symlink(join(dir, 'a'), join(dir, 'b'));
    await writeFile(join(dir, 'big.txt'), 'x'.repeat(2048));
    expect(await refusal(dir)).toMatchObject({ code: 'INVALID_INPUT' });
    expect(await refusal(join(dir, 'a'))).toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/link that leads nowhere/),
    });
    expect(await refusal(join(dir, 'missing.txt'))).toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringMatching(/cannot find that reply file/),
    });
    expect(await refusal(join(dir, 'big.txt'), 1024)).toMatchObject({ message: expect.stringMatching(/too large/) });
  });
});
