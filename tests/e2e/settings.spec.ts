import { expect, test } from './fixtures';

test('practice settings are saved and survive a restart', async ({ app }) => {
  await app.page.getByRole('link', { name: 'Settings' }).click();
  const main = app.page.getByRole('main');
  await main.getByLabel('Your name').fill('Sam Coach');
  await main.getByLabel('Business name').fill('Clear Path Coaching');
  await main.getByLabel('Contact line').fill('sam@clearpath.example · 01632 960 001');
  await expect(main.getByLabel('Sign-off for shared agendas')).toHaveAttribute('placeholder', 'See you then,\nSam');
  await main.getByLabel('Sign-off for shared agendas').fill('Warm regards,\nSam');
  await main.getByRole('button', { name: 'Save settings' }).click();
  await expect(main.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();

  await app.restart();
  await app.page.getByRole('link', { name: 'Settings' }).click();
  const reopened = app.page.getByRole('main');
  await expect(reopened.getByLabel('Your name')).toHaveValue('Sam Coach');
  await expect(reopened.getByLabel('Business name')).toHaveValue('Clear Path Coaching');
  await expect(reopened.getByLabel('Contact line')).toHaveValue('sam@clearpath.example · 01632 960 001');
  await expect(reopened.getByLabel('Sign-off for shared agendas')).toHaveValue('Warm regards,\nSam');
});
