import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../../helpers/temp-dir';
import { testWorkspace } from '../../helpers/workspace-api';
import { clientDocument, documentsOnDisk, expectedDocuments, practiceDocument, seedDataDir } from './fixtures';

afterEach(() => {
  vi.restoreAllMocks();
});

async function seeded(name: string, clientCount: number) {
  const root = await tempDir();
  const dataDir = join(root, 'data');
  const practice = practiceDocument(name);
  const clients = Array.from({ length: clientCount }, (_, index) => clientDocument(`Client ${index + 1}`, index % 4));
  await seedDataDir(dataDir, practice, clients);
  const workspace = await testWorkspace({ dir: dataDir, backupsDir: join(root, 'backups') });
  return { root, dataDir, practice, clients, workspace };
}

/*
 * The backup worker parses the whole payload once, under its own memory limit. The app's thread
 * must then parse each document once, on its own, and never the payload as a whole again.
 */
describe.each([
  { label: 'plain', options: {} },
  { label: 'encrypted', options: { passphrase: 'correct horse battery staple' } },
])('a restore on the app’s thread ($label)', ({ options }) => {
  it('parses each document of the backup once and never the whole payload', async () => {
    const source = await seeded('Source Coach', 12);
    const filePath = join(source.root, 'b.rapport-backup');
    await source.workspace.backup.create(filePath, options);
    const target = await seeded('Target Coach', 2);

    const payloadLength = JSON.stringify({ practice: source.practice, clients: source.clients }).length;
    const documentTexts = [source.practice, ...source.clients].map((document) => JSON.stringify(document));
    const parse = vi.spyOn(JSON, 'parse');
    await target.workspace.backup.restore(filePath, options);
    const parsedTexts = parse.mock.calls.map(([text]) => text);
    parse.mockRestore();

    expect(parsedTexts.map((text) => text.length).filter((length) => length >= payloadLength)).toEqual([]);
    for (const text of documentTexts) expect(parsedTexts.filter((parsed) => parsed === text)).toHaveLength(1);
    expect(await documentsOnDisk(target.dataDir)).toEqual(expectedDocuments(source.practice, source.clients));
  });
});
