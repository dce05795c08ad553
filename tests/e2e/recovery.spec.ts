import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { openTab } from './helpers/client-file';

test('a client whose file was damaged is restored from the latest automatic backup', async ({ app }) => {
  await app.page.getByRole('button', { name: 'New client' }).click();
  const main = app.page.getByRole('main');
  await main.getByLabel('Name', { exact: true }).fill('Ada Lovelace');
  await main.getByLabel('Target role', { exact: true }).fill('Head of Engineering');
  await main.getByRole('button', { name: 'Create client' }).click();
  await expect(main.getByRole('heading', { level: 1, name: 'Ada Lovelace' })).toBeVisible();
  const clientId = new URL(app.page.url()).hash.split('/')[2]?.split('?')[0] ?? '';
  expect(clientId).toMatch(/^[0-9a-f-]{36}$/);
  // Setup only: the app makes this backup itself when it quits.
  await app.page.evaluate(() => window.rapport.backup.runAutomatic('quit'));

  // Half the file is gone, as after a crash in the middle of a copy or a failing disk.
  const clientFile = join(app.dataDir, 'clients', `${clientId}.json`);
  await app.restart(async () => {
    const text = await readFile(clientFile, 'utf8');
    await writeFile(clientFile, text.slice(0, Math.floor(text.length / 2)));
  });

  const page = app.page;
  const banner = page.getByRole('alert').filter({ hasText: 'Rapport could not read one of your files' });
  await expect(banner).toContainText('Could not read the file for Ada Lovelace');
  const clientList = page.getByRole('navigation', { name: 'Clients' });
  await expect(clientList.getByRole('link', { name: 'Ada Lovelace' })).toHaveCount(0);

  await banner.getByRole('button', { name: 'Restore Ada Lovelace from the latest automatic backup' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Ada Lovelace is back' })).toBeVisible();
  await expect(banner).toHaveCount(0);

  await clientList.getByRole('link', { name: 'Ada Lovelace', exact: true }).click();
  await openTab(page, 'Profile');
  await expect(page.getByRole('main').getByLabel('Target role', { exact: true })).toHaveValue('Head of Engineering');

  // Recovered for good: the next start finds nothing to set aside.
  await app.restart();
  await expect(
    app.page.getByRole('navigation', { name: 'Clients' }).getByRole('link', { name: 'Ada Lovelace', exact: true }),
  ).toBeVisible();
  await expect(app.page.getByRole('alert')).toHaveCount(0);
});
