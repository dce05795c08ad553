import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures';

let folder: string;

test.beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'rapport-e2e-files-'));
});

test.afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

test('text files are saved and opened where the file dialog says, and a cancelled dialog is null', async ({ app }) => {
  const saved = join(folder, 'agenda.txt');
  await app.queueFilePath(saved);
  const savedTo = await app.page.evaluate(() => window.rapportDesktop.saveTextFile('agenda.txt', 'Goals for Tuesday\n- CV'));
  expect(savedTo, 'the page learns the file name, not the folder').toBe('agenda.txt');
  expect(await readFile(saved, 'utf8')).toBe('Goals for Tuesday\n- CV');

  const reply = join(folder, 'reply.txt');
  await writeFile(reply, 'My answers', 'utf8');
  await app.queueFilePath(reply);
  expect(await app.page.evaluate(() => window.rapportDesktop.openTextFile())).toEqual({ name: 'reply.txt', text: 'My answers' });

  expect(await app.page.evaluate(() => window.rapportDesktop.saveTextFile('agenda.txt', 'not written'))).toBeNull();
});

test('the desktop contract refuses what it does not allow, with a plain message', async ({ app }) => {
  type Refusal = { code: string; message: string } | null;
  const badName: Refusal = await app.page.evaluate(() =>
    window.rapportDesktop.saveTextFile('../../etc/passwd', 'x').then(
      () => null,
      (error: { code: string; message: string }) => ({ code: error.code, message: error.message }),
    ),
  );
  expect(badName).toEqual({ code: 'INVALID_INPUT', message: 'That file name is not allowed.' });
  const webLink: Refusal = await app.page.evaluate(() =>
    window.rapportDesktop.openExternal('file:///etc/passwd').then(
      () => null,
      (error: { code: string; message: string }) => ({ code: error.code, message: error.message }),
    ),
  );
  expect(webLink).toEqual({ code: 'INVALID_INPUT', message: 'Only web, email and phone links can be opened.' });
  expect(await app.openedUrls()).toEqual([]);

  await app.page.evaluate(() => window.rapportDesktop.openExternal('mailto:ada@example.org'));
  expect(await app.openedUrls()).toEqual(['mailto:ada@example.org']);
});
