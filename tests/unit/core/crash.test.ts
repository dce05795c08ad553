import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ClientDocument } from '../../../shared/model/documents';
import { openWorkspace } from '../../../electron/core/workspace';
import { bundleScript, runScript } from '../../helpers/node-script';
import { tempDir } from '../../helpers/temp-dir';

const RUNS = 50;
let script: string;

beforeAll(async () => {
  script = await bundleScript(join(import.meta.dirname, 'scripts/save-loop.ts'));
});

describe('a process killed while saving', () => {
  it(`keeps every save that had resolved and damages nothing (${RUNS} SIGKILLs)`, { timeout: 240_000 }, async () => {
    const dir = await tempDir();
    const acknowledgedClients = new Set<string>();
    let lastCounter = 0;
    for (let run = 0; run < RUNS; run += 1) {
      const child = runScript(script, [dir]);
      await child.waitFor(/^ready$/);
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 60));
      child.child.kill('SIGKILL');
      await child.exited;
      for (const line of child.lines) {
        const [, kind, value] = line.split(' ');
        if (kind === 'counter') lastCounter = Math.max(lastCounter, Number(value));
        if (kind === 'created') acknowledgedClients.add(value);
      }

      const workspace = await openWorkspace(dir);
      try {
        expect((await workspace.app.status()).quarantined).toEqual([]);
        const clients = await workspace.clients.list();
        const ids = new Set(clients.map((client) => client.id));
        for (const id of acknowledgedClients) expect(ids.has(id)).toBe(true);
        const counter = clients.find((client) => client.name === 'Counter');
        expect(Number(counter?.tags[0])).toBeGreaterThanOrEqual(lastCounter);
        lastCounter = Number(counter?.tags[0]);
      } finally {
        await workspace.close();
      }
    }
    expect(lastCounter).toBeGreaterThan(RUNS);
    const files = await readdir(join(dir, 'clients'));
    for (const file of files) {
      expect(file).toMatch(/^[0-9a-f-]{36}\.json$/);
      expect(ClientDocument.safeParse(JSON.parse(await readFile(join(dir, 'clients', file), 'utf8'))).success).toBe(true);
    }
  });
});
