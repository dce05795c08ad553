import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FILE_NAME } from '../../../electron/core/data-layout';
import { openWorkspace } from '../../../electron/core/workspace';
import { ClientDocument } from '../../../shared/model/documents';
import { bundleScript, runScript } from '../../helpers/node-script';
import { tempDir } from '../../helpers/temp-dir';

const RUNS = 30;
let script: string;

beforeAll(async () => {
  script = await bundleScript(join(import.meta.dirname, 'scripts/attach-loop.ts'));
});

/** Every document of every client file as it is on disk, read without Rapport. */
async function documentsOnDisk(dataDir: string) {
  const clientsDir = join(dataDir, 'clients');
  const documents: ClientDocument['documents'] = [];
  for (const name of await readdir(clientsDir)) {
    if (!name.endsWith('.json')) continue;
    documents.push(...ClientDocument.parse(JSON.parse(await readFile(join(clientsDir, name), 'utf8'))).documents);
  }
  return documents;
}

describe('a process killed while attaching', () => {
  it(`never leaves a document without its file, nor a temp file as a document (${RUNS} SIGKILLs)`, { timeout: 300_000 }, async () => {
    const root = await tempDir('rapport-attach-crash-');
    const dataDir = join(root, 'data');
    const acknowledged = new Set<string>();
    const removed = new Set<string>();
    // Asked to be removed; without "removed" after it the kill may have come before or after the removal was durable.
    const removing = new Set<string>();
    let attachedSoFar = 0;
    for (let run = 0; run < RUNS; run += 1) {
      const child = runScript(script, [dataDir, join(root, 'inbox')]);
      await child.waitFor(/^ready$/);
      // The kill lands anywhere in the next two attaches: timed by this run's first one, so a
      // loaded machine (slower attaches) gets a window as long, in attaches, as a quiet one.
      const started = performance.now();
      await child.waitFor(/^ack attached /);
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 2 * (performance.now() - started)));
      child.child.kill('SIGKILL');
      await child.exited;
      for (const line of child.lines) {
        const [, kind, id] = line.split(' ');
        if (kind === 'attached') acknowledged.add(id);
        if (kind === 'removed') removed.add(id);
        if (kind === 'removing') removing.add(id);
      }

      // As the crash left it, before Rapport opens the folder again: every file a document names is there, whole.
      const documents = await documentsOnDisk(dataDir);
      const filesDir = join(dataDir, 'files');
      for (const document of documents) {
        const bytes = await readFile(join(filesDir, document.sha256));
        expect(createHash('sha256').update(bytes).digest('hex')).toBe(document.sha256);
        expect(bytes.byteLength).toBe(document.size);
      }
      const ids = new Set(documents.map((document) => document.id));
      for (const id of acknowledged) if (!removed.has(id) && !removing.has(id)) expect(ids.has(id), `acknowledged ${id}`).toBe(true);
      for (const id of removed) expect(ids.has(id), `removed ${id}`).toBe(false);
      attachedSoFar = Math.max(attachedSoFar, documents.length);

      // Opening sweeps what the crash left: no temp file, and no stored file nothing names.
      const workspace = await openWorkspace(dataDir);
      try {
        const [client] = await workspace.clients.list();
        const listed = await workspace.documents.list(client.id);
        expect(listed.every((document) => document.integrity === 'ok')).toBe(true);
        const names = await readdir(filesDir);
        expect(names.every((name) => FILE_NAME.test(name))).toBe(true);
        expect(new Set(names)).toEqual(new Set(listed.map((document) => document.sha256)));
      } finally {
        await workspace.close();
      }
    }
    // More attaches acknowledged than runs: kills came after later attaches too, not only the first.
    expect(acknowledged.size).toBeGreaterThan(RUNS);
  });
});
