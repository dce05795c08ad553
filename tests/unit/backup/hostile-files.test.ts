import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmod, mkdir, open, readFile, readdir, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { RapportError } from '../../../shared/errors';
import { openWorkspace, type Workspace } from '../../../electron/core/workspace';
import { tempDir } from '../../helpers/temp-dir';
import { testWorkspace } from '../../helpers/workspace-api';
import { clientDocument, formatOneBackup, hashTree, practiceDocument, seedDataDir, createJsonBackup } from './fixtures';
import { rejection } from '../../helpers/rejection';
import { CRAFTED_BACKUP_HEADER, craftedFile } from '../../../bench/generate/crafted-file';

const PASSPHRASE = 'correct horse battery staple';
type Envelope = Record<string, unknown> & { payloadSha256: string; payload: { clients: Record<string, unknown>[] } };

let plainText = '';
let encryptedText = '';

beforeAll(async () => {
  const source = await tempDir();
  await seedDataDir(join(source, 'data'), practiceDocument('Dana Coach'), [clientDocument('Amara Okafor', 1), clientDocument('Ben Ito')]);
  const good = await openWorkspace(join(source, 'data'), { backupsDir: join(source, 'backups') });
  await createJsonBackup(good, join(source, 'plain.rapport-backup'));
  await createJsonBackup(good, join(source, 'encrypted.rapport-backup'), { passphrase: PASSPHRASE });
  await good.close();
  plainText = await readFile(join(source, 'plain.rapport-backup'), 'utf8');
  encryptedText = await readFile(join(source, 'encrypted.rapport-backup'), 'utf8');
});

/** A good plain backup, changed by `change`, with its checksum made right again. */
function resealed(change: (envelope: Envelope) => void): string {
  const envelope = JSON.parse(plainText) as Envelope;
  change(envelope);
  envelope.payloadSha256 = createHash('sha256').update(JSON.stringify(envelope.payload)).digest('hex');
  return `${JSON.stringify(envelope)}\n`;
}

async function current(): Promise<{ root: string; dataDir: string; backupsDir: string; workspace: Workspace }> {
  const root = await tempDir();
  const dataDir = join(root, 'data');
  const backupsDir = join(root, 'backups');
  await seedDataDir(dataDir, practiceDocument('Current Coach'), [clientDocument('Current Client')]);
  return { root, dataDir, backupsDir, workspace: await testWorkspace({ dir: dataDir, backupsDir }) };
}

/**
 * Runs `task` and reports the CPU time the whole process spent on it (worker threads included)
 * and how far its resident memory rose meanwhile. CPU time, not wall time, is what a file can
 * make Rapport spend; wall time on a shared test machine also counts everyone else's work.
 */
async function measured<T>(task: () => Promise<T>): Promise<{ outcome: T | RapportError; ms: number; wallMs: number; rssRiseMiB: number }> {
  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const started = performance.now();
  const cpu = process.cpuUsage();
  const outcome = await task().catch((error: unknown) => {
    if (error instanceof RapportError) return error;
    throw error;
  });
  const used = process.cpuUsage(cpu);
  const wallMs = performance.now() - started;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { outcome, ms: (used.user + used.system) / 1000, wallMs, rssRiseMiB: (peak - before) / 2 ** 20 };
}

describe('ids in one canonical form', () => {
  it('restores a backup holding upper-case ids as lower-case ids, and every later open serves them', async () => {
    const upper = JSON.parse(plainText) as Envelope;
    const amara = upper.payload.clients.find((document) => (document.client as { name: string }).name === 'Amara Okafor')!;
    const id = (amara.client as { id: string }).id;
    const text = resealed((envelope) => {
      const document = envelope.payload.clients.find((candidate) => (candidate.client as { id: string }).id === id)!;
      Object.assign(
        document,
        JSON.parse(JSON.stringify(document).replaceAll(/"([0-9a-f-]{36})"/g, (_, value: string) => `"${value.toUpperCase()}"`)),
      );
    });
    expect(text).toContain(id.toUpperCase());
    const { root, dataDir, backupsDir, workspace } = await current();
    await writeFile(join(root, 'upper.rapport-backup'), text);
    await workspace.backup.restore(join(root, 'upper.rapport-backup'));
    expect((await workspace.clients.get(id)).name).toBe('Amara Okafor');
    await workspace.close();

    const reopened = await testWorkspace({ dir: dataDir, backupsDir });
    expect((await reopened.app.status()).quarantined).toEqual([]);
    expect((await reopened.clients.list()).map((client) => client.id).sort()).toContain(id);
    const sessions = await reopened.sessions.list(id);
    expect(sessions.every((session) => session.id === session.id.toLowerCase())).toBe(true);
  });

  it('refuses an upper-case id in an API call with INVALID_INPUT', async () => {
    const { workspace } = await current();
    const [client] = await workspace.clients.list();
    await expect(workspace.clients.get(client.id.toUpperCase())).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});

describe('cross-references', () => {
  it("refuses a client whose agenda points at another client's session", async () => {
    const text = resealed((envelope) => {
      const [first, second] = envelope.payload.clients as { agendas: { sessionId: string }[]; sessions: { id: string }[] }[];
      first.agendas[0].sessionId = second.sessions[0].id;
    });
    const { root, dataDir, workspace } = await current();
    await writeFile(join(root, 'crossed.rapport-backup'), text);
    const before = await hashTree(dataDir);
    const error = await rejection(workspace.backup.restore(join(root, 'crossed.rapport-backup')));
    expect(error).toMatchObject({ code: 'BAD_BACKUP', message: expect.stringMatching(/refers to records it does not hold/) });
    expect(await hashTree(dataDir)).toEqual(before);
  });

  it("refuses a commitment, agenda item or offer rating pointing at another client's records", async () => {
    const { root, workspace } = await current();
    const variants = [
      resealed((envelope) => {
        const [first, second] = envelope.payload.clients as { commitments: { sessionId: string | null }[]; sessions: { id: string }[] }[];
        first.commitments[0].sessionId = second.sessions[0].id;
      }),
      resealed((envelope) => {
        const [first, second] = envelope.payload.clients as {
          agendas: { items: { goalId: string | null }[] }[];
          goals: { id: string }[];
        }[];
        first.agendas[0].items[0].goalId = second.goals[0].id;
      }),
      resealed((envelope) => {
        type WithJobSearch = {
          jobSearch: { criteria: { id: string }[]; applications: { offer: { ratings: { criterionId: string }[] } }[] };
        };
        const [first, second] = envelope.payload.clients as WithJobSearch[];
        first.jobSearch.applications[0].offer.ratings[0].criterionId = second.jobSearch.criteria[0].id;
      }),
      resealed((envelope) => {
        const [first] = envelope.payload.clients as { jobSearch: { applications: { cvDocumentId: string | null }[] } }[];
        first.jobSearch.applications[0].cvDocumentId = '0b6f1c2e-3d4a-4b5c-8d9e-0f1a2b3c4d5e';
      }),
    ];
    for (const [index, text] of variants.entries()) {
      await writeFile(join(root, `crossed-${index}.rapport-backup`), text);
      await expect(workspace.backup.inspect(join(root, `crossed-${index}.rapport-backup`))).rejects.toMatchObject({ code: 'BAD_BACKUP' });
    }
  });
});

describe('format version 1 files', () => {
  it.each([
    ['plain', undefined],
    ['encrypted', PASSPHRASE],
  ])('still restore (%s)', async (_kind, passphrase) => {
    const { root, workspace } = await current();
    const path = join(root, 'v1.rapport-backup');
    await writeFile(path, formatOneBackup(plainText, passphrase));
    const options = passphrase === undefined ? {} : { passphrase };
    expect(await workspace.backup.inspect(path, options)).toMatchObject({ formatVersion: 1, encrypted: passphrase !== undefined });
    await workspace.backup.restore(path, options);
    expect((await workspace.clients.list()).map((client) => client.name).sort()).toEqual(['Amara Okafor', 'Ben Ito']);
  });

  it('refuses a format 1 file whose key derivation is not what version 1 wrote', async () => {
    const { root, workspace } = await current();
    const envelope = JSON.parse(formatOneBackup(plainText, PASSPHRASE)) as { encryption: Record<string, number> };
    envelope.encryption.N = 2 ** 20;
    envelope.encryption.r = 32;
    envelope.encryption.p = 4;
    await writeFile(join(root, 'costly.rapport-backup'), JSON.stringify(envelope));
    const { outcome, ms } = await measured(() => workspace.backup.inspect(join(root, 'costly.rapport-backup'), { passphrase: PASSPHRASE }));
    expect(outcome).toMatchObject({ code: 'BAD_BACKUP' });
    // The file used to choose scrypt's cost: these settings took about a minute and 4 GiB.
    expect(ms).toBeLessThan(2000);
  });
});

describe('special files offered as a backup', () => {
  it('refuses a FIFO at once, without blocking a thread', async () => {
    const { root, dataDir, workspace } = await current();
    const fifos = Array.from({ length: 5 }, (_, index) => join(root, `fifo-${index}.rapport-backup`));
    for (const fifo of fifos) execFileSync('mkfifo', [fifo]);
    const before = await hashTree(dataDir);
    // More at once than the thread pool has threads: a blocking open would stall all file work.
    const errors = await Promise.all(
      fifos.flatMap((fifo) => [rejection(workspace.backup.inspect(fifo)), rejection(workspace.backup.restore(fifo))]),
    );
    for (const error of errors) expect(error).toMatchObject({ code: 'BAD_BACKUP', message: expect.stringMatching(/not a backup file/) });
    expect((await workspace.clients.list()).map((client) => client.name)).toEqual(['Current Client']);
    expect(await hashTree(dataDir)).toEqual(before);
  });

  it('refuses a link to /dev/zero without reading it', async () => {
    const { root, workspace } = await current();
    await symlink('/dev/zero', join(root, 'zero.rapport-backup'));
    const { outcome, ms } = await measured(() => workspace.backup.inspect(join(root, 'zero.rapport-backup')));
    expect(outcome).toMatchObject({ code: 'BAD_BACKUP', message: expect.stringMatching(/device or another special file/) });
    expect(ms).toBeLessThan(1000);
  });

  it('reports a symlink loop as a problem with the chosen file, not the data folder', async () => {
    const { root, workspace } = await current();
    await symlink(join(root, 'b.rapport-backup'), join(root, 'a.rapport-backup'));
    await symlink(join(root, 'a.rapport-backup'), join(root, 'b.rapport-backup'));
    const error = await rejection(workspace.backup.restore(join(root, 'a.rapport-backup')));
    expect(error.code).toBe('BAD_BACKUP');
    expect(error.message).toMatch(/backup file is a link that leads nowhere/);
    expect(error.message).not.toMatch(/data folder/);
  });
});

describe('structure a file chooses', () => {
  const header = CRAFTED_BACKUP_HEADER;
  const cases: [string, (path: string) => Promise<void>][] = [
    ['25 MB of empty arrays at the top level', (path) => craftedFile(path, `${header}"counts":[`, '[]', ',', ']}', 25)],
    [
      '60 MB of empty objects in the payload',
      (path) => craftedFile(path, `${header}"encryption":null,"payload":{"clients":[`, '{}', ',', ']}}', 60),
    ],
    [
      '60 MB of numbers in one array',
      (path) => craftedFile(path, `${header}"encryption":null,"payload":{"clients":[`, '0.5', ',', ']}}', 60),
    ],
    ['deep nesting', (path) => craftedFile(path, `${header}"payload":`, '[', '', '0]}', 8)],
    // As many objects and values as the byte pass lets through, then refused by validation.
    [
      'a million small objects of numbers',
      (path) => craftedFile(path, `${header}"encryption":null,"payload":{"clients":[`, '{"a":0.5,"b":0.5,"c":0.5}', ',', ']}}', 23),
    ],
    [
      '63 MB of one string, just under the size cap',
      (path) => craftedFile(path, `${header}"encryption":null,"payload":{"practice":"`, 'x', '', '"}}', 63),
    ],
    [
      'a file of 2 GB',
      (path) =>
        open(path, 'w').then(async (handle) => {
          await handle.truncate(2 * 1024 ** 3);
          await handle.close();
        }),
    ],
  ];

  it.each(cases)('refuses %s within 5 s and 256 MiB, changing nothing', { timeout: 60_000 }, async (_name, make) => {
    const { root, dataDir, workspace } = await current();
    const path = join(root, 'crafted.rapport-backup');
    await make(path);
    const before = await hashTree(dataDir);
    for (const attempt of [() => workspace.backup.inspect(path), () => workspace.backup.restore(path)] as (() => Promise<unknown>)[]) {
      const { outcome, ms, wallMs, rssRiseMiB } = await measured(attempt);
      expect(outcome).toMatchObject({ code: 'BAD_BACKUP' });
      expect(ms).toBeLessThan(5000);
      expect(wallMs).toBeLessThan(30_000);
      expect(rssRiseMiB).toBeLessThan(256);
    }
    expect(await hashTree(dataDir)).toEqual(before);
    expect((await workspace.clients.list()).map((client) => client.name)).toEqual(['Current Client']);
  });
});

describe('the write gate', () => {
  it('is not held while an untrusted file is decrypted and parsed: a note typed meanwhile is saved at once', async () => {
    const { root, workspace } = await current();
    const path = join(root, 'encrypted.rapport-backup');
    await writeFile(path, encryptedText);
    const [client] = await workspace.clients.list();
    const order: string[] = [];
    const restore = workspace.backup.restore(path, { passphrase: PASSPHRASE }).then(() => order.push('restore'));
    const edit = workspace.clients.update(client.id, { targetRole: 'Typed meanwhile' }).then(() => order.push('edit'));
    await Promise.all([restore, edit]);
    expect(order).toEqual(['edit', 'restore']);
  });
});

describe('leftovers and folder modes', () => {
  it('sweeps temp files from the backups folder on open and lists one a crash leaves for erasure', async () => {
    const root = await tempDir();
    const dataDir = join(root, 'data');
    const backupsDir = join(root, 'backups');
    await seedDataDir(dataDir, practiceDocument('Coach'), [clientDocument('Current Client')]);
    await mkdir(backupsDir, { mode: 0o755 });
    await chmod(backupsDir, 0o755);
    await chmod(dataDir, 0o755);
    await chmod(join(dataDir, 'clients'), 0o777);
    const leftover = 'rapport-2026-03-01T09-00-00-000Z-before-restore.rapport-backup.tmp-0123456789ab';
    await writeFile(join(backupsDir, leftover), plainText);
    const workspace = await testWorkspace({ dir: dataDir, backupsDir });
    expect(await readdir(backupsDir)).toEqual([]);
    for (const dir of [dataDir, join(dataDir, 'clients'), backupsDir]) expect((await stat(dir)).mode & 0o777).toBe(0o700);

    const [client] = await workspace.clients.list();
    await writeFile(join(backupsDir, leftover), plainText);
    expect(await workspace.backup.backupsContaining(client.id)).toContain(leftover);
  });
});

describe('automatic backups when the keychain does not answer', () => {
  it('are skipped with a coded message, never written unencrypted', async () => {
    const root = await tempDir();
    const backupsDir = join(root, 'backups');
    const silent = new RapportError(
      'IO_ERROR',
      'Rapport skipped this automatic backup: the system keychain did not give back the passphrase.',
    );
    const workspace = await testWorkspace({ dir: join(root, 'data'), backupsDir, automaticBackupPassphrase: () => Promise.reject(silent) });
    expect(await rejection(workspace.backup.runAutomatic('quit'))).toMatchObject({
      code: 'IO_ERROR',
      message: expect.stringMatching(/skipped/),
    });
    expect(await readdir(backupsDir).catch(() => [])).toEqual([]);
  });
});
