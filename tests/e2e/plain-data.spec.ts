import { expect, test } from './fixtures';
import { addTerm, createClient, mainArea, openTab } from './helpers/client-file';
import { reflectOnYesterdaysSession } from './helpers/session-card';

// Electron's contextBridge refuses Vue's reactive Proxies ("An object could not be cloned"); the
// browser host copies arguments the same way (tests/helpers/context-bridge-copy.ts), so these
// views fail here exactly as they would in the real app if they sent a reactive object.

test('the bridge refuses what contextBridge refuses, and the API client sends plain data', async ({ app }) => {
  const refusal = await app.page.evaluate(async () => {
    const proxy = new Proxy({ name: 'Amara Okafor' }, {});
    return window.rapport.clients.create(proxy as never).then(
      () => 'sent',
      (error: unknown) => (error as Error).message,
    );
  });
  expect(refusal).toBe('An object could not be cloned.');
  const refusedFunction = await app.page.evaluate(() =>
    window.rapportDesktop.print((() => '/print/x') as never).then(
      () => 'sent',
      (error: unknown) => (error as Error).message,
    ),
  );
  expect(refusedFunction).toBe('An object could not be cloned.');
});

test('their words are added and edited', async ({ app }) => {
  const { page } = app;
  await createClient(page, 'Amara Okafor');
  await addTerm(page, 'the big move', 'leaving banking for a charity role');
  const panel = mainArea(page).getByRole('tabpanel');
  await panel.getByRole('button', { name: 'Edit the big move' }).click();
  await panel.getByRole('textbox', { name: 'What it means' }).last().fill('moving to a charity role by spring');
  await panel.getByRole('button', { name: 'Save' }).click();
  await expect(panel.getByRole('listitem').filter({ hasText: '“the big move”' })).toContainText('means moving to a charity role by spring');
  await expect(page.getByText('Something went wrong')).toHaveCount(0);
});

test('a session reflection is saved', async ({ app }) => {
  const { page } = app;
  await createClient(page, 'Amara Okafor');
  await reflectOnYesterdaysSession(await openTab(page, 'Sessions'));
});

test('a deleted goal step comes back with Undo', async ({ app }) => {
  const { page } = app;
  await createClient(page, 'Grace Hopper');
  const panel = await openTab(page, 'Goals');
  await panel.getByRole('button', { name: 'New goal' }).click();
  await panel.getByLabel('Goal', { exact: true }).fill('Move into a staff role');
  await panel.getByRole('button', { name: 'Add goal' }).click();
  const goal = panel.getByRole('article', { name: 'Move into a staff role' });
  const stepForm = goal.locator('form').filter({ has: page.getByRole('button', { name: 'Add step' }) });
  await stepForm.getByLabel('Step', { exact: true }).fill('Write a brag document');
  await stepForm.getByRole('button', { name: 'Add step' }).click();
  await expect(goal.getByRole('checkbox', { name: 'Write a brag document' })).toBeVisible();

  await goal.getByRole('button', { name: 'Delete step “Write a brag document”' }).click();
  await expect(goal.getByRole('checkbox', { name: 'Write a brag document' })).toHaveCount(0);
  await goal.getByRole('button', { name: 'Undo' }).click();
  await expect(goal.getByRole('checkbox', { name: 'Write a brag document' })).toBeVisible();
  await expect(goal.getByRole('button', { name: 'Undo' })).toHaveCount(0);
  await expect(page.getByText('Something went wrong')).toHaveCount(0);
});
