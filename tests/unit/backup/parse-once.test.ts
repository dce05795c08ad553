import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../../helpers/temp-dir';
import { testWorkspace } from '../../helpers/workspace-api';
import { clientDocument, documentsOnDisk, expectedDocuments, practiceDocument, seedDataDir } from './fixtures';

afterEach(() => {
  vi.restoreAllMocks();
});

async function seeded(name: string, clientCount: number, sessions = (index: number) => index % 4) {
  const root = await tempDir();
  const dataDir = join(root, 'data');
  const practice = practiceDocument(name);
  const clients = Array.from({ length: clientCount }, (_, index) => clientDocument(`Client ${index + 1}`, sessions(index)));
  await seedDataDir(dataDir, practice, clients);
  const workspace = await testWorkspace({ dir: dataDir, backupsDir: join(root, 'backups') });
  return { root, dataDir, practice, clients, workspace };
}

/*
 * The backup worker checks each document's bytes (hash, structure bounds) under its own memory
 * limit; the app's thread then parses each document on its own, never the payload as a whole:
 * once, to check and hold it, when the practice it replaces is small; otherwise once to check it
 * and once more to read it back after the swap, so that it never holds two large practices.
 */
/**
 * A parsed text as JSON.stringify writes its value: the app parses a document's text with its
 * non-ASCII characters written as escapes (json-bytes.ts), so texts are compared by what they say.
 */
function sameText(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text));
  } catch {
    return text;
  }
}

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
    const parsed = parsedTexts.map(sameText);
    for (const text of documentTexts) expect(parsed.filter((one) => one === text)).toHaveLength(1);
    expect(await documentsOnDisk(target.dataDir)).toEqual(expectedDocuments(source.practice, source.clients));
  });

  it('parses each document twice when the practice it replaces is large: to check it, then after the swap', async () => {
    const source = await seeded('Source Coach', 6);
    const filePath = join(source.root, 'b.rapport-backup');
    await source.workspace.backup.create(filePath, options);
    // About 5 MiB on disk, above what a restore holds both of.
    const target = await seeded('Target Coach', 8, () => 1000);

    const documentTexts = [source.practice, ...source.clients].map((document) => JSON.stringify(document));
    const parse = vi.spyOn(JSON, 'parse');
    await target.workspace.backup.restore(filePath, options);
    const parsed = parse.mock.calls.map(([text]) => text);
    parse.mockRestore();

    for (const text of documentTexts) expect(parsed.map(sameText).filter((one) => one === text)).toHaveLength(2);
    expect((await target.workspace.clients.list()).map(({ name }) => name).sort()).toEqual(
      source.clients.map(({ client }) => client.name).sort(),
    );
  });
});
