import { expect, test } from './fixtures';
import { storedClientFiles } from './helpers/client-file';
import { expectClientForm, fillClientForm, type ClientFormValues } from './helpers/client-form';

const ADA: ClientFormValues = {
  name: 'Ada Lovelace',
  preferredName: 'Ada',
  pronouns: 'she/her',
  email: 'ada@example.org',
  phone: '+44 20 7946 0018',
  currentRole: 'Analyst',
  targetRole: 'Head of Engineering',
  organisation: 'Analytical Engines Ltd',
  status: 'Active',
  tags: 'leadership, career change',
  startDate: '2026-03-02',
  background: 'Wants to lead a team.\nWorried about <img src=x onerror=alert(1)> interviews.',
};

test('a client created with every field is all there after a restart', async ({ app }) => {
  const { page } = app;
  await page.getByRole('button', { name: 'New client' }).click();
  const main = page.getByRole('main');
  await fillClientForm(main, ADA);
  await main.getByRole('button', { name: 'Create client' }).click();

  await expect(main.getByRole('heading', { level: 1, name: ADA.name })).toBeVisible();
  const clientList = page.getByRole('navigation', { name: 'Clients' });
  await expect(clientList.getByRole('link', { name: ADA.name, exact: true })).toBeVisible();
  await expectClientForm(main, ADA);
  expect(await storedClientFiles(app.dataDir)).toHaveLength(1);

  await app.restart();

  await app.page.getByRole('navigation', { name: 'Clients' }).getByRole('link', { name: ADA.name, exact: true }).click();
  const reopened = app.page.getByRole('main');
  await expect(reopened.getByRole('heading', { level: 1, name: ADA.name })).toBeVisible();
  await expect(reopened.getByText('Goes by Ada')).toBeVisible();
  await expectClientForm(reopened, ADA);
});

test('an edit is saved, says so, and survives a restart', async ({ app }) => {
  const { page } = app;
  await page.getByRole('button', { name: 'New client' }).click();
  await page.getByRole('main').getByLabel('Name', { exact: true }).fill('Grace Hopper');
  await page.getByRole('main').getByRole('button', { name: 'Create client' }).click();
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 1, name: 'Grace Hopper' })).toBeVisible();

  await main.getByLabel('Target role', { exact: true }).fill('Rear Admiral');
  await main.getByRole('button', { name: 'Save changes' }).click();
  await expect(main.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();

  await app.restart();
  await app.page.getByRole('navigation', { name: 'Clients' }).getByRole('link', { name: 'Grace Hopper', exact: true }).click();
  await expect(app.page.getByRole('main').getByLabel('Target role', { exact: true })).toHaveValue('Rear Admiral');
});

test('a bad email is explained at the field and nothing is saved', async ({ app }) => {
  const { page } = app;
  await page.getByRole('button', { name: 'New client' }).click();
  const main = page.getByRole('main');
  await main.getByLabel('Name', { exact: true }).fill('Alan Turing');
  await main.getByLabel('Email', { exact: true }).fill('alan at bletchley');
  await main.getByRole('button', { name: 'Create client' }).click();

  const email = main.getByLabel('Email', { exact: true });
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(email).toHaveAccessibleDescription(/email address/);
  await expect(main.locator('#client-email-error')).toHaveText(/email address/);
  await expect(email).toBeFocused();
  await expect(main.getByRole('status')).toHaveText(/Nothing was saved/);
  await expect(main.getByRole('heading', { level: 1, name: 'New client' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Clients' }).getByRole('link')).toHaveCount(0);
  expect(await storedClientFiles(app.dataDir)).toEqual([]);

  await app.restart();
  await expect(app.page.getByRole('button', { name: 'Add your first client' })).toBeVisible();
  await expect(app.page.getByRole('navigation', { name: 'Clients' }).getByRole('link')).toHaveCount(0);
});

test('the sidebar search finds a client by name', async ({ app }) => {
  const { page } = app;
  for (const name of ['Ada Lovelace', 'Alan Turing']) {
    await page.getByRole('button', { name: 'New client' }).click();
    await page.getByRole('main').getByLabel('Name', { exact: true }).fill(name);
    await page.getByRole('main').getByRole('button', { name: 'Create client' }).click();
    await expect(page.getByRole('main').getByRole('heading', { level: 1, name })).toBeVisible();
  }
  const clientList = page.getByRole('navigation', { name: 'Clients' });
  await expect(clientList.getByRole('link')).toHaveText(['Ada Lovelace', 'Alan Turing']);
  await page.getByRole('combobox', { name: /Search/ }).fill('turing');
  await expect(page.getByRole('listbox', { name: 'Results' }).getByRole('option')).toHaveText([/Alan Turing\s*Name/]);
  await page.getByRole('combobox', { name: /Search/ }).press('Enter');
  await expect(page.getByRole('main').getByRole('heading', { level: 1, name: 'Alan Turing' })).toBeVisible();
});
