import type { Page } from '@playwright/test';
import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { expect, expectAccessible, pdfText, test } from './fixtures';
import { openClient, openTab } from './helpers/client-file';

const run = promisify(execFile);

async function createClient(page: Page, name: string, targetRole: string): Promise<void> {
  await page.getByRole('button', { name: 'New client' }).click();
  const main = page.getByRole('main');
  await main.getByLabel('Name', { exact: true }).fill(name);
  await main.getByLabel('Target role', { exact: true }).fill(targetRole);
  await main.getByRole('button', { name: 'Create client' }).click();
  await expect(main.getByRole('heading', { level: 1, name })).toBeVisible();
}

async function setTargetRole(page: Page, name: string, targetRole: string): Promise<void> {
  await openClient(page, name);
  const main = await openTab(page, 'Profile');
  await main.getByLabel('Target role', { exact: true }).fill(targetRole);
  await main.getByRole('button', { name: 'Save changes' }).click();
  await expect(main.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
}

async function setCoachName(page: Page, coachName: string): Promise<void> {
  await page.getByRole('link', { name: 'Settings' }).click();
  const main = page.getByRole('main');
  await main.getByLabel('Your name').fill(coachName);
  await main.getByRole('button', { name: 'Save settings' }).click();
  await expect(main.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
}

function backupsSection(page: Page) {
  return page.getByRole('main').getByRole('region', { name: 'Backups' });
}

async function openBackups(page: Page) {
  await page.getByRole('link', { name: 'Settings' }).click();
  return backupsSection(page);
}

/** Every file of the data directory with its bytes, to show that nothing changed. */
async function snapshot(dataDir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(dataDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files[path.slice(dataDir.length)] = (await readFile(path)).toString('base64');
  }
  return files;
}

/** What a coach sees of the practice: the client list, the settings, and one client's file. */
async function expectPractice(page: Page, expected: { clients: string[]; coachName: string; ada: string }): Promise<void> {
  const clientList = page.getByRole('navigation', { name: 'Clients' });
  await expect(clientList.getByRole('link')).toHaveText(expected.clients);
  await expect(page.getByRole('main').getByLabel('Your name')).toHaveValue(expected.coachName);
  await openClient(page, 'Ada Lovelace');
  await openTab(page, 'Profile');
  await expect(page.getByRole('main').getByLabel('Target role', { exact: true })).toHaveValue(expected.ada);
}

test('a backup without a passphrase brings back the old data in every view', async ({ app }) => {
  const { page } = app;
  const backupFile = join(dirname(app.dataDir), 'plain.rapport-backup');
  await createClient(page, 'Ada Lovelace', 'Analyst');
  await setCoachName(page, 'Sam Coach');

  await app.queueFilePath(backupFile);
  const backups = backupsSection(page);
  await backups.getByRole('button', { name: 'Back up now…' }).click();
  await expect(backups.getByRole('status').filter({ hasText: 'Backup saved: 1 client' })).toBeVisible();

  await createClient(page, 'Grace Hopper', 'Rear Admiral');
  await setTargetRole(page, 'Ada Lovelace', 'Head of Engineering');
  await setCoachName(page, 'Someone Else');

  await app.queueFilePath(backupFile);
  await backups.getByRole('button', { name: 'Restore from a file…' }).click();
  const contents = backups.getByRole('group', { name: /This backup was made on/ });
  await expect(contents.getByRole('list', { name: 'Clients in this backup' })).toHaveText('Ada Lovelace');
  await contents.getByRole('button', { name: 'Restore this backup' }).click();
  await expect(backups.getByRole('status').filter({ hasText: 'Restored the backup from' })).toBeVisible();

  // Without leaving Settings: the sidebar and the practice form already show the restored data.
  await expectPractice(page, { clients: ['Ada Lovelace'], coachName: 'Sam Coach', ada: 'Analyst' });
});

test('an encrypted backup: a wrong passphrase changes nothing, the right one restores', async ({ app }) => {
  const { page } = app;
  const backupFile = join(dirname(app.dataDir), 'locked.rapport-backup');
  await createClient(page, 'Ada Lovelace', 'Analyst');
  await setCoachName(page, 'Sam Coach');

  const backups = backupsSection(page);
  await backups.getByLabel('Passphrase (optional)').fill('correct horse battery');
  await backups.getByLabel('Passphrase again', { exact: true }).fill('correct horse battery');
  await app.queueFilePath(backupFile);
  await backups.getByRole('button', { name: 'Back up now…' }).click();
  await expect(backups.getByRole('status').filter({ hasText: 'Backup saved with your passphrase' })).toBeVisible();
  expect(await readFile(backupFile, 'utf8')).not.toContain('Ada Lovelace');

  await createClient(page, 'Grace Hopper', 'Rear Admiral');
  await setCoachName(page, 'Someone Else');
  const before = await snapshot(app.dataDir);

  await app.queueFilePath(backupFile);
  await backups.getByRole('button', { name: 'Restore from a file…' }).click();
  const passphrase = backups.getByLabel('This backup is protected. Passphrase');
  await passphrase.fill('wrong horse battery');
  await backups.getByRole('button', { name: 'Open backup' }).click();
  await expect(passphrase).toHaveAttribute('aria-invalid', 'true');
  await expect(passphrase).toHaveAccessibleDescription(/passphrase does not open this backup/);
  expect(await snapshot(app.dataDir)).toEqual(before);
  await expect(page.getByRole('navigation', { name: 'Clients' }).getByRole('link')).toHaveText(['Ada Lovelace', 'Grace Hopper']);

  await passphrase.fill('correct horse battery');
  await backups.getByRole('button', { name: 'Open backup' }).click();
  await backups.getByRole('button', { name: 'Restore this backup' }).click();
  await expect(backups.getByRole('status').filter({ hasText: 'Restored the backup from' })).toBeVisible();
  await expectPractice(page, { clients: ['Ada Lovelace'], coachName: 'Sam Coach', ada: 'Analyst' });
});

test('a damaged document keeps a restore from starting, and the message names it', async ({ app }, testInfo) => {
  const { page } = app;
  const backupFile = join(dirname(app.dataDir), 'before.rapport-backup');
  await createClient(page, 'Ada Lovelace', 'Analyst');
  const cv = join(dirname(app.dataDir), 'Ada CV 2026.txt');
  await writeFile(cv, 'Ada Lovelace. Skills: analysis, notation, engines.');
  await app.queueFilePath(cv);
  const panel = await openTab(page, 'Documents');
  await panel.getByRole('button', { name: 'Attach files…' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Attached Ada CV 2026.txt.' })).toBeAttached();

  const backups = await openBackups(page);
  await app.queueFilePath(backupFile);
  await backups.getByRole('button', { name: 'Back up now…' }).click();
  await expect(backups.getByRole('status').filter({ hasText: 'Backup saved: 1 client' })).toBeVisible();

  // The stored copy changes behind Rapport's back.
  const [stored] = await readdir(join(app.dataDir, 'files'));
  await writeFile(join(app.dataDir, 'files', stored), 'Ada Lovelace. Skills: nothing at all.');
  const before = await snapshot(app.dataDir);

  await app.queueFilePath(backupFile);
  await backups.getByRole('button', { name: 'Restore from a file…' }).click();
  await backups.getByRole('button', { name: 'Restore this backup' }).click();
  await expect(backups.getByRole('alert')).toHaveText(
    'Rapport backs up your current data before a restore, and the stored copy of “Ada CV 2026.txt” (Ada Lovelace) is damaged or missing, ' +
      'so nothing was restored and nothing was changed. Recover it from an automatic backup or remove it in Ada Lovelace’s documents, then restore again.',
  );
  expect(await snapshot(app.dataDir)).toEqual(before);
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page
      .getByRole('main')
      .getByRole('region', { name: 'Backups', exact: true })
      .screenshot({
        path: testInfo.outputPath(`damaged-restore.${colorScheme}.png`),
      });
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await expectAccessible(page);
});

test('an automatic backup is restored from the list in Settings', async ({ app }) => {
  const { page } = app;
  await createClient(page, 'Ada Lovelace', 'Analyst');
  // Setup only: the app makes this backup itself when it quits.
  const made = await page.evaluate(() => window.rapport.backup.runAutomatic('quit'));
  expect(made.created?.reason).toBe('quit');
  await createClient(page, 'Grace Hopper', 'Rear Admiral');

  const backups = await openBackups(page);
  const list = backups.getByRole('list', { name: 'Automatic backups, newest first' });
  // The desktop app also makes a daily one at start; this test restores the one made above.
  const onQuit = list.getByRole('listitem').filter({ hasText: 'On quit' });
  await expect(onQuit).toHaveCount(1);
  await onQuit.getByRole('button', { name: /^Restore the backup from / }).click();
  await onQuit.getByRole('button', { name: 'Yes, restore' }).click();
  await expect(backups.getByRole('status').filter({ hasText: 'Restored the backup from' })).toBeVisible();

  await expect(page.getByRole('navigation', { name: 'Clients' }).getByRole('link')).toHaveText(['Ada Lovelace']);
  // The data from just before the restore is kept as an automatic backup of its own.
  await expect(list.getByRole('listitem').first()).toContainText('Before a restore');
});

test('automatic backups can be encrypted with a passphrase the keychain keeps', async ({ app }) => {
  const { page } = app;
  await createClient(page, 'Ada Lovelace', 'Analyst');
  const backups = await openBackups(page);
  const unavailable = backups.getByText('automatic backups stay unencrypted');
  const passphrase = backups.getByLabel('Passphrase for automatic backups', { exact: true });
  await expect(unavailable.or(passphrase)).toBeVisible();
  if (await unavailable.isVisible()) {
    // No real keychain on this machine (e.g. Linux without a keyring): the coach is told, nothing else.
    await expect(passphrase).toHaveCount(0);
    return;
  }
  await passphrase.fill('a passphrase of mine');
  await backups.getByLabel('Automatic backup passphrase again').fill('a passphrase of mine');
  await backups.getByRole('button', { name: 'Encrypt automatic backups' }).click();
  await expect(backups.getByText('New automatic backups are encrypted with this passphrase.')).toBeVisible();

  // Setup only: the app makes this backup itself when it quits.
  const made = await page.evaluate(() => window.rapport.backup.runAutomatic('quit'));
  // Format 3 with a passphrase is a standard age file with one scrypt recipient; nothing of the practice shows in clear.
  const file = await readFile(join(dirname(app.dataDir), 'backups', made.created!.fileName));
  expect(file.subarray(0, 64).toString('latin1')).toMatch(/^age-encryption\.org\/v1\n-> scrypt /);
  expect(file.toString('latin1')).not.toContain('Ada Lovelace');

  await createClient(page, 'Grace Hopper', 'Rear Admiral');
  await openBackups(page);
  const onQuit = backups
    .getByRole('list', { name: 'Automatic backups, newest first' })
    .getByRole('listitem')
    .filter({ hasText: 'On quit' });
  await onQuit.getByRole('button', { name: /^Restore the backup from / }).click();
  await onQuit.getByRole('button', { name: 'Yes, restore' }).click();
  await expect(page.getByRole('navigation', { name: 'Clients' }).getByRole('link')).toHaveText(['Ada Lovelace']);
});

test('the Backups section has no serious accessibility problems', async ({ app }) => {
  const { page } = app;
  await createClient(page, 'Ada Lovelace', 'Analyst');
  await page.evaluate(() => window.rapport.backup.runAutomatic('quit'));
  const backups = await openBackups(page);
  await expect(
    backups.getByRole('list', { name: 'Automatic backups, newest first' }).getByRole('listitem').filter({ hasText: 'On quit' }),
  ).toHaveCount(1);
  await backups.getByLabel('Passphrase (optional)').fill('short');
  await backups.getByRole('button', { name: 'Back up now…' }).click();
  await expect(backups.getByLabel('Passphrase (optional)')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);
});

test('each passphrase and its confirmation sit side by side, in Back up now as for automatic backups', async ({ app }) => {
  const backups = await openBackups(app.page);
  const pairs = [
    ['Passphrase (optional)', 'Passphrase again'],
    ['Passphrase for automatic backups', 'Automatic backup passphrase again'],
  ] as const;
  for (const [first, again] of pairs) {
    const left = await backups.getByLabel(first, { exact: true }).boundingBox();
    const right = await backups.getByLabel(again, { exact: true }).boundingBox();
    if (!left || !right) throw new Error(`The fields “${first}” and “${again}” are not shown.`);
    expect(right.y, `“${again}” is on the same line as “${first}”`).toBe(left.y);
    expect(right.x).toBeGreaterThan(left.x + left.width);
  }
});

test('one client is exported with their documents as a tar, and as a printable client file', { tag: '@pdf' }, async ({ app }) => {
  const { page } = app;
  const folder = dirname(app.dataDir);
  const archive = join(folder, 'ada.tar');
  const pdfFile = join(folder, 'ada.pdf');
  const cv = join(folder, 'Ada CV.txt');
  await writeFile(cv, 'Ada Lovelace. Analytical engines, notes on the Bernoulli numbers.\n');
  await createClient(page, 'Ada Lovelace', 'Head of Engineering');
  const documents = await openTab(page, 'Documents');
  await app.queueFilePath(cv);
  await documents.getByRole('button', { name: 'Attach files…' }).click();
  await expect(documents.getByText('Attached Ada CV.txt.')).toBeAttached();
  const main = await openTab(page, 'Profile');

  await app.queueFilePath(archive);
  await main.getByRole('button', { name: 'Export client and documents…' }).click();
  await expect(main.getByRole('status').filter({ hasText: 'Exported Ada Lovelace’s file with 1 document to ada.tar.' })).toBeVisible();
  // Any computer's tar opens it: the client file as JSON and the CV under its own name, byte for byte.
  const listed = await run('tar', ['-tf', archive]);
  expect(listed.stdout.split('\n').filter(Boolean)).toEqual(['README.txt', 'manifest.json', 'client.json', 'documents/CV/Ada CV.txt']);
  const extracted = join(folder, 'extracted');
  await mkdir(extracted);
  await run('tar', ['-xf', archive, '-C', extracted]);
  const exported = JSON.parse(await readFile(join(extracted, 'client.json'), 'utf8')) as {
    client: { name: string; targetRole: string };
    sessions: unknown[];
    documents: { name: string }[];
  };
  expect(exported.client).toMatchObject({ name: 'Ada Lovelace', targetRole: 'Head of Engineering' });
  expect(exported.sessions).toEqual([]);
  expect(exported.documents.map((document) => document.name)).toEqual(['Ada CV.txt']);
  expect(await readFile(join(extracted, 'documents', 'CV', 'Ada CV.txt'))).toEqual(await readFile(cv));

  await app.queueFilePath(pdfFile);
  await main.getByRole('button', { name: 'Save client file as PDF…' }).click();
  await expect(main.getByRole('status').filter({ hasText: 'Saved Ada Lovelace’s client file as a PDF' })).toBeVisible();
  const text = await pdfText(pdfFile);
  for (const expected of [
    'Ada Lovelace Your file',
    'Profile',
    'Head of Engineering',
    'Sessions',
    'Goals',
    'Commitments',
    'Trust history',
  ]) {
    expect(text).toContain(expected);
  }
});
