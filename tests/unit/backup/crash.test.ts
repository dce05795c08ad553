import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { beforeEach, describe, expect, it } from 'vitest';
import { openWorkspace } from '../../../electron/core/workspace';
import { tempDir } from '../../helpers/temp-dir';
import { clientDocument, createJsonBackup, documentsOnDisk, expectedDocuments, hashTree, practiceDocument, seedDataDir } from './fixtures';

const RUNS = 32;
/** Bundled CommonJS dependencies (tar-stream) require Node's modules; an ES module has no `require` of its own. */
const CJS_REQUIRE = "import { createRequire as __rapportRequire } from 'node:module'; const require = __rapportRequire(import.meta.url);";
let childScript = '';

// Per test: temp dirs are removed after each.
beforeEach(async () => {
  childScript = join(await tempDir('rapport-crash-child-'), 'restore-child.mjs');
  await build({
    entryPoints: [fileURLToPath(new URL('./restore-child.ts', import.meta.url))],
    outfile: childScript,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    banner: { js: CJS_REQUIRE },
    logLevel: 'silent',
  });
});

interface ChildRun {
  /** Milliseconds from `ready` to `done`, or null when killed first. */
  elapsed: number | null;
}

/** Runs a restore in a child process and kills it with SIGKILL `killAfter` ms after it starts restoring. */
function runChild(args: string[], killAfter: number | null): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childScript, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let readyAt = 0;
    let elapsed: number | null = null;
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      if (text.includes('ready')) {
        readyAt = performance.now();
        if (killAfter !== null) setTimeout(() => child.kill('SIGKILL'), killAfter);
      }
      if (text.includes('done')) elapsed = performance.now() - readyAt;
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL' || code === 0) resolve({ elapsed });
      else reject(new Error(`the restore child failed (${code}): ${stderr}`));
    });
  });
}

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
    const { elapsed } = await runChild([calibration, join(root, 'calibration-backups'), backupPath], null);
    expect(elapsed).not.toBeNull();
    const span = (elapsed ?? 0) * 2;

    // Two at a time (the machine has two cores); each run has its own folders.
    const outcomes = { old: 0, new: 0 };
    const { 'rapport.lock': _lock, ...oldFiles } = oldTree;
    async function killedRun(run: number): Promise<void> {
      const dataDir = join(root, `run-${run}`);
      await cp(template, dataDir, { recursive: true });
      // Spread over the whole restore, from before it reads the file to after it finished, with jitter.
      const killAfter = Math.max(0, (run / (RUNS - 1)) * span + (Math.random() - 0.5) * (span / RUNS));
      await runChild([dataDir, join(root, `backups-${run}`), backupPath], killAfter);

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
    for (let run = 0; run < RUNS; run += 2) await Promise.all([killedRun(run), killedRun(run + 1)]);
    console.info(`restore took ${elapsed?.toFixed(0)} ms; killed runs left old data ${outcomes.old}×, new data ${outcomes.new}×`);
    expect(outcomes.old).toBeGreaterThan(0);
    expect(outcomes.new).toBeGreaterThan(0);
  });
});
