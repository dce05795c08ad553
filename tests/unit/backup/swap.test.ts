import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout } from 'node:timers/promises';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openBackup, replacementOf } from '../../../electron/core/backup/read-backup';
import { JOURNAL_FILE } from '../../../electron/core/backup/swap';
import { clientFileName, storeLayout } from '../../../electron/core/data-layout';
import { DocumentTexts } from '../../../electron/core/files/document-texts';
import { createContext } from '../../../electron/core/services/context';
import { createSearchService } from '../../../electron/core/services/search';
import { DocumentStore } from '../../../electron/core/store';
import { tempDir } from '../../helpers/temp-dir';
import { testWorkspace } from '../../helpers/workspace-api';
import { clientDocument, documentsOnDisk, expectedDocuments, hashTree, practiceDocument, seedDataDir } from './fixtures';

const STAGING = 'restore-staging-0123456789abcdef';

async function oldAndNew() {
  const dataDir = join(await tempDir(), 'data');
  const oldClients = [clientDocument('Old One'), clientDocument('Old Two'), clientDocument('Old Three')];
  const newClients = [clientDocument('New One'), clientDocument('New Two'), oldClients[1]];
  const oldPractice = practiceDocument('Old Coach');
  const newPractice = practiceDocument('New Coach');
  await seedDataDir(dataDir, oldPractice, oldClients);
  // Exactly what swap.ts stages before it commits.
  await seedDataDir(join(dataDir, STAGING), newPractice, newClients);
  return { dataDir, oldClients, newClients, oldPractice, newPractice };
}

describe('opening a data directory after an interrupted restore', () => {
  it('keeps the old data untouched when the restore never committed', async () => {
    const { dataDir } = await oldAndNew();
    const staged = await hashTree(dataDir);
    const before = Object.fromEntries(Object.entries(staged).filter(([path]) => !path.startsWith(STAGING)));
    const workspace = await testWorkspace({ dir: dataDir, backupsDir: join(dataDir, '..', 'backups') });
    expect((await workspace.clients.list()).map((client) => client.name)).toEqual(['Old One', 'Old Three', 'Old Two']);
    await workspace.close();
    expect(await hashTree(dataDir)).toEqual(before);
  });

  it('finishes a committed restore that was cut off halfway', async () => {
    const { dataDir, newClients, newPractice } = await oldAndNew();
    await writeFile(
      join(dataDir, JOURNAL_FILE),
      JSON.stringify({ staging: STAGING, clientFiles: newClients.map((d) => `${d.client.id}.json`) }),
    );
    const first = `${newClients[0].client.id}.json`;
    await rename(join(dataDir, STAGING, 'clients', first), join(dataDir, 'clients', first));
    const workspace = await testWorkspace({ dir: dataDir, backupsDir: join(dataDir, '..', 'backups') });
    expect((await workspace.clients.list()).map((client) => client.name)).toEqual(['New One', 'New Two', 'Old Two']);
    await workspace.close();
    expect(await documentsOnDisk(dataDir)).toEqual(expectedDocuments(newPractice, newClients));
    expect(Object.keys(await hashTree(dataDir)).filter((path) => !path.startsWith('clients/'))).toEqual(['practice.json']);
  });

  it('refuses to guess when the journal is damaged', async () => {
    const { dataDir } = await oldAndNew();
    await writeFile(join(dataDir, JOURNAL_FILE), '{"staging":"../../etc","clientFiles":[]}');
    const error = await testWorkspace({ dir: dataDir }).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ code: 'CORRUPT_STORE' });
  });
});

describe('writes around a restore', () => {
  it('land in the safety backup or in the restored data, never lost in between', async () => {
    const root = await tempDir();
    const dataDir = join(root, 'data');
    const amara = clientDocument('Amara Okafor');
    await seedDataDir(dataDir, practiceDocument('Dana'), [amara]);
    const workspace = await testWorkspace({ dir: dataDir, backupsDir: join(root, 'backups') });
    const backupPath = join(root, 'b.rapport-backup');
    await workspace.backup.create(backupPath);

    const CREATED = 40;
    async function keepAdding(): Promise<void> {
      for (let index = 1; index <= CREATED; index += 1) await workspace.clients.create({ name: `Added ${index}` });
    }
    const [summary] = await Promise.all([workspace.backup.restore(backupPath), keepAdding()]);

    const names = async () => (await workspace.clients.list()).map((client) => client.name);
    const afterSwap = await names();
    await workspace.backup.restoreAutomatic(summary.safetyBackup);
    const inSafetyBackup = await names();
    for (let index = 1; index <= CREATED; index += 1) expect([...afterSwap, ...inSafetyBackup]).toContain(`Added ${index}`);
    expect(afterSwap).toContain('Amara Okafor');
  });
});

describe('a restore of a backup the worker staged', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  /** A backup of five clients, and a store holding three others, open on its own data folder. */
  async function stagedRestore() {
    const root = await tempDir();
    const sourceDir = join(root, 'source');
    const incoming = Array.from({ length: 5 }, (_, index) => clientDocument(`Incoming ${index + 1}`, index));
    await seedDataDir(sourceDir, practiceDocument('Incoming Coach'), incoming);
    const source = await testWorkspace({ dir: sourceDir, backupsDir: join(root, 'source-backups') });
    const filePath = join(root, 'b.rapport-backup');
    await source.backup.create(filePath);
    await source.close();
    const dataDir = join(root, 'data');
    await seedDataDir(dataDir, practiceDocument('Current Coach'), [
      clientDocument('Current 1'),
      clientDocument('Current 2'),
      clientDocument('Current 3'),
    ]);
    const store = await DocumentStore.open(dataDir, () => new Date());
    const opened = await openBackup(filePath, undefined, storeLayout(dataDir));
    return { dataDir, incoming, store, opened };
  }

  it('lets go of the documents it replaces before it reads the new ones in, so it never holds both', async () => {
    const { incoming, store, opened } = await stagedRestore();
    expect(opened.payload).toBeNull();
    const incomingTexts = new Set(incoming.map((document) => JSON.stringify(document)));
    const heldWhileParsing: number[] = [];
    const parse = JSON.parse.bind(JSON);
    vi.spyOn(JSON, 'parse').mockImplementation((text: string, reviver?: Parameters<typeof JSON.parse>[1]) => {
      // Compared by what the text says: the app parses it with non-ASCII characters escaped (json-bytes.ts).
      if (incomingTexts.has(JSON.stringify(parse(text)))) heldWhileParsing.push(store.allClients().length);
      return parse(text, reviver) as unknown;
    });

    await store.replaceAll(async () => ({ replacement: replacementOf(opened), result: null }));

    expect(heldWhileParsing).toEqual([0, 0, 0, 0, 0]);
    const names = (documents: { client: { name: string } }[]) => documents.map((document) => document.client.name).sort();
    expect(names(store.allClients())).toEqual(names(incoming));
    expect(store.practice().settings.coachName).toBe('Incoming Coach');
  });

  it('has let go of the replaced clients, and collected them, when the new ones are read in, search included', async () => {
    const { dataDir, incoming, store, opened } = await stagedRestore();
    const texts = new DocumentTexts(dataDir, { referenced: () => new Set() });
    const search = createSearchService(
      createContext(store, dataDir, 'test', () => new Date()),
      texts,
    );
    // Indexing ahead runs to its end and keeps its handle, as it does in the app.
    await search.query('Current');
    await setTimeout(50);
    const replaced = [store.practice(), ...store.allClients()].map((document) => new WeakRef(document));
    await setTimeout(0);
    const incomingTexts = new Set(incoming.map((document) => JSON.stringify(document)));
    let stillHeld: number[] | null = null;
    const parse = JSON.parse.bind(JSON);
    vi.spyOn(JSON, 'parse').mockImplementation((text: string, reviver?: Parameters<typeof JSON.parse>[1]) => {
      if (stillHeld === null && incomingTexts.has(JSON.stringify(parse(text)))) {
        stillHeld = replaced.flatMap((reference, index) => (reference.deref() === undefined ? [] : [index]));
      }
      return parse(text, reviver) as unknown;
    });

    await store.replaceAll(async () => ({ replacement: replacementOf(opened), result: null }));
    search.close();

    // Nothing holds them, and the store collected them itself, so they are gone before the new set
    // is read in; only the practice document (a few kilobytes) is let go of once the new one is in.
    expect(stillHeld).toEqual([0]);
  });

  it('serves nothing changed after the worker checked it: writes stop, and opening again reads what is on disk', async () => {
    const { dataDir, incoming, store, opened } = await stagedRestore();
    const staged = join(opened.staged!.folder.dir, 'clients', clientFileName(incoming[2].client.id));
    const changed = JSON.parse(await readFile(staged, 'utf8')) as (typeof incoming)[number];
    changed.client.name = 'Changed Behind Rapport';
    await writeFile(staged, JSON.stringify(changed));

    await expect(store.replaceAll(async () => ({ replacement: replacementOf(opened), result: null }))).rejects.toMatchObject({
      code: 'IO_ERROR',
    });
    await expect(store.updatePractice(() => undefined)).rejects.toMatchObject({ code: 'IO_ERROR' });

    const reopened = await DocumentStore.open(dataDir, () => new Date());
    expect(
      reopened
        .allClients()
        .map((document) => document.client.name)
        .sort(),
    ).toEqual(['Changed Behind Rapport', ...incoming.filter((_, index) => index !== 2).map((document) => document.client.name)].sort());
  });
});
