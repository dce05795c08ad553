import { expect, test } from './fixtures';
import { openTab, storedClientFiles } from './helpers/client-file';
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
  // The client's home is the overview; the form is on the Profile tab.
  await expect(main.getByRole('tab', { name: 'Overview', exact: true })).toHaveAttribute('aria-selected', 'true');
  await expect(main.getByLabel('Name', { exact: true })).toHaveCount(0);
  await openTab(page, 'Profile');
  await expectClientForm(main, ADA);
  expect(await storedClientFiles(app.dataDir)).toHaveLength(1);

  await app.restart();

  await app.page.getByRole('navigation', { name: 'Clients' }).getByRole('link', { name: ADA.name, exact: true }).click();
  const reopened = app.page.getByRole('main');
  await expect(reopened.getByRole('heading', { level: 1, name: ADA.name })).toBeVisible();
  await expect(reopened.getByText('Goes by Ada')).toBeVisible();
  await reopened.getByRole('button', { name: 'Edit profile' }).click();
  await expect(reopened.getByRole('heading', { name: 'Profile', exact: true })).toBeFocused();
  await expectClientForm(reopened, ADA);
});

test('an edit is saved, says so, and survives a restart', async ({ app }) => {
  const { page } = app;
  await page.getByRole('button', { name: 'New client' }).click();
  await page.getByRole('main').getByLabel('Name', { exact: true }).fill('Grace Hopper');
  await page.getByRole('main').getByRole('button', { name: 'Create client' }).click();
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 1, name: 'Grace Hopper' })).toBeVisible();

  await openTab(page, 'Profile');
  await main.getByLabel('Target role', { exact: true }).fill('Rear Admiral');
  await main.getByRole('button', { name: 'Save changes' }).click();
  await expect(main.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();

  await app.restart();
  await app.page.getByRole('navigation', { name: 'Clients' }).getByRole('link', { name: 'Grace Hopper', exact: true }).click();
  await expect(app.page.getByRole('main').getByText('Aiming for Rear Admiral')).toBeVisible();
  await openTab(app.page, 'Profile');
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

test('the client list sorts and filters, and the open client’s name is never cut off', async ({ app }) => {
  const { page } = app;
  const names = ['Hiroshi Nakamura', 'Maximiliane Oberhauser-Lindqvist', 'Ada Lovelace'];
  const ids: Record<string, string> = {};
  for (const name of names) {
    const created = await page.evaluate(
      (input) => window.rapport.clients.create(input),
      name === 'Ada Lovelace'
        ? { name, status: 'prospect' as const, tags: ['mentoring'] }
        : { name, status: 'active' as const, tags: ['leadership'] },
    );
    ids[name] = created.id;
  }
  await page.evaluate(
    async ({ id }) => {
      const session = await window.rapport.sessions.create(id, { startsAt: '2026-01-05T10:00:00.000Z', mode: 'video' });
      await window.rapport.sessions.setStatus(id, session.id, 'held');
      await window.rapport.sessions.create(id, { startsAt: '2099-01-05T10:00:00.000Z', mode: 'video' });
    },
    { id: ids['Hiroshi Nakamura'] },
  );
  await page.reload();
  const clientList = page.getByRole('navigation', { name: 'Clients' });
  await expect(clientList.getByRole('link')).toHaveText(['Ada Lovelace', 'Hiroshi Nakamura', 'Maximiliane Oberhauser-Lindqvist']);

  await page.getByLabel('Sort by').selectOption({ label: 'Next session' });
  await expect(clientList.getByRole('link')).toHaveText(['Hiroshi Nakamura', 'Ada Lovelace', 'Maximiliane Oberhauser-Lindqvist']);
  await page.getByLabel('Sort by').selectOption({ label: 'Last contact' });
  // Never in touch comes first, never among the recently in touch.
  await expect(clientList.getByRole('link')).toHaveText(['Ada Lovelace', 'Maximiliane Oberhauser-Lindqvist', 'Hiroshi Nakamura']);
  const rows = clientList.getByRole('listitem');
  await expect(rows.first()).toHaveText('Ada Lovelace Prospect no contact yet');
  await expect(rows.last()).toHaveText(/^Hiroshi Nakamura Active last contact \S/);

  await page.getByLabel('Tag').selectOption({ label: 'leadership' });
  await expect(clientList.getByRole('link')).toHaveText(['Maximiliane Oberhauser-Lindqvist', 'Hiroshi Nakamura']);

  await app.restart();
  await expect(app.page.getByLabel('Sort by')).toHaveValue('last-contact');

  // Selecting a client changes neither its name's weight nor how much of it shows.
  const link = app.page.getByRole('navigation', { name: 'Clients' }).getByRole('link', { name: 'Maximiliane Oberhauser-Lindqvist' });
  const shape = () =>
    link.evaluate((element) => ({
      weight: getComputedStyle(element).fontWeight,
      width: element.getBoundingClientRect().width,
      cut: element.scrollWidth > element.clientWidth,
    }));
  const before = await shape();
  await link.click();
  await expect(link).toHaveAttribute('aria-current', 'page');
  expect(await shape()).toEqual(before);
  expect(before.cut).toBe(false);
});
