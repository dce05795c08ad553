import { createHash, randomBytes } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FILE_NAME } from '../../../electron/core/data-layout';
import { storedFilePath } from '../../../electron/core/files/file-store';
import { openWorkspace } from '../../../electron/core/workspace';
import { bundleScript, runScript } from '../../helpers/node-script';
import { tempDir } from '../../helpers/temp-dir';

const RUNS = 30;
let script: string;

beforeAll(async () => {
  script = await bundleScript(join(import.meta.dirname, 'scripts/recover-loop.ts'));
});

describe('a process killed while recovering a file from a backup', () => {
  it(
    `leaves the stored file damaged or whole, never a part of the copy, and no temp file after opening (${RUNS} SIGKILLs)`,
    { timeout: 600_000 },
    async () => {
      const root = await tempDir('rapport-recover-crash-');
      const dataDir = join(root, 'data');
      // 6 MB, so that a kill often lands while the copy streams in; not a PDF, so that no text is extracted meanwhile.
      const bytes = randomBytes(6 * 1024 * 1024);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const setup = await openWorkspace(dataDir);
      try {
        const client = await setup.clients.create({ name: 'Amara Okafor' });
        const path = join(root, 'recording.bin');
        await writeFile(path, bytes);
        await setup.documents.attach(client.id, [path], {});
        await setup.backup.runAutomatic('quit');
      } finally {
        await setup.close();
      }
      const filesDir = join(dataDir, 'files');
      let recoveries = 0;
      let sawTemp = 0;
      for (let run = 0; run < RUNS; run += 1) {
        const child = runScript(script, [dataDir]);
        await child.waitFor(/^ready$/);
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 400));
        child.child.kill('SIGKILL');
        await child.exited;
        recoveries += child.lines.filter((line) => line === 'recovered').length;

        // As the crash left it: the stored file is the copy, whole, or the damage (a kill while damaging may cut it short).
        const stored = await readFile(storedFilePath(dataDir, sha256));
        const whole = createHash('sha256').update(stored).digest('hex') === sha256;
        if (!whole)
          expect(
            stored.every((byte) => byte === 0x5a),
            `run ${run}: neither whole nor the damage`,
          ).toBe(true);
        if ((await readdir(filesDir)).some((name) => !FILE_NAME.test(name))) sawTemp += 1;

        // Opening sweeps the temp copy a kill left; the file is then recovered (or already whole).
        const workspace = await openWorkspace(dataDir);
        try {
          expect(await readdir(filesDir)).toEqual([sha256]);
          const [client] = await workspace.clients.list();
          const [document] = await workspace.documents.list(client.id);
          expect(document.integrity).toBe(whole ? 'ok' : 'damaged');
          await workspace.documents.recoverFile(client.id, document.id);
          // Compared as a digest: a deep equality over 6 MB byte by byte takes minutes.
          expect(
            createHash('sha256')
              .update(await readFile(storedFilePath(dataDir, sha256)))
              .digest('hex'),
          ).toBe(sha256);
        } finally {
          await workspace.close();
        }
      }
      // The kills landed both between recoveries and while a copy was being written.
      expect(recoveries).toBeGreaterThan(0);
      expect(sawTemp).toBeGreaterThan(0);
    },
  );
});
