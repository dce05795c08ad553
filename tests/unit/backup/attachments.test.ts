import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp-dir';
import { testWorkspace } from '../../helpers/workspace-api';
import { rejection } from '../../helpers/rejection';
import { clientDocument, documentsOnDisk, expectedDocuments, hashTree, practiceDocument, seedDataDir } from './fixtures';
import { digestOf, filesOnDisk, seedFiles, tarEntries, withAttachments } from './container-fixtures';

const now = () => new Date('2026-03-02T09:00:00.000Z');
const PASSPHRASE = 'correct horse battery';
const hasAge = spawnSync('age', ['--version']).status === 0 && spawnSync('script', ['--version']).status === 0;

async function practiceWithFiles() {
  const root = await tempDir();
  const dataDir = join(root, 'data');
  const shared = randomBytes(70_000);
  const files = [randomBytes(300_000), shared, randomBytes(1), Buffer.from('plain text CV\n')];
  const practice = practiceDocument('Dana Coach');
  const clients = [
    withAttachments(clientDocument('Amara Okafor', 1), [files[0], shared]),
    withAttachments(clientDocument('Ben Ito'), [shared, files[2], files[3]]),
    clientDocument('Chen Wei'),
  ];
  await seedDataDir(dataDir, practice, clients);
  await seedFiles(dataDir, files);
  const workspace = await testWorkspace({ dir: dataDir, now, backupsDir: join(root, 'backups') });
  return { root, dataDir, practice, clients, files, workspace };
}

describe.each([
  { label: 'plain', passphrase: undefined },
  { label: 'encrypted', passphrase: PASSPHRASE },
])('a backup with attached files ($label)', ({ passphrase }) => {
  const options = passphrase === undefined ? {} : { passphrase };

  it('holds every attached file once and restores them with the documents into another data folder', async () => {
    const { root, practice, clients, files, workspace } = await practiceWithFiles();
    const filePath = join(root, 'b.rapport-backup');
    await workspace.backup.create(filePath, options);

    // A data folder with documents and files of its own: those the backup does not name go.
    const target = join(root, 'target');
    const stale = randomBytes(5000);
    await seedDataDir(target, practiceDocument('Other'), [withAttachments(clientDocument('Zed Other'), [stale, files[3]])]);
    await seedFiles(target, [stale, files[3]]);
    const other = await testWorkspace({ dir: target, now, backupsDir: join(root, 'target-backups') });
    const restored = await other.backup.restore(filePath, options);
    expect(restored.counts.clients).toBe(3);
    expect(await documentsOnDisk(target)).toEqual(expectedDocuments(practice, clients));
    expect(await filesOnDisk(target)).toEqual(files.map(digestOf).sort());
    expect(await readdir(target)).toEqual(expect.not.arrayContaining([expect.stringMatching(/staging|journal/)]));

    // The safety backup holds the data as it was, its file included.
    const safety = join(root, 'target-backups', restored.safetyBackup);
    const back = await testWorkspace({ dir: join(root, 'third'), now, backupsDir: join(root, 'third-backups') });
    await back.backup.restore(safety, options);
    expect(await filesOnDisk(join(root, 'third'))).toEqual([stale, files[3]].map(digestOf).sort());
  });
});

describe('a restore into an empty data folder', () => {
  it('stages files on both sides of the size it reads whole, each byte for byte, readable by the coach only', async () => {
    const root = await tempDir();
    const dataDir = join(root, 'data');
    const MiB = 1024 * 1024;
    // Small files are read whole and written in the background, larger ones streamed (read-container.ts).
    const files = [MiB - 1, MiB, MiB + 1, 3 * MiB + 7, 20].map((size) => randomBytes(size));
    await seedDataDir(dataDir, practiceDocument('Dana Coach'), [
      withAttachments(clientDocument('Amara Okafor'), files.slice(0, 3)),
      withAttachments(clientDocument('Ben Ito'), files.slice(2)),
    ]);
    await seedFiles(dataDir, files);
    const workspace = await testWorkspace({ dir: dataDir, now, backupsDir: join(root, 'backups') });
    const filePath = join(root, 'b.rapport-backup');
    await workspace.backup.create(filePath);

    const target = join(root, 'new-computer');
    const fresh = await testWorkspace({ dir: target, now, backupsDir: join(root, 'new-backups') });
    await fresh.backup.restore(filePath);
    expect(await filesOnDisk(target)).toEqual(files.map(digestOf).sort());
    for (const name of await readdir(join(target, 'files')))
      expect((await stat(join(target, 'files', name))).mode & 0o777, name).toBe(0o600);
  });
});

describe('the format 3 container', () => {
  it('is a tar anyone can list and unpack, the manifest first, with what each file is', async () => {
    const { root, dataDir, files, workspace } = await practiceWithFiles();
    const filePath = join(root, 'b.rapport-backup');
    await workspace.backup.create(filePath);
    const entries = await tarEntries(filePath);
    const names = entries.map((entry) => entry.name);
    expect(names.slice(0, 2)).toEqual(['manifest.json', 'practice.json']);
    expect(names.map(order)).toEqual([...names.map(order)].sort());
    expect([...names].sort()).toEqual(
      [
        'manifest.json',
        'practice.json',
        ...(await readdir(join(dataDir, 'clients'))).map((name) => `clients/${name}`),
        ...files.map((bytes) => `files/${digestOf(bytes)}`),
      ].sort(),
    );
    const listed = execFileSync('tar', ['-tf', filePath], { encoding: 'utf8' }).trim().split('\n');
    expect(listed).toEqual(entries.map((entry) => entry.name));
    const out = join(root, 'unpacked');
    await mkdir(out);
    execFileSync('tar', ['-xf', filePath, '-C', out]);
    for (const bytes of files) expect(await readFile(join(out, 'files', digestOf(bytes)))).toEqual(bytes);
    const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest).toMatchObject({ format: 'rapport-backup', formatVersion: 3, files: 4, counts: { clients: 3 } });
  });

  it.skipIf(!hasAge)('when encrypted, is an age file the age command-line tool opens with the passphrase', async () => {
    const { root, files, workspace } = await practiceWithFiles();
    const filePath = join(root, 'b.rapport-backup');
    await workspace.backup.create(filePath, { passphrase: PASSPHRASE });
    const tarPath = join(root, 'decrypted.tar');
    // age reads a passphrase only from a terminal: `script` gives it one, fed from this input.
    execFileSync('script', ['-qec', `age -d -o '${tarPath}' '${filePath}'`, '/dev/null'], { input: `${PASSPHRASE}\n` });
    const entries = await tarEntries(tarPath);
    expect(entries[0].name).toBe('manifest.json');
    for (const bytes of files) expect(entries.find((entry) => entry.name === `files/${digestOf(bytes)}`)?.bytes).toEqual(bytes);
  });

  it('shows nothing in clear when encrypted: no names, counts, manifest or digests of the plain backup', async () => {
    const { root, files, workspace } = await practiceWithFiles();
    const encrypted = join(root, 'e.rapport-backup');
    const plain = join(root, 'p.rapport-backup');
    await workspace.backup.create(encrypted, { passphrase: PASSPHRASE });
    await workspace.backup.create(plain);
    const text = (await readFile(encrypted)).toString('latin1');
    const manifest = JSON.parse((await tarEntries(plain))[0].bytes.toString('utf8')) as { entries: { sha256: string }[] };
    const revealing = [
      digestOf(await readFile(plain)),
      ...manifest.entries.map((entry) => entry.sha256),
      ...files.filter((bytes) => bytes.length >= 16).map((bytes) => bytes.subarray(0, 16).toString('latin1')),
      'plain text CV',
      'Amara',
      'manifest',
      'files/',
      'ustar',
      'counts',
      '2026-03-02',
    ];
    for (const word of revealing) expect(text).not.toContain(word);
  });

  it('refuses an age header asking for more scrypt work than Rapport writes, before deriving anything', async () => {
    const { root, dataDir, workspace } = await practiceWithFiles();
    const filePath = join(root, 'b.rapport-backup');
    await workspace.backup.create(filePath, { passphrase: PASSPHRASE });
    const bytes = await readFile(filePath);
    const before = await hashTree(dataDir);
    for (const logN of ['18', '30', '64', '16']) {
      const crafted = Buffer.from(
        bytes.toString('latin1').replace(/^(age-encryption\.org\/v1\n-> scrypt \S+) 17\n/, `$1 ${logN}\n`),
        'latin1',
      );
      await writeFile(filePath, crafted);
      const started = performance.now();
      const error = await rejection(workspace.backup.restore(filePath, { passphrase: PASSPHRASE }));
      // 2^30 would take gigabytes and minutes; refused at once instead.
      expect(performance.now() - started).toBeLessThan(3000);
      expect(error.code).toBe('BAD_BACKUP');
      expect(error.message).toMatch(/more work to unlock|damaged/);
    }
    expect(await hashTree(dataDir)).toEqual(before);
  });

  it('tells a wrong passphrase and a missing one apart, and changes nothing', async () => {
    const { root, dataDir, workspace } = await practiceWithFiles();
    const filePath = join(root, 'b.rapport-backup');
    await workspace.backup.create(filePath, { passphrase: PASSPHRASE });
    const before = await hashTree(dataDir);
    expect((await rejection(workspace.backup.restore(filePath))).code).toBe('PASSPHRASE_REQUIRED');
    expect((await rejection(workspace.backup.restore(filePath, { passphrase: 'wrong horse battery' }))).code).toBe('WRONG_PASSPHRASE');
    expect(await hashTree(dataDir)).toEqual(before);
  });
});

function order(name: string): number {
  if (name === 'manifest.json') return 0;
  if (name === 'practice.json') return 1;
  return name.startsWith('clients/') ? 2 : 3;
}
