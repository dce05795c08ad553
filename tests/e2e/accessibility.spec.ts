import { expect, expectAccessible, test } from './fixtures';

test('the empty home page has no serious accessibility problems', async ({ app }) => {
  await expect(app.page.getByRole('button', { name: 'Add your first client' })).toBeVisible();
  await expectAccessible(app.page);
});

test('the new-client form, also when showing errors, has no serious accessibility problems', async ({ app }) => {
  await app.page.getByRole('button', { name: 'New client' }).click();
  const main = app.page.getByRole('main');
  await expect(main.getByRole('button', { name: 'Create client' })).toBeVisible();
  await expectAccessible(app.page);

  await main.getByLabel('Email', { exact: true }).fill('not an address');
  await main.getByLabel('Phone', { exact: true }).fill('call me');
  await main.getByLabel('Email', { exact: true }).press('Enter');
  await expect(main.getByRole('status')).toHaveText(/Nothing was saved/);
  await expectAccessible(app.page);
});

test('a client file has no serious accessibility problems', async ({ app }) => {
  await app.page.getByRole('button', { name: 'New client' }).click();
  const main = app.page.getByRole('main');
  await main.getByLabel('Name', { exact: true }).fill('Ada Lovelace');
  await main.getByRole('button', { name: 'Create client' }).click();
  await expect(main.getByRole('heading', { level: 1, name: 'Ada Lovelace' })).toBeVisible();
  await expectAccessible(app.page);
});

test('settings have no serious accessibility problems', async ({ app }) => {
  await app.page.getByRole('link', { name: 'Settings' }).click();
  await expect(app.page.getByRole('button', { name: 'Save settings' })).toBeVisible();
  await expectAccessible(app.page);
});

test('the scan itself fails on a control without a name', async ({ app }) => {
  await expect(app.page.getByRole('button', { name: 'New client' })).toBeVisible();
  await app.page.evaluate(() => document.querySelector('main')?.append(document.createElement('button')));
  await expect(expectAccessible(app.page)).rejects.toThrow(/critical button-name/);
});
