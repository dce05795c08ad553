import { expect, test } from './fixtures';

test('menu commands reach the page: New client, Settings and Find', async ({ app }) => {
  const main = app.page.getByRole('main');
  await app.menu('new-client');
  await expect(main.getByRole('heading', { level: 1, name: 'New client' })).toBeVisible();
  await app.menu('settings');
  await expect(main.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await app.menu('search');
  await expect(app.page.getByRole('complementary').getByRole('combobox', { name: /^Search/ })).toBeFocused();
});
