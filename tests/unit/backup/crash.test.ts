import { createHash } from 'node:crypto';
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { openWorkspace } from '../../../electron/core/workspace';
import { tempDir } from '../../helpers/temp-dir';
import { clientDocument, createJsonBackup, documentsOnDisk, expectedDocuments, hashTree, practiceDocument, seedDataDir } from './fixtures';
import { bundleChild, inPairs, killAt, runChild } from './child-process';

const RUNS = 32;
let childScript = '';

// Per test: temp dirs are removed after each.
beforeEach(async () => {
  childScript = await bundleChild('restore-child');
});

/** The backup as Rapport wrote it, or with one client's ids in upper case (as a crafted or older file may hold them). */
async function upperCaseIds(backupPath: string, clientId: string): Promise<void> {
  const envelope = JSON.parse(await readFile(backupPath, 'utf8')) as {
    payloadSha256: string;
    payload: { clients: { client: { id: string } }[] };
  };
  const index = envelope.payload.clients.findIndex((document) => document.client.id === clientId);
  const upper = JSON.stringify(envelope.payload.clients[index]).replaceAll(
    /"([0-9a-f-]{36})"/g,
    (_, id: string) => `"${id.toUpperCase()}"`,
  );
  envelope.payload.clients[index] = JSON.parse(upper) as { client: { id: string } };
  envelope.payloadSha256 = createHash('sha256').update(JSON.stringify(envelope.payload)).digest('hex');
  await writeFile(backupPath, `${JSON.stringify(envelope)}\n`);
}

describe.each([
  { variant: 'as Rapport wrote it', runs: RUNS, upper: false },
  { variant: 'holding upper-case ids', runs: 20, upper: true },
])('a restore killed at any moment, the backup $variant', ({ runs: RUNS, upper }) => {
  it(`leaves the old or the new data, never a mix, and every later open succeeds (${RUNS} SIGKILLs)`, { timeout: 300_000 }, async () => {
    const root = await tempDir();
    const oldPractice = practiceDocument('Old Coach');
    const oldClients = Array.from({ length: 30 }, (_, index) => clientDocument(`Old client ${index}`, 3));
    const newPractice = practiceDocument('New Coach');
    const newClients = [...Array.from({ length: 40 }, (_, index) => clientDocument(`New client ${index}`, 3)), oldClients[0]];

    const template = join(root, 'template');
    await seedDataDir(template, oldPractice, oldClients);
    await (await openWorkspace(template, { backupsDir: join(root, 'unused') })).close();
    const oldTree = await hashTree(template);

    const source = join(root, 'source');
    await seedDataDir(source, newPractice, newClients);
    const backupPath = join(root, 'new.rapport-backup');
    const writer = await openWorkspace(source, { backupsDir: join(root, 'unused') });
    if (upper) await createJsonBackup(writer, backupPath);
    else await writer.backup.create(backupPath);
    await writer.close();
    if (upper) await upperCaseIds(backupPath, newClients[3].client.id);

    const calibration = join(root, 'calibration');
    await cp(template, calibration, { recursive: true });
    const elapsed = await runChild(childScript, [calibration, join(root, 'calibration-backups'), backupPath], null);
    expect(elapsed).not.toBeNull();
    const span = (elapsed ?? 0) * 2;

    const outcomes = { old: 0, new: 0 };
    const { 'rapport.lock': _lock, ...oldFiles } = oldTree;
    async function killedRun(run: number): Promise<void> {
      const dataDir = join(root, `run-${run}`);
      await cp(template, dataDir, { recursive: true });
      await runChild(childScript, [dataDir, join(root, `backups-${run}`), backupPath], killAt(run, RUNS, span));

      const reopened = await openWorkspace(dataDir, { backupsDir: join(root, `backups-${run}`) });
      const names = (await reopened.clients.list()).map((client) => client.name);
      await reopened.close();
      const tree = await hashTree(dataDir);
      // No staging folder, journal or temp file is left behind.
      expect(Object.keys(tree).filter((path) => !path.startsWith('clients/') && path !== 'practice.json')).toEqual([]);
      if (names.includes('New client 0')) {
        outcomes.new += 1;
        expect(names).toHaveLength(41);
        expect(await documentsOnDisk(dataDir)).toEqual(expectedDocuments(newPractice, newClients));
      } else {
        outcomes.old += 1;
        expect(names).toHaveLength(30);
        expect(tree).toEqual(oldFiles);
      }
      await rm(dataDir, { recursive: true, force: true });
    }
    await inPairs(RUNS, killedRun);
    console.info(`restore took ${elapsed?.toFixed(0)} ms; killed runs left old data ${outcomes.old}×, new data ${outcomes.new}×`);
    expect(outcomes.old).toBeGreaterThan(0);
    expect(outcomes.new).toBeGreaterThan(0);
  });
});
