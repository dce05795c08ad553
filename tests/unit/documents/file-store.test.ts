import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  filesDir,
  putFile,
  referencedFiles,
  removeFile,
  storedFilePath,
  storedFiles,
  sweepFiles,
  verifyFile,
} from '../../../electron/core/files/file-store';
import { RapportError } from '../../../shared/errors';
import { tempDir } from '../../helpers/temp-dir';
import { attached } from './fixtures';

const sha = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');
const tooLarge = () => new RapportError('INVALID_INPUT', 'too large');
const empty = () => new RapportError('INVALID_INPUT', 'empty');
const options = { maxBytes: 1024, tooLarge, empty };

async function* pieces(...parts: (string | Uint8Array)[]): AsyncIterable<Uint8Array> {
  for (const part of parts) yield typeof part === 'string' ? Buffer.from(part) : part;
}

async function* failing(after: string): AsyncIterable<Uint8Array> {
  yield Buffer.from(after);
  throw new Error('the disk went away');
}

describe('the content-addressed file store', () => {
  it('stores bytes under their SHA-256, private to the user, and reports progress', async () => {
    const dataDir = await tempDir();
    const progress: number[] = [];
    const result = await putFile(dataDir, pieces('Hello, ', 'CV'), { ...options, onProgress: (bytes) => progress.push(bytes) });
    expect(result).toEqual({ sha256: sha('Hello, CV'), size: 9, written: true });
    expect(progress).toEqual([7, 9]);
    expect(await readFile(storedFilePath(dataDir, result.sha256), 'utf8')).toBe('Hello, CV');
    expect(await readdir(filesDir(dataDir))).toEqual([result.sha256]);
    if (process.platform !== 'win32') expect((await stat(storedFilePath(dataDir, result.sha256))).mode & 0o777).toBe(0o600);
    expect(await verifyFile(dataDir, result.sha256)).toBe('ok');
  });

  it('keeps one file for the same bytes stored twice', async () => {
    const dataDir = await tempDir();
    const first = await putFile(dataDir, pieces('same bytes'), options);
    const before = await stat(storedFilePath(dataDir, first.sha256));
    const second = await putFile(dataDir, pieces('same ', 'bytes'), options);
    expect(second).toEqual({ ...first, written: false });
    expect(await readdir(filesDir(dataDir))).toEqual([first.sha256]);
    expect((await stat(storedFilePath(dataDir, first.sha256))).ino).toBe(before.ino);
  });

  it('replaces a damaged stored copy with the fresh one when the same bytes come again', async () => {
    const dataDir = await tempDir();
    const { sha256 } = await putFile(dataDir, pieces('original'), options);
    await writeFile(storedFilePath(dataDir, sha256), 'bit rot!');
    expect(await verifyFile(dataDir, sha256)).toBe('damaged');
    expect(await putFile(dataDir, pieces('original'), options)).toMatchObject({ sha256, written: true });
    expect(await verifyFile(dataDir, sha256)).toBe('ok');
  });

  it('refuses an empty source and one above the limit, leaving nothing behind', async () => {
    const dataDir = await tempDir();
    await expect(putFile(dataDir, pieces(), options)).rejects.toThrow('empty');
    await expect(putFile(dataDir, pieces(new Uint8Array(1000), new Uint8Array(25)), options)).rejects.toThrow('too large');
    await expect(putFile(dataDir, failing('half a file'), options)).rejects.toThrow('the disk went away');
    expect(await readdir(filesDir(dataDir))).toEqual([]);
  });

  it('accepts exactly the limit', async () => {
    const dataDir = await tempDir();
    const bytes = new Uint8Array(1024).fill(7);
    expect(await putFile(dataDir, pieces(bytes), options)).toMatchObject({ sha256: sha(bytes), size: 1024 });
  });

  it('tells a missing file from a damaged one', async () => {
    const dataDir = await tempDir();
    expect(await verifyFile(dataDir, sha('never stored'))).toBe('missing');
    const { sha256 } = await putFile(dataDir, pieces('abc'), options);
    await writeFile(storedFilePath(dataDir, sha256), 'abd');
    expect(await verifyFile(dataDir, sha256)).toBe('damaged');
  });

  it('removes a file, and removing it again is fine', async () => {
    const dataDir = await tempDir();
    const { sha256 } = await putFile(dataDir, pieces('to go'), options);
    await removeFile(dataDir, sha256);
    await removeFile(dataDir, sha256);
    expect(await storedFiles(dataDir)).toEqual([]);
  });

  it('never builds a path from anything but a digest', async () => {
    const dataDir = await tempDir();
    for (const name of ['../clients', sha('x').toUpperCase(), `${sha('x')}.pdf`, '', `${sha('x').slice(0, 63)}/`]) {
      expect(() => storedFilePath(dataDir, name)).toThrow(RapportError);
    }
    await expect(removeFile(dataDir, '../practice.json')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('sweeps temp files and files no document names, and nothing else', async () => {
    const dataDir = await tempDir();
    const kept = await putFile(dataDir, pieces('kept'), options);
    const orphan = await putFile(dataDir, pieces('orphan'), options);
    await writeFile(join(filesDir(dataDir), '.tmp-0123456789abcdef'), 'half');
    await mkdir(join(filesDir(dataDir), 'not-ours'));
    const removed = await sweepFiles(dataDir, new Set([kept.sha256]));
    expect(removed.sort()).toEqual(['.tmp-0123456789abcdef', orphan.sha256].sort());
    expect((await readdir(filesDir(dataDir))).sort()).toEqual([kept.sha256, 'not-ours'].sort());
    expect(await storedFiles(dataDir)).toEqual([kept.sha256]);
    expect(await sweepFiles(join(dataDir, 'nowhere'), new Set())).toEqual([]);
  });

  it('lists each file a client document names once', () => {
    const cv = attached('cv');
    expect(referencedFiles({ documents: [] })).toEqual([]);
    expect(referencedFiles({ documents: [cv, { ...cv, id: attached('x').id }, attached('letter')] })).toEqual([
      { sha256: cv.sha256, size: cv.size },
      { sha256: sha('letter'), size: 6 },
    ]);
  });
});
