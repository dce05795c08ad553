import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, readlink, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { storedFilePath } from '../../../electron/core/files/file-store';
import { clientExportFileName } from '../../../shared/api/backup';
import { desktopContract } from '../../../shared/api/desktop';
import { tempDir } from '../../helpers/temp-dir';
import { testWorkspace } from '../../helpers/workspace-api';
import { rejection } from '../../helpers/rejection';

const run = promisify(execFile);
const sha = (bytes: string | Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const PDF = '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n';

async function setup() {
  const root = await tempDir('rapport-export-');
  const workspace = await testWorkspace({ dir: join(root, 'data'), now: () => new Date('2026-12-01T09:00:00.000Z') });
  const client = await workspace.clients.create({ name: 'Dana Whitfield' });
  const inbox = join(root, 'inbox');
  const out = join(root, 'out');
  await mkdir(inbox);
  await mkdir(out);
  const file = async (name: string, content: string | Uint8Array) => {
    const path = join(inbox, name);
    await writeFile(path, content);
    return path;
  };
  return { root, workspace, client, file, out, dataDir: workspace.dataDir };
}

/** The archive's entries as the system's tar lists them. */
async function listed(archive: string): Promise<string[]> {
  return (await run('tar', ['-tf', archive])).stdout.split('\n').filter((line) => line !== '');
}

/** Extracts with the system's tar into a fresh folder; every file in it, by path relative to it. */
async function extracted(archive: string): Promise<{ dir: string; files: Map<string, Buffer> }> {
  const dir = await tempDir('rapport-extract-');
  await run('tar', ['-xf', archive, '-C', dir]);
  const files = new Map<string, Buffer>();
  const walk = async (at: string): Promise<void> => {
    for (const entry of await readdir(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) await walk(path);
      else files.set(relative(dir, path), await readFile(path));
    }
  };
  await walk(dir);
  return { dir, files };
}

interface Manifest {
  format: string;
  formatVersion: number;
  appVersion: string;
  createdAt: string;
  client: { id: string; name: string };
  entries: { name: string; size: number; sha256: string; documentId?: string }[];
}

describe('per-client export', () => {
  it('is a tar holding the client file, every attached document under a readable name, a README and a manifest', async () => {
    const { workspace, client, file, out, dataDir } = await setup();
    const scan = randomBytes(1_500_000);
    const cv1 = await workspace.documents.attach(client.id, [await file('Dana CV.pdf', PDF)], {});
    const cv2 = await workspace.documents.attach(client.id, [await file('Dana CV.pdf', `${PDF}% v2\n`)], { previousVersionId: cv1[0].id });
    const [letter, assessment] = await workspace.documents.attach(
      client.id,
      [await file('cover letter.txt', 'Dear hiring manager,\n'), await file('strengths scan.png', scan)],
      {},
    );
    // The same bytes as the first CV, under another label: a second document, one stored file.
    const [offer] = await workspace.documents.attach(client.id, [await file('offer.pdf', PDF)], { label: 'offer' });
    const other = await workspace.clients.create({ name: 'Jonas Weber' });
    await workspace.documents.attach(other.id, [await file('jonas.txt', 'not Dana’s')], {});

    const archive = join(out, clientExportFileName('Dana Whitfield', '2026-12-01'));
    expect(archive.endsWith('Dana Whitfield – Rapport export 2026-12-01.tar')).toBe(true);
    const summary = await workspace.backup.exportClient(client.id, archive);
    expect(summary).toEqual({ documents: 5, bytes: (await stat(archive)).size });
    expect((await stat(archive)).mode & 0o777).toBe(0o600);
    expect(await readdir(out)).toEqual(['Dana Whitfield – Rapport export 2026-12-01.tar']);

    expect(await listed(archive)).toEqual([
      'README.txt',
      'manifest.json',
      'client.json',
      'documents/CV/Dana CV.pdf',
      'documents/CV/Dana CV (2).pdf',
      'documents/Cover letter/cover letter.txt',
      'documents/Assessment/strengths scan.png',
      'documents/Offer/offer.pdf',
    ]);
    const { files } = await extracted(archive);
    expect(files.get('documents/CV/Dana CV.pdf')?.toString()).toBe(PDF);
    expect(files.get('documents/CV/Dana CV (2).pdf')?.toString()).toBe(`${PDF}% v2\n`);
    expect(files.get('documents/Cover letter/cover letter.txt')?.toString()).toBe('Dear hiring manager,\n');
    expect(files.get('documents/Assessment/strengths scan.png')?.equals(scan)).toBe(true);
    expect(files.get('documents/Offer/offer.pdf')?.toString()).toBe(PDF);

    // client.json is the client's file as the data folder holds it; the other client is not there.
    const onDisk = JSON.parse(await readFile(join(dataDir, 'clients', `${client.id}.json`), 'utf8')) as unknown;
    expect(JSON.parse(files.get('client.json')!.toString())).toEqual(onDisk);
    expect([...files.values()].some((bytes) => bytes.toString().includes('not Dana’s'))).toBe(false);

    // Every entry but the manifest is listed with its size and digest, and the bytes match.
    const manifest = JSON.parse(files.get('manifest.json')!.toString()) as Manifest;
    expect(manifest).toMatchObject({
      format: 'rapport-client-export',
      formatVersion: 1,
      createdAt: '2026-12-01T09:00:00.000Z',
      client: { id: client.id, name: 'Dana Whitfield' },
    });
    expect(manifest.entries.map((entry) => entry.name)).toEqual((await listed(archive)).filter((name) => name !== 'manifest.json'));
    expect(files.size).toBe(manifest.entries.length + 1);
    for (const entry of manifest.entries) {
      const bytes = files.get(entry.name)!;
      expect({ name: entry.name, size: bytes.byteLength, sha256: sha(bytes) }).toEqual({
        name: entry.name,
        size: entry.size,
        sha256: entry.sha256,
      });
    }
    expect(manifest.entries.filter((entry) => entry.documentId).map((entry) => [entry.documentId, entry.sha256])).toEqual(
      [cv1[0], cv2[0], letter, assessment, offer].map((document) => [document.id, document.sha256]),
    );

    const readme = files.get('README.txt')!.toString();
    expect(readme).toContain('Rapport export: Dana Whitfield');
    for (const name of manifest.entries.map((entry) => entry.name)) expect(readme).toContain(name);
    expect(readme).toContain('a newer version of documents/CV/Dana CV.pdf');
    expect(readme).toContain('tar -xf');
  });

  it('holds just the client file, README and manifest for a client without documents', async () => {
    const { workspace, client, out } = await setup();
    const archive = join(out, 'dana.tar');
    expect(await workspace.backup.exportClient(client.id, archive)).toMatchObject({ documents: 0 });
    expect(await listed(archive)).toEqual(['README.txt', 'manifest.json', 'client.json']);
    const { files } = await extracted(archive);
    expect(JSON.parse(files.get('client.json')!.toString())).toMatchObject({
      client: { id: client.id, name: 'Dana Whitfield' },
      documents: [],
    });
    expect(files.get('README.txt')!.toString()).toContain('No documents are attached to this client.');
  });

  it.each([
    [
      'changed bytes of the same size',
      (path: string) =>
        readFile(path).then((bytes) => writeFile(path, Buffer.from(bytes.map((byte, at) => (at === 100_000 ? byte ^ 1 : byte))))),
    ],
    ['a file cut short', (path: string) => readFile(path).then((bytes) => writeFile(path, bytes.subarray(0, 1000)))],
    ['a file gone', (path: string) => import('node:fs/promises').then(({ rm }) => rm(path))],
  ])('is refused with DOCUMENT_DAMAGED for %s, leaving nothing where the coach chose', async (_case, damage) => {
    const { workspace, client, file, out, dataDir } = await setup();
    await workspace.documents.attach(client.id, [await file('fine.txt', 'fine')], {});
    const [cv] = await workspace.documents.attach(client.id, [await file('Dana CV.pdf', randomBytes(600_000))], {});
    await damage(storedFilePath(dataDir, cv.sha256));

    const archive = join(out, 'dana.tar');
    const error = await rejection(workspace.backup.exportClient(client.id, archive));
    expect(error.code).toBe('DOCUMENT_DAMAGED');
    expect(error.message).toContain('“Dana CV.pdf”');
    expect(error.message).toContain('the export was not written');
    expect(await readdir(out)).toEqual([]);

    // An earlier export at that place stays as it was.
    await writeFile(archive, 'an earlier export');
    expect((await rejection(workspace.backup.exportClient(client.id, archive))).code).toBe('DOCUMENT_DAMAGED');
    expect(await readdir(out)).toEqual(['dana.tar']);
    expect(await readFile(archive, 'utf8')).toBe('an earlier export');
  });

  it('says when the chosen folder cannot be written, and lets go of the stored files', async () => {
    const { root, workspace, client, file, dataDir } = await setup();
    const [cv] = await workspace.documents.attach(client.id, [await file('Dana CV.pdf', randomBytes(600_000))], {});
    // The search index reads new files' text in the background; let it finish, so an open file below is the export's.
    await workspace.documentTextsRead();
    const error = await rejection(workspace.backup.exportClient(client.id, join(root, 'missing-folder', 'dana.tar')));
    expect(error).toMatchObject({ code: 'IO_ERROR', message: expect.stringMatching(/Choose another folder/) });
    const stored = storedFilePath(dataDir, cv.sha256);
    const openOnStored = async () => {
      const links = await Promise.all((await readdir('/proc/self/fd')).map((fd) => readlink(`/proc/self/fd/${fd}`).catch(() => '')));
      return links.filter((link) => link === stored).length;
    };
    // A stream is closed a tick or so after its error; under load that can take longer than poll's 1 s default.
    await expect.poll(openOnStored, { timeout: 10_000 }).toBe(0);
  });

  it('gives documents safe, unique names inside the archive whatever the coach called them', async () => {
    const { workspace, client, file, out } = await setup();
    const names = [
      '../../.bashrc',
      '/etc/passwd',
      'C:\\Windows\\system.ini',
      'Bewerbung\u0007\n\tNordlicht.pdf',
      '\u202Efdp.exe',
      `${'Lebenslauf Dana Whitfield '.repeat(7)}.pdf`.slice(0, 196) + '.pdf',
      'CV.pdf',
      'CV.pdf',
      'cv.PDF',
      'CON.txt',
      '..',
      'CV (2).pdf',
    ];
    const contents = names.map((_, index) => `document ${index}\n`);
    const attached = await workspace.documents.attach(
      client.id,
      await Promise.all(contents.map((content, index) => file(`f${index}.txt`, content))),
      { label: 'cv' },
    );
    for (const [index, document] of attached.entries()) await workspace.documents.update(client.id, document.id, { name: names[index] });

    const archive = join(out, 'dana.tar');
    await workspace.backup.exportClient(client.id, archive);
    const entries = (await listed(archive)).filter((name) => name.startsWith('documents/'));
    expect(entries).toHaveLength(names.length);
    for (const entry of entries) {
      expect(entry).toMatch(/^documents\/CV\/[^/\\]+$/);
      const name = entry.slice('documents/CV/'.length);
      expect(name.length).toBeLessThanOrEqual(100);
      expect(name).not.toMatch(/[\p{Cc}\u202e:*?"<>|]|^\.|^\s|\s$|^con(\.|$)/iu);
    }
    expect(new Set(entries.map((entry) => entry.toLowerCase())).size).toBe(entries.length);
    expect(entries.map((entry) => entry.slice('documents/CV/'.length))).toEqual([
      'Document.bashrc',
      'etc passwd.txt',
      'C Windows system.ini',
      'Bewerbung Nordlicht.pdf',
      'fdp.exe',
      `${'Lebenslauf Dana Whitfield '.repeat(4)}`.slice(0, 96) + '.pdf',
      'CV.pdf',
      'CV (2).pdf',
      'cv (3).PDF',
      'CON_.txt',
      'Document.txt',
      'CV (2) (2).pdf',
    ]);

    // A name without an extension gets its type's, unless the type is a program.
    const elf = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, ...new Array<number>(60).fill(0)]);
    await workspace.documents.attach(client.id, [await file('setup', elf)], {});
    await workspace.backup.exportClient(client.id, archive);
    expect((await listed(archive)).at(-1)).toBe('documents/Other/setup');

    // Every document comes out inside the folder it was extracted to, each with its own bytes.
    const { files } = await extracted(archive);
    const manifest = JSON.parse(files.get('manifest.json')!.toString()) as Manifest;
    for (const [index, document] of attached.entries()) {
      const entry = manifest.entries.find((candidate) => candidate.documentId === document.id)!;
      expect(files.get(entry.name)?.toString()).toBe(contents[index]);
    }
    expect(files.size).toBe(names.length + 4);
  });

  it('offers a default name the save dialog accepts, for any client name', () => {
    expect(clientExportFileName('Dana Whitfield', '2026-12-01')).toBe('Dana Whitfield – Rapport export 2026-12-01.tar');
    for (const name of [
      `Amara ${'Okafor-Whitfield '.repeat(11)}`.slice(0, 200),
      'Ben\tIto\u0007\n"CV": <draft>',
      '../../.config/CON',
      '\u202Efdp.exe',
      '   ',
    ]) {
      const offered = clientExportFileName(name, '2026-12-01');
      expect(desktopContract.chooseExportSavePath.safeParse([offered]).success).toBe(true);
      expect(offered).toMatch(/ – Rapport export 2026-12-01\.tar$/);
    }
  });
});

describe('the archive writer shared with backups', () => {
  // Tearing the archive down used to end the entry being written with an unheard error event:
  // an uncaught exception in the main process, which Vitest reports as an error of this file.
  it('refuses a backup whose attached file is damaged without an uncaught error', async () => {
    const { root, workspace, client, file, dataDir } = await setup();
    const [cv] = await workspace.documents.attach(client.id, [await file('Dana CV.pdf', randomBytes(600_000))], {});
    const path = storedFilePath(dataDir, cv.sha256);
    const bytes = await readFile(path);
    bytes[1000] ^= 1;
    await writeFile(path, bytes);
    expect((await rejection(workspace.backup.create(join(root, 'out', 'practice.rapport-backup')))).code).toBe('IO_ERROR');
    expect(await readdir(join(root, 'out'))).toEqual([]);
  });
});
