import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareFileDurably, writeFileDurably } from '../../../electron/core/durable-write';
import { tempDir } from '../../helpers/temp-dir';

describe('durable writes', () => {
  it('write content given in pieces in order, beyond what one writev call takes on any platform', async () => {
    const target = join(await tempDir(), 'pieces.txt');
    const pieces = Array.from({ length: 3000 }, (_, index) => Buffer.from(`${index},`));
    await writeFileDurably(target, pieces);
    expect(await readFile(target, 'utf8')).toBe(Buffer.concat(pieces).toString());
  });

  it('leave the target untouched until commit, and without a trace when discarded', async () => {
    const dir = await tempDir();
    const target = join(dir, 'backup.json');
    await writeFile(target, 'old');
    const discarded = await prepareFileDurably(target, [Buffer.from('new')]);
    expect(await readFile(target, 'utf8')).toBe('old');
    await discarded.discard();
    expect(await readdir(dir)).toEqual(['backup.json']);

    const committed = await prepareFileDurably(target, [Buffer.from('n'), Buffer.from('ew')]);
    await committed.commit();
    await committed.discard();
    expect(await readFile(target, 'utf8')).toBe('new');
    expect(await readdir(dir)).toEqual(['backup.json']);
  });
});
