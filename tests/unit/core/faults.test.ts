import { chmod, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../../../electron/core/workspace';
import { bundleScript, runScript } from '../../helpers/node-script';
import { tempDir } from '../../helpers/temp-dir';
import { canMount, mountTmpfs } from '../../helpers/tmpfs';
import { testWorkspace } from '../../helpers/workspace-api';

async function snapshot(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && entry.name !== 'rapport.lock') {
      const path = join(entry.parentPath, entry.name);
      files[path.slice(dir.length)] = await readFile(path, 'base64');
    }
  }
  return files;
}

describe('damaged documents', () => {
  it('quarantines a client file with garbage bytes, reports it, and opens every other client', async () => {
    const dir = await tempDir();
    const first = await openWorkspace(dir);
    const kept = await first.clients.create({ name: 'Kept Client' });
    const damaged = await first.clients.create({ name: 'Ivo Damaged' });
    await first.close();
    const file = join(dir, 'clients', `${damaged.id}.json`);
    const original = await readFile(file);
    const cut = original.indexOf('"preferredName"');
    await writeFile(file, Buffer.concat([original.subarray(0, cut), Buffer.from([0, 0, 0xff, 0xfe, 0])]));
    const garbage = await readFile(file);

    const workspace = await testWorkspace({ dir });
    expect((await workspace.clients.list()).map((client) => client.id)).toEqual([kept.id]);
    const { quarantined } = await workspace.app.status();
    expect(quarantined).toHaveLength(1);
    expect(quarantined[0]).toMatchObject({ clientId: damaged.id, clientName: 'Ivo Damaged' });
    expect(quarantined[0].reason).toMatch(/damaged/);
    expect(await readFile(join(dir, quarantined[0].file))).toEqual(garbage);
    expect(await readdir(join(dir, 'clients'))).toEqual([`${kept.id}.json`]);
  });

  it('quarantines a document that parses but fails validation, untouched', async () => {
    const dir = await tempDir();
    const first = await openWorkspace(dir);
    const client = await first.clients.create({ name: 'Jo' });
    await first.close();
    const file = join(dir, 'clients', `${client.id}.json`);
    const document = JSON.parse(await readFile(file, 'utf8'));
    document.client.status = 'vanished';
    await writeFile(file, JSON.stringify(document));
    const before = await readFile(file);

    const workspace = await testWorkspace({ dir });
    const [report] = (await workspace.app.status()).quarantined;
    expect(report).toMatchObject({ clientId: client.id, clientName: 'Jo' });
    expect(await readFile(join(dir, report.file))).toEqual(before);
  });

  it('quarantines a damaged practice file and starts with default settings', async () => {
    const dir = await tempDir();
    await (await openWorkspace(dir)).close();
    await writeFile(join(dir, 'practice.json'), '');
    const workspace = await testWorkspace({ dir });
    expect((await workspace.app.status()).quarantined).toEqual([
      expect.objectContaining({ clientId: null, reason: expect.stringMatching(/empty/) }),
    ]);
    expect((await workspace.settings.get()).noContactDays).toBe(21);
  });

  it('refuses a document written by a newer Rapport and changes nothing', async () => {
    const dir = await tempDir();
    const first = await openWorkspace(dir);
    const client = await first.clients.create({ name: 'Kai' });
    await first.close();
    const file = join(dir, 'clients', `${client.id}.json`);
    const document = JSON.parse(await readFile(file, 'utf8'));
    await writeFile(file, JSON.stringify({ ...document, schemaVersion: 99 }));
    const before = await snapshot(dir);
    await expect(openWorkspace(dir)).rejects.toMatchObject({ code: 'NEWER_VERSION' });
    expect(await snapshot(dir)).toEqual(before);
    expect(await readdir(dir)).not.toContain('rapport.lock');
  });

  it('removes temp files left by an interrupted write', async () => {
    const dir = await tempDir();
    await (await openWorkspace(dir)).close();
    await writeFile(join(dir, 'clients', '0b7c1a9e-3d6f-4e8a-9b2c-5d4e3f2a1b0c.json.tmp-abc123'), '{"half');
    await testWorkspace({ dir });
    expect(await readdir(join(dir, 'clients'))).toEqual([]);
  });
});

describe('the data directory lock', () => {
  it('refuses a second workspace on the same directory in the same process', async () => {
    const dir = await tempDir();
    await testWorkspace({ dir });
    await expect(openWorkspace(dir)).rejects.toMatchObject({ code: 'LOCKED' });
    await expect(openWorkspace(join(dir, '.'))).rejects.toMatchObject({ code: 'LOCKED' });
  });

  it('refuses a directory held by another running process, and opens once it is released', async () => {
    const dir = await tempDir();
    const holder = runScript(await bundleScript(join(import.meta.dirname, 'scripts/hold-lock.ts')), [dir]);
    await holder.waitFor(/^ready$/);
    await expect(openWorkspace(dir)).rejects.toMatchObject({ code: 'LOCKED', message: expect.stringMatching(/already open/) });
    holder.child.stdin.end();
    expect(await holder.exited).toBe(0);
    await testWorkspace({ dir });
  });

  it('takes over a lock left by a process that no longer exists', async () => {
    const dir = await tempDir();
    await writeFile(
      join(dir, 'rapport.lock'),
      JSON.stringify({ pid: 2 ** 22 + 17, hostname: (await import('node:os')).hostname(), acquiredAt: '2020-01-01T00:00:00Z' }),
    );
    await testWorkspace({ dir });
  });

  it('takes over a half-written lock file', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'rapport.lock'), '{"pi');
    await testWorkspace({ dir });
  });
});

describe('a disk that refuses writes', () => {
  it.skipIf(!canMount)('fails a save on a read-only disk with IO_ERROR and keeps the previous data', async () => {
    const disk = await mountTmpfs(1024);
    try {
      const workspace = await openWorkspace(disk.dir);
      const client = await workspace.clients.create({ name: 'Lena', targetRole: 'Director' });
      const before = await snapshot(disk.dir);
      disk.readOnly();
      await expect(workspace.clients.update(client.id, { targetRole: 'VP' })).rejects.toMatchObject({ code: 'IO_ERROR' });
      await expect(workspace.clients.create({ name: 'Nobody' })).rejects.toMatchObject({ code: 'IO_ERROR' });
      expect((await workspace.clients.get(client.id)).targetRole).toBe('Director');
      expect(await workspace.clients.list()).toHaveLength(1);
      expect(await snapshot(disk.dir)).toEqual(before);
      await workspace.close().catch(() => undefined);
    } finally {
      disk.unmount();
    }
  });

  it.skipIf(canMount || process.getuid?.() === 0)(
    'fails a save in a read-only folder (no tmpfs here) with IO_ERROR and keeps the previous data',
    async () => {
      const dir = await tempDir();
      const workspace = await testWorkspace({ dir });
      const client = await workspace.clients.create({ name: 'Lena', targetRole: 'Director' });
      const before = await snapshot(dir);
      await chmod(join(dir, 'clients'), 0o500);
      try {
        await expect(workspace.clients.update(client.id, { targetRole: 'VP' })).rejects.toMatchObject({ code: 'IO_ERROR' });
        expect(await snapshot(dir)).toEqual(before);
      } finally {
        await chmod(join(dir, 'clients'), 0o700);
      }
    },
  );

  it.skipIf(!canMount)('fails a save on a full disk with IO_ERROR, leaves no partial file and keeps the previous data', async () => {
    const disk = await mountTmpfs(256);
    try {
      const workspace = await openWorkspace(disk.dir);
      const client = await workspace.clients.create({ name: 'Mo' });
      await writeFile(join(disk.dir, 'filler'), Buffer.alloc(1024 * 1024)).catch(() => undefined);
      const before = await snapshot(disk.dir);
      const error = await workspace.clients.update(client.id, { background: 'x'.repeat(40_000) }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'IO_ERROR', message: expect.stringMatching(/disk is full/) });
      expect(await snapshot(disk.dir)).toEqual(before);
      expect((await workspace.clients.get(client.id)).background).toBe('');
      await workspace.close();
    } finally {
      disk.unmount();
    }
  });
});
