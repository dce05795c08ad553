import { randomBytes } from 'node:crypto';
import { cp, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { openWorkspace } from '../../../electron/core/workspace';
import { tempDir } from '../../helpers/temp-dir';
import { clientDocument, documentsOnDisk, expectedDocuments, hashTree, practiceDocument, seedDataDir } from './fixtures';
import { bundleChild, inPairs, killAt, pairedElapsed, runChild } from './child-process';
import { digestOf, filesOnDisk, seedFiles, withAttachments } from './container-fixtures';

/*
 * Kills at random moments of a backup and of a restore of a practice with attached files: the
 * data folder always opens, a document never names a missing file, a restore is all or nothing,
 * and nothing is left outside the data folder but complete backups.
 */

const RUNS = 30;
let childScript = '';

// Per test: temp dirs are removed after each.
beforeEach(async () => {
  childScript = await bundleChild('attachments-child');
});

/** A practice whose clients hold attached files of 1.5 MB each (so that a kill can land inside one). */
async function seedPractice(dataDir: string, prefix: string, count: number, shared: readonly Buffer[]) {
  const files = [...shared, ...Array.from({ length: count }, () => randomBytes(1_500_000))];
  const practice = practiceDocument(`${prefix} Coach`);
  const clients = Array.from({ length: count }, (_, index) =>
    withAttachments(clientDocument(`${prefix} client ${index}`, 2), [files[shared.length + index], ...shared]),
  );
  await seedDataDir(dataDir, practice, clients);
  await seedFiles(dataDir, files);
  await (await openWorkspace(dataDir, { backupsDir: join(dataDir, '..', 'unused') })).close();
  return { practice, clients, files: files.map(digestOf).sort() };
}

/** Only documents and files: no staging folder, journal or temp file is left in the data folder. */
async function expectTidy(dataDir: string): Promise<void> {
  const tree = await hashTree(dataDir);
  const stray = Object.keys(tree).filter(
    (path) => !/^(clients\/[^/]+\.json|files\/[0-9a-f]{64}|practice\.json|clients\/|files\/|rapport\.lock|quarantine\/)$/.test(path),
  );
  expect(stray).toEqual([]);
}

describe('kills during work on a practice with attached files', () => {
  it(
    `a restore killed at any moment leaves the old or the new data and files, never a mix (${RUNS} SIGKILLs)`,
    { timeout: 300_000 },
    async () => {
      const root = await tempDir();
      const shared = [randomBytes(200_000)];
      const template = join(root, 'template');
      const old = await seedPractice(template, 'Old', 8, shared);
      const oldTree = await hashTree(template);
      const source = join(root, 'source');
      const next = await seedPractice(source, 'New', 12, shared);
      const backupPath = join(root, 'new.rapport-backup');
      const writer = await openWorkspace(source, { backupsDir: join(root, 'unused') });
      await writer.backup.create(backupPath);
      await writer.close();

      const elapsed = await pairedElapsed(childScript, async (index) => {
        const calibration = join(root, `calibration-${index}`);
        await cp(template, calibration, { recursive: true });
        return ['restore', calibration, join(root, `calibration-backups-${index}`), backupPath];
      });
      // Timed two at a time, as the killed runs go: a third of the kills land after the end.
      const span = elapsed * 1.5;

      const outcomes = { old: 0, new: 0 };
      const { 'rapport.lock': _lock, ...oldFiles } = oldTree;
      async function killedRun(run: number): Promise<void> {
        const dataDir = join(root, `run-${run}`);
        await cp(template, dataDir, { recursive: true });
        await runChild(childScript, ['restore', dataDir, join(root, `backups-${run}`), backupPath], killAt(run, RUNS, span));
        const reopened = await openWorkspace(dataDir, { backupsDir: join(root, `backups-${run}`) });
        const names = (await reopened.clients.list()).map((client) => client.name);
        await reopened.close();
        await expectTidy(dataDir);
        if (names.includes('New client 0')) {
          outcomes.new += 1;
          expect(await documentsOnDisk(dataDir)).toEqual(expectedDocuments(next.practice, next.clients));
          expect(await filesOnDisk(dataDir)).toEqual(next.files);
        } else {
          outcomes.old += 1;
          const { 'rapport.lock': _, ...tree } = await hashTree(dataDir);
          expect(tree).toEqual(oldFiles);
          expect(await filesOnDisk(dataDir)).toEqual(old.files);
        }
        await rm(dataDir, { recursive: true, force: true });
      }
      await inPairs(RUNS, killedRun);
      console.info(`restore took ${elapsed?.toFixed(0)} ms; killed runs left old data ${outcomes.old}×, new data ${outcomes.new}×`);
      expect(outcomes.old).toBeGreaterThan(0);
      expect(outcomes.new).toBeGreaterThan(0);
      // Nothing was written beside the data folders but their own backup folders.
      expect(
        (await readdir(root)).filter(
          (name) => !/^(template|source|calibration-\d|new\.rapport-backup|unused|(calibration-)?backups(-\d+)?)$/.test(name),
        ),
      ).toEqual([]);
    },
  );

  it(
    `a backup killed at any moment leaves the data as it was and only complete backups (${RUNS} SIGKILLs)`,
    { timeout: 300_000 },
    async () => {
      const root = await tempDir();
      const template = join(root, 'template');
      const seeded = await seedPractice(template, 'Kept', 12, [randomBytes(100_000)]);
      const { 'rapport.lock': _lock, ...before } = await hashTree(template);
      const elapsed = await pairedElapsed(childScript, async (index) => {
        const calibration = join(root, `calibration-${index}`);
        await cp(template, calibration, { recursive: true });
        return ['backup', calibration, join(root, `calibration-backups-${index}`)];
      });
      // Timed two at a time, as the killed runs go: a third of the kills land after the end.
      const span = elapsed * 1.5;

      const outcomes = { written: 0, none: 0 };
      async function killedRun(run: number): Promise<void> {
        const dataDir = join(root, `run-${run}`);
        const backupsDir = join(root, `backups-${run}`);
        await cp(template, dataDir, { recursive: true });
        await runChild(childScript, ['backup', dataDir, backupsDir], killAt(run, RUNS, span));
        const { 'rapport.lock': _held, ...after } = await hashTree(dataDir);
        expect(after).toEqual(before);
        // Opening sweeps what a cut-off backup left; every backup still listed restores whole.
        const reopened = await openWorkspace(dataDir, { backupsDir });
        const listed = await reopened.backup.listAutomatic();
        expect((await readdir(backupsDir).catch(() => [] as string[])).length).toBe(listed.length);
        await reopened.close();
        if (listed.length === 0) outcomes.none += 1;
        for (const backup of listed) {
          outcomes.written += 1;
          const target = join(root, `restored-${run}`);
          const fresh = await openWorkspace(target, { backupsDir: join(root, `restored-backups-${run}`) });
          await fresh.backup.restore(join(backupsDir, backup.fileName));
          await fresh.close();
          expect(await documentsOnDisk(target)).toEqual(expectedDocuments(seeded.practice, seeded.clients));
          expect(await filesOnDisk(target)).toEqual(seeded.files);
          await rm(target, { recursive: true, force: true });
        }
        await rm(dataDir, { recursive: true, force: true });
      }
      await inPairs(RUNS, killedRun);
      console.info(`backup took ${elapsed?.toFixed(0)} ms; killed runs left a backup ${outcomes.written}×, none ${outcomes.none}×`);
      expect(outcomes.written).toBeGreaterThan(0);
      expect(outcomes.none).toBeGreaterThan(0);
    },
  );
});
