import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHANNELS, type RapportApi } from '../../../shared/api';
import { buildBridge } from '../../../shared/bridge';
import { createDispatcher } from '../../../electron/core/dispatch';
import { checkChosenPath, DialogTokens, TOKEN_LIFETIME_MS } from '../../../electron/security/dialog-tokens';
import { pageApi } from '../../../electron/security/page-api';
import { tempDir } from '../../helpers/temp-dir';
import { testWorkspace } from '../../helpers/workspace-api';
import { tarEntry } from '../backup/container-fixtures';

/** Every file under a directory with its bytes, by relative path. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    files[relative(dir, path)] = entry.isDirectory() ? '<dir>' : (await readFile(path)).toString('base64');
  }
  return files;
}

/** The workspace exactly as a page reaches it over IPC: bridge, dispatcher, envelope, file tokens. */
async function pageSetup() {
  const root = await tempDir('rapport-page-files-');
  const workspace = await testWorkspace({ dir: join(root, 'data'), backupsDir: join(root, 'backups') });
  const client = await workspace.clients.create({ name: 'Amara Okafor' });
  const tokens = new DialogTokens();
  const dispatch = createDispatcher(pageApi(workspace, tokens));
  const page = buildBridge<RapportApi>(CHANNELS, (channel, args) => dispatch(channel, args));
  return { root, workspace, client, tokens, dispatch, page };
}

const failureOf = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: { code: string; message: string }) => error,
  );

describe('a page that names its own paths', () => {
  it('is refused with INVALID_INPUT for every file method, and nothing is written or read', async () => {
    const { root, workspace, client, dispatch } = await pageSetup();
    const elsewhere = join(root, 'elsewhere');
    const practice = join(workspace.dataDir, 'practice.json');
    await workspace.backup.create(join(root, 'real.rapport-backup'));
    const before = await snapshot(root);

    const calls: [string, unknown[]][] = [
      ['backup:create', [join(root, 'dropped.rapport-backup')]],
      ['backup:create', [practice.replace(/\.json$/, '.rapport-backup')]],
      ['backup:create', [{ path: join(root, 'x.rapport-backup') }]],
      ['backup:create', [{ token: join(root, 'x.rapport-backup') }]],
      ['backup:inspect', [join(root, 'real.rapport-backup')]],
      ['backup:restore', [join(root, 'real.rapport-backup')]],
      ['backup:restore', ['\\\\attacker.example\\share\\x.rapport-backup']],
      ['backup:exportClient', [client.id, practice]],
      ['backup:exportClient', [client.id, join(elsewhere, 'settings.json')]],
      ['backup:exportClient', [client.id, join(root, 'amara.tar')]],
      ['backup:exportClient', [client.id, { token: 'A'.repeat(43), path: practice }]],
    ];
    for (const [channel, args] of calls) {
      const envelope = await dispatch(channel, args);
      expect(envelope.ok ? 'ok' : envelope.error.code, `${channel} ${JSON.stringify(args)}`).toBe('INVALID_INPUT');
    }
    expect(await snapshot(root)).toEqual(before);
  });

  it('is refused for a well-formed token main never issued', async () => {
    const { root, client, page } = await pageSetup();
    const before = await snapshot(root);
    const forged = { token: 'x'.repeat(43) };
    for (const attempt of [
      page.backup.create(forged),
      page.backup.inspect(forged),
      page.backup.restore(forged),
      page.backup.exportClient(client.id, forged),
    ]) {
      expect(await failureOf(attempt)).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/choose the file again/) });
    }
    expect(await snapshot(root)).toEqual(before);
  });

  it('cannot learn where the data lives', async () => {
    const { workspace, page, tokens, root } = await pageSetup();
    expect(JSON.stringify(await page.app.status())).not.toContain(workspace.dataDir);
    expect(await page.app.status()).not.toHaveProperty('dataDir');
    const summary = await page.backup.create({ token: tokens.issue(join(root, 'mine.rapport-backup'), 'backup-write').token });
    expect(summary).toMatchObject({ fileName: 'mine.rapport-backup' });
    expect(JSON.stringify(summary)).not.toContain(root);
    const [automatic] = await page.backup
      .listAutomatic()
      .then(async (list) => (list.length ? list : [(await page.backup.runAutomatic('quit')).created!]));
    expect(JSON.stringify(await page.backup.restoreAutomatic(automatic.fileName))).not.toContain(root);
  });
});

describe('file tokens from main’s dialogs', () => {
  it('write where the coach chose, once', async () => {
    const { root, page, tokens } = await pageSetup();
    const chosen = tokens.issue(join(root, 'chosen.rapport-backup'), 'backup-write');
    expect(chosen.name).toBe('chosen.rapport-backup');
    expect(chosen.token).not.toContain(root);
    await page.backup.create({ token: chosen.token });
    expect(await readdir(root)).toContain('chosen.rapport-backup');
    expect(await failureOf(page.backup.create({ token: chosen.token }))).toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('open a backup for inspect and then restore, and for nothing else', async () => {
    const { root, workspace, client, page, tokens } = await pageSetup();
    const file = join(root, 'old.rapport-backup');
    await workspace.backup.create(file);
    await workspace.clients.create({ name: 'Added Later' });
    const chosen = tokens.issue(file, 'backup-read');
    const before = await readFile(file);

    expect(await failureOf(page.backup.create({ token: chosen.token }))).toMatchObject({ code: 'INVALID_INPUT' });
    expect(await failureOf(page.backup.exportClient(client.id, { token: chosen.token }))).toMatchObject({ code: 'INVALID_INPUT' });
    expect(await readFile(file)).toEqual(before);

    expect((await page.backup.inspect({ token: chosen.token })).clientNames).toEqual(['Amara Okafor']);
    expect((await page.backup.inspect({ token: chosen.token })).clientNames).toEqual(['Amara Okafor']);
    await page.backup.restore({ token: chosen.token });
    expect((await workspace.clients.list()).map((summary) => summary.name)).toEqual(['Amara Okafor']);
    expect(await failureOf(page.backup.restore({ token: chosen.token }))).toMatchObject({ code: 'INVALID_INPUT' });
    expect(await failureOf(page.backup.inspect({ token: chosen.token }))).toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('export a client only with an export token', async () => {
    const { root, client, page, tokens } = await pageSetup();
    const target = join(root, 'amara.tar');
    const wrongPurpose = tokens.issue(target, 'backup-write').token;
    await expect(page.backup.exportClient(client.id, { token: wrongPurpose })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(await page.backup.exportClient(client.id, { token: tokens.issue(target, 'export-write').token })).toEqual({
      documents: 0,
      bytes: (await stat(target)).size,
    });
    expect(JSON.parse(await tarEntry(target, 'client.json')).client.name).toBe('Amara Okafor');
  });

  it('expire', async () => {
    let now = 1_000_000;
    const tokens = new DialogTokens({ now: () => now });
    const root = await tempDir();
    const file = join(root, 'a.rapport-backup');
    await writeFile(file, 'x');
    const chosen = tokens.issue(file, 'backup-read');
    expect(tokens.peek(chosen, 'backup-read')).toBe(file);
    now += TOKEN_LIFETIME_MS;
    expect(() => tokens.peek(chosen, 'backup-read')).toThrow(/choose the file again/);
  });

  it('are never issued for a network location or a relative path', () => {
    const tokens = new DialogTokens({ platform: 'win32' });
    for (const path of [
      '\\\\server\\share\\backup.rapport-backup',
      '//server/share/backup.rapport-backup',
      '\\\\?\\C:\\x.rapport-backup',
      '\\\\.\\pipe\\x',
    ]) {
      expect(() => tokens.issue(path, 'backup-write'), path).toThrow(/network location/);
    }
    expect(() => checkChosenPath('backup.rapport-backup', 'win32')).toThrow(/file dialog/);
    expect(() => checkChosenPath('\\backup.rapport-backup', 'win32')).toThrow(/network location/);
    expect(checkChosenPath('C:\\Users\\coach\\..\\coach\\b.rapport-backup', 'win32')).toBe('C:\\Users\\coach\\b.rapport-backup');
    expect(() => checkChosenPath('//server/share/x', 'linux')).toThrow(/network location/);
    expect(() => checkChosenPath('backups/x', 'linux')).toThrow(/file dialog/);
    expect(checkChosenPath('/home/coach/../coach/x.rapport-backup', 'linux')).toBe('/home/coach/x.rapport-backup');
  });
});
