import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, open, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pack } from 'tar-stream';
import { describe, expect, it } from 'vitest';
import { ContainerRefused, readContainer } from '../../../electron/core/backup/read-container';
import { CLIENTS_DIR, PRACTICE_FILE, clientFileName } from '../../../electron/core/data-layout';
import { tempDir } from '../../helpers/temp-dir';
import { testWorkspace } from '../../helpers/workspace-api';
import { rejection } from '../../helpers/rejection';
import { clientDocument, hashTree, practiceDocument, seedDataDir } from './fixtures';
import { digestOf, seedFiles, tarEntries, withAttachments } from './container-fixtures';

interface Entry {
  name: string;
  bytes?: Buffer;
  type?: 'file' | 'symlink' | 'link' | 'directory' | 'fifo';
  linkname?: string;
}

async function tarOf(entries: readonly Entry[]): Promise<Buffer> {
  const archive = pack();
  const chunks: Buffer[] = [];
  const collected = (async () => {
    for await (const chunk of archive as AsyncIterable<Buffer>) chunks.push(chunk);
  })();
  for (const entry of entries) {
    await new Promise<void>((resolve, reject) => {
      const header = { name: entry.name, type: entry.type ?? 'file', ...(entry.linkname ? { linkname: entry.linkname } : {}) };
      archive.entry(
        header,
        entry.type === undefined || entry.type === 'file' ? (entry.bytes ?? Buffer.alloc(0)) : Buffer.alloc(0),
        (error) => (error ? reject(error) : resolve()),
      );
    });
  }
  archive.finalize();
  await collected;
  return Buffer.concat(chunks);
}

async function sourceBackup() {
  const root = await tempDir();
  const dataDir = join(root, 'data');
  const files = [randomBytes(20_000), Buffer.from('a plain text CV\n')];
  await seedDataDir(dataDir, practiceDocument('Dana Coach'), [
    withAttachments(clientDocument('Amara Okafor'), files),
    clientDocument('Ben Ito'),
  ]);
  await seedFiles(dataDir, files);
  const workspace = await testWorkspace({ dir: dataDir, backupsDir: join(root, 'backups') });
  const filePath = join(root, 'good.rapport-backup');
  await workspace.backup.create(filePath);
  const encrypted = join(root, 'good-encrypted.rapport-backup');
  await workspace.backup.create(encrypted, { passphrase: 'correct horse battery' });
  const entries: Entry[] = (await tarEntries(filePath)).map(({ name, bytes }) => ({ name, bytes }));
  return { root, entries, files, encrypted: await readFile(encrypted) };
}

type Source = Awaited<ReturnType<typeof sourceBackup>>;

/** Hostile variations of a good backup: each must be refused with a coded reason. */
function hostile({ entries, files, encrypted }: Source, good: Buffer): [string, () => Promise<Buffer>][] {
  const [manifest, practice, ...rest] = entries;
  const fileEntry = rest.find((entry) => entry.name.startsWith('files/'))!;
  const sha = digestOf(files[0]);
  const withManifest = (change: (value: { entries: { name: string; size: number; sha256: string }[] }) => void) => {
    const value = JSON.parse(manifest.bytes!.toString('utf8')) as { entries: { name: string; size: number; sha256: string }[] };
    change(value);
    return { name: 'manifest.json', bytes: Buffer.from(JSON.stringify(value)) };
  };
  const flipped = (bytes: Buffer) => {
    const copy = Buffer.from(bytes);
    copy[copy.length >> 1] ^= 0x01;
    return copy;
  };
  const cases: [string, () => Promise<Buffer>][] = [
    ['empty tar', () => tarOf([])],
    ['random bytes', async () => randomBytes(4096)],
    ['manifest not first', () => tarOf([practice, manifest, ...rest])],
    ['a ../ name', () => tarOf([manifest, practice, ...rest, { name: '../escaped', bytes: Buffer.from('x') }])],
    ['an absolute name', () => tarOf([manifest, practice, ...rest, { name: '/tmp/escaped', bytes: Buffer.from('x') }])],
    [
      'files/../ traversal',
      () => tarOf([manifest, practice, ...rest.map((e) => (e === fileEntry ? { ...e, name: `files/../../${sha}` } : e))]),
    ],
    [
      'a symlink entry',
      () =>
        tarOf([
          manifest,
          practice,
          ...rest.map((e) => (e === fileEntry ? { name: e.name, type: 'symlink' as const, linkname: '/dev/zero' } : e)),
        ]),
    ],
    [
      'a hardlink entry',
      () =>
        tarOf([
          manifest,
          practice,
          ...rest.map((e) => (e === fileEntry ? { name: e.name, type: 'link' as const, linkname: 'practice.json' } : e)),
        ]),
    ],
    ['a directory entry', () => tarOf([manifest, { name: 'clients/', type: 'directory' }, practice, ...rest])],
    ['a FIFO entry', () => tarOf([manifest, practice, { name: 'files/x', type: 'fifo' }, ...rest])],
    ['a duplicate entry', () => tarOf([manifest, practice, ...rest, fileEntry])],
    [
      'an entry the manifest does not list',
      () => tarOf([manifest, practice, ...rest, { name: `files/${'0'.repeat(64)}`, bytes: Buffer.from('x') }]),
    ],
    ['a missing entry', () => tarOf([manifest, practice, ...rest.filter((e) => e !== fileEntry)])],
    ['a document with a wrong hash', () => tarOf([manifest, { ...practice, bytes: flipped(practice.bytes!) }, ...rest])],
    [
      'a file with a wrong hash',
      () => tarOf([manifest, practice, ...rest.map((e) => (e === fileEntry ? { ...e, bytes: flipped(e.bytes!) } : e))]),
    ],
    [
      'a file longer than listed',
      () =>
        tarOf([
          manifest,
          practice,
          ...rest.map((e) => (e === fileEntry ? { ...e, bytes: Buffer.concat([e.bytes!, Buffer.from('x')]) } : e)),
        ]),
    ],
    ['a manifest with an oversized entry', () => tarOf([withManifest((m) => (m.entries[2].size = 2 ** 40)), practice, ...rest])],
    [
      'a manifest naming a file by another hash',
      () => tarOf([withManifest((m) => (m.entries.at(-1)!.sha256 = 'f'.repeat(64))), practice, ...rest]),
    ],
    ['a manifest with a strange name', () => tarOf([withManifest((m) => (m.entries[1].name = 'clients/../../x.json')), practice, ...rest])],
    ['a manifest that is not JSON', () => tarOf([{ name: 'manifest.json', bytes: Buffer.from('{"format":') }, practice, ...rest])],
    ['a deeply nested manifest', () => tarOf([{ name: 'manifest.json', bytes: Buffer.from('['.repeat(100_000)) }, practice, ...rest])],
    [
      'a newer format',
      () =>
        tarOf([
          { name: 'manifest.json', bytes: Buffer.from(manifest.bytes!.toString().replace('"formatVersion": 3', '"formatVersion": 4')) },
          practice,
          ...rest,
        ]),
    ],
    [
      'a client without its file',
      () =>
        tarOf([
          withManifest((m) => (m.entries = m.entries.filter((e) => e.name !== `files/${sha}`))),
          practice,
          ...rest.filter((e) => e.name !== `files/${sha}`),
        ]),
    ],
    ['an age header with a huge work factor', async () => Buffer.from(encrypted.toString('latin1').replace(/ 17\n/, ' 62\n'), 'latin1')],
    [
      'an age header that never ends',
      async () => Buffer.concat([Buffer.from('age-encryption.org/v1\n-> scrypt '), Buffer.alloc(1 << 20, 0x41)]),
    ],
    [
      'an age file with two recipients',
      async () => Buffer.from(encrypted.toString('latin1').replace(/\n---/, '\n-> X25519 abc\nAAAA\n---'), 'latin1'),
    ],
    ['a cut age file', async () => encrypted.subarray(0, encrypted.length - 100)],
    ['a damaged age payload', async () => flipped(encrypted)],
  ];
  // Cut at spread points of the good archive: inside the manifest, a document, a file, the end blocks.
  for (const fraction of [0.01, 0.1, 0.3, 0.5, 0.7, 0.9, 0.99]) {
    cases.push([`cut at ${Math.round(fraction * 100)}%`, async () => good.subarray(0, Math.floor(good.length * fraction))]);
  }
  return cases;
}

/** A staging folder as the swap makes it: empty clients/ and files/. */
async function stagingFolder(dir: string): Promise<string> {
  await mkdir(join(dir, 'clients'), { recursive: true });
  await mkdir(join(dir, 'files'));
  return dir;
}

/** Every path under a staging folder, relative to it. */
async function stagedPaths(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true })).map(String);
}

/** What a staging folder may hold: the practice, client files named by their ids, attached files named by their digests. */
const STAGED_PATH = /^(clients|files|practice\.json|clients\/[0-9a-f-]{36}\.json|files\/[0-9a-f]{64})$/;

async function readFrom(path: string, stagingDir: string, passphrase: string | null = null): Promise<unknown> {
  const handle = await open(path, 'r');
  try {
    return await readContainer({ fd: handle.fd, size: (await handle.stat()).size, passphrase, stagingDir });
  } finally {
    await handle.close();
  }
}

type DocumentValue = {
  schemaVersion?: number;
  documents?: { sha256: string }[];
  client?: { id: string; name: string };
  [key: string]: unknown;
};
type ManifestValue = { counts: Record<string, number>; entries: { name: string; size: number; sha256: string }[] };

/**
 * The source backup's entries with its documents changed by `change` (keyed by entry name) and
 * the manifest stating their new sizes and hashes, changed further by `manifestChange`: every
 * hash matches, so only the store's checks of what the documents say can refuse them.
 */
function rebuilt(
  source: Source,
  change: (documents: Map<string, DocumentValue>) => void,
  manifestChange: (manifest: ManifestValue) => void = () => undefined,
): Entry[] {
  const manifest = JSON.parse(source.entries[0].bytes!.toString('utf8')) as ManifestValue;
  const documents = new Map<string, DocumentValue>();
  for (const entry of source.entries.filter(({ name }) => name.startsWith('clients/') || name === 'practice.json')) {
    documents.set(entry.name, JSON.parse(entry.bytes!.toString('utf8')) as DocumentValue);
  }
  const before = new Map([...documents].map(([name, value]) => [name, JSON.stringify(value)]));
  change(documents);
  const changed = new Map<string, Buffer>();
  for (const [name, value] of documents)
    if (JSON.stringify(value) !== before.get(name)) changed.set(name, Buffer.from(JSON.stringify(value)));
  for (const entry of manifest.entries) {
    const bytes = changed.get(entry.name);
    if (bytes) Object.assign(entry, { size: bytes.byteLength, sha256: digestOf(bytes) });
  }
  manifestChange(manifest);
  return [
    { name: 'manifest.json', bytes: Buffer.from(JSON.stringify(manifest)) },
    ...source.entries.slice(1).map((entry) => ({ name: entry.name, bytes: changed.get(entry.name) ?? entry.bytes! })),
  ];
}

describe('the format 3 reader, given hostile files', () => {
  it(
    'refuses each with a coded reason, writes only documents and hash-named files into its staging folder and nothing elsewhere',
    { timeout: 60_000 },
    async () => {
      const source = await sourceBackup();
      const good = await tarOf(source.entries);
      const work = join(source.root, 'work');
      await mkdir(work);
      // The good archive rebuilt by this test's writer is read: the refusals below are the variations' doing.
      await writeFile(join(work, 'good.tar'), good);
      const goodStaging = await stagingFolder(join(work, 'good-staging'));
      await expect(readFrom(join(work, 'good.tar'), goodStaging)).resolves.toMatchObject({ files: expect.any(Array) });
      const staged = await stagedPaths(goodStaging);
      expect(staged.filter((path) => path.startsWith('files/'))).toHaveLength(source.files.length);
      expect(staged.filter((path) => path.startsWith('clients/'))).toHaveLength(2);
      expect(staged).toContain('practice.json');
      for (const path of staged) expect(path).toMatch(STAGED_PATH);

      const before = await hashTree(source.root);
      const started = performance.now();
      for (const [label, make] of hostile(source, good)) {
        const path = join(work, 'hostile.bin');
        await writeFile(path, await make());
        const stagingDir = await stagingFolder(join(work, `staging-${label.replace(/\W+/g, '-')}`));
        const error = await readFrom(path, stagingDir, 'correct horse battery').then(
          () => null,
          (thrown: unknown) => thrown,
        );
        expect(error, label).toBeInstanceOf(ContainerRefused);
        expect(['not-a-backup', 'damaged', 'newer', 'too-complex', 'work-factor', 'invalid', 'tampered'], label).toContain(
          (error as ContainerRefused).refusal,
        );
        for (const staged of await stagedPaths(stagingDir)) expect(staged, label).toMatch(STAGED_PATH);
      }
      expect(performance.now() - started).toBeLessThan(30_000);
      // Nothing outside the work folder was written by any of them.
      const after = await hashTree(source.root);
      for (const key of Object.keys(after).filter((path) => !path.startsWith('work/'))) expect(after[key], key).toBe(before[key]);
      expect(Object.keys(after).filter((path) => !path.startsWith('work/'))).toEqual(
        Object.keys(before).filter((path) => !path.startsWith('work/')),
      );
    },
  );

  it('leaves the data folder as it was when a restore refuses one', { timeout: 60_000 }, async () => {
    const source = await sourceBackup();
    const good = await tarOf(source.entries);
    const root = await tempDir();
    const dataDir = join(root, 'data');
    const mine = [randomBytes(3000)];
    await seedDataDir(dataDir, practiceDocument('Current'), [withAttachments(clientDocument('Current Client'), mine)]);
    await seedFiles(dataDir, mine);
    const workspace = await testWorkspace({ dir: dataDir, backupsDir: join(root, 'backups') });
    const before = await hashTree(dataDir);
    const cases = hostile(source, good);
    for (const [label, make] of cases.filter((_, index) => index % 3 === 0)) {
      const path = join(root, 'hostile.rapport-backup');
      await writeFile(path, await make());
      const error = await rejection(workspace.backup.restore(path, { passphrase: 'correct horse battery' }));
      expect(error.code, label).toBe('BAD_BACKUP');
      expect(error.message, label).toMatch(/Nothing was changed/);
      expect(await hashTree(dataDir), label).toEqual(before);
    }
    expect(await readdir(root)).not.toContain('backups');
  });

  // Into an empty folder the restore holds the documents it checked; over a large practice it reads them back after the swap.
  it.each([
    { over: 'nothing', current: [] },
    { over: 'a large practice', current: Array.from({ length: 8 }, (_, index) => clientDocument(`Current ${index}`, 1000)) },
  ])('restores a document its checks change (an older client) as the checks left it, over $over', async ({ current }) => {
    const source = await sourceBackup();
    const entries = rebuilt(source, (documents) => {
      const ben = [...documents.values()].find((document) => document.client?.name === 'Ben Ito')!;
      // As Rapport wrote a client before documents could be attached (migration 3 → 4 adds them).
      ben.schemaVersion = 3;
      delete ben.documents;
    });
    const path = join(source.root, 'changed.rapport-backup');
    await writeFile(path, await tarOf(entries));
    const dataDir = join(await tempDir(), 'data');
    if (current.length > 0) await seedDataDir(dataDir, practiceDocument('Current'), current);
    const workspace = await testWorkspace({ dir: dataDir });

    await workspace.backup.restore(path);

    const ben = (await workspace.clients.list()).find((client) => client.name === 'Ben Ito')!;
    expect(await workspace.documents.list(ben.id)).toEqual([]);
    const onDisk = JSON.parse(await readFile(join(dataDir, 'clients', `${ben.id}.json`), 'utf8')) as { schemaVersion: number };
    expect(onDisk.schemaVersion).toBe(4);
    await workspace.close();
    const reopened = await testWorkspace({ dir: dataDir });
    expect((await reopened.clients.list()).map((client) => client.name).sort()).toEqual(['Amara Okafor', 'Ben Ito']);
  });
});

describe('the store’s checks of a format 3 backup, run on the app’s thread as the worker reads', () => {
  const client = (documents: Map<string, DocumentValue>, name: string) =>
    [...documents.values()].find((value) => value.client?.name === name)!;
  const cases: [string, (documents: Map<string, DocumentValue>) => void, ((manifest: ManifestValue) => void) | undefined, RegExp][] = [
    [
      'a client whose document is not Rapport data',
      (documents) => void (client(documents, 'Ben Ito').client!.name = ''),
      undefined,
      /not valid Rapport data/,
    ],
    [
      'a client filed under another client’s name',
      (documents) => {
        const [first, second] = [...documents.keys()].filter((name) => name.startsWith('clients/'));
        const held = documents.get(first)!;
        documents.set(first, documents.get(second)!);
        documents.set(second, held);
      },
      undefined,
      /damaged or incomplete/,
    ],
    [
      'a client naming an attached file the backup does not hold',
      (documents) => void (client(documents, 'Amara Okafor').documents![0].sha256 = 'e'.repeat(64)),
      undefined,
      /damaged or incomplete/,
    ],
    [
      'a document with a key that could poison prototypes',
      (documents) => void Object.defineProperty(client(documents, 'Ben Ito'), '__proto__', { value: { polluted: true }, enumerable: true }),
      undefined,
      /tampered/,
    ],
    ['counts the documents do not add up to', () => undefined, (manifest) => void (manifest.counts.sessions += 1), /damaged or incomplete/],
  ];

  it.each(cases)('refuses %s, with the checks’ words, and changes nothing', async (_label, change, manifestChange, message) => {
    const source = await sourceBackup();
    const path = join(source.root, 'changed.rapport-backup');
    await writeFile(path, await tarOf(rebuilt(source, change, manifestChange)));
    const dataDir = join(await tempDir(), 'data');
    const mine = [randomBytes(3000)];
    await seedDataDir(dataDir, practiceDocument('Current'), [withAttachments(clientDocument('Current Client'), mine)]);
    await seedFiles(dataDir, mine);
    const workspace = await testWorkspace({ dir: dataDir });
    const before = await hashTree(dataDir);

    const error = await rejection(workspace.backup.restore(path));

    expect(error.code).toBe('BAD_BACKUP');
    expect(error.message).toMatch(message);
    expect(error.message).toMatch(/Nothing was changed/);
    expect(await hashTree(dataDir)).toEqual(before);
    expect((await workspace.clients.list()).map(({ name }) => name)).toEqual(['Current Client']);
  });

  it('hands the documents over in batches, each only once its documents are staged, every one once and as backed up', async () => {
    const root = await tempDir();
    const dataDir = join(root, 'data');
    // Twelve files of ~150 KB: more than one batch of about 1 MiB (read-container.ts).
    await seedDataDir(
      dataDir,
      practiceDocument('Dana Coach'),
      Array.from({ length: 12 }, (_, index) => clientDocument(`Client ${index}`, 300)),
    );
    const workspace = await testWorkspace({ dir: dataDir, backupsDir: join(root, 'backups') });
    const filePath = join(root, 'b.rapport-backup');
    await workspace.backup.create(filePath);
    const documents = (await tarEntries(filePath)).filter(({ name }) => name !== 'manifest.json' && !name.startsWith('files/'));
    const stagingDir = await stagingFolder(join(root, 'staging'));
    const handedOver: { name: string; bytes: Buffer; staged: Buffer }[] = [];
    let batches = 0;
    const handle = await open(filePath, 'r');
    try {
      await readContainer({ fd: handle.fd, size: (await handle.stat()).size, passphrase: null, stagingDir }, (batch) => {
        batches += 1;
        const bytes = Buffer.from(batch.bytes);
        for (const { id, start, end } of batch.documents) {
          const staged = id === null ? PRACTICE_FILE : join(CLIENTS_DIR, clientFileName(id));
          // Read as the batch arrives: its buffer is the one the staged write wrote from.
          handedOver.push({
            name: id === null ? 'practice.json' : `clients/${id}.json`,
            bytes: bytes.subarray(start, end),
            staged: readFileSync(join(stagingDir, staged)),
          });
        }
      });
    } finally {
      await handle.close();
    }
    expect(batches).toBeGreaterThan(1);
    expect(handedOver.map(({ name }) => name)).toEqual(documents.map(({ name }) => name));
    for (const [index, { bytes, staged }] of handedOver.entries()) {
      expect(bytes.equals(documents[index].bytes)).toBe(true);
      expect(staged.equals(documents[index].bytes)).toBe(true);
    }
  });

  it('has the worker stop at its next entry once told to', async () => {
    const source = await sourceBackup();
    const path = join(source.root, 'good.tar');
    await writeFile(path, await tarOf(source.entries));
    const stagingDir = await stagingFolder(join(source.root, 'staging'));
    const handle = await open(path, 'r');
    let entries = 0;
    try {
      // Told to stop once the manifest and the practice document are read.
      const read = readContainer(
        { fd: handle.fd, size: (await handle.stat()).size, passphrase: null, stagingDir },
        undefined,
        () => ++entries > 2,
      );
      await expect(read).rejects.toBeInstanceOf(ContainerRefused);
    } finally {
      await handle.close();
    }
    expect(entries).toBe(3);
    expect(await stagedPaths(stagingDir)).toEqual(expect.arrayContaining(['practice.json']));
    expect((await stagedPaths(stagingDir)).filter((staged) => staged !== 'clients' && staged !== 'files')).toEqual(['practice.json']);
  });
});
