import { expect, test } from './fixtures';

test('a task list in a note shows ticked and unticked boxes, not empty text fields', async ({ app }) => {
  const { page } = app;
  await expect(page.getByRole('link', { name: 'Settings' })).toBeVisible();
  const clientId = await page.evaluate(async () => {
    const client = await window.rapport.clients.create({ name: 'Ada Lovelace' });
    await window.rapport.notes.create(client.id, '- [x] Sent the CV\n- [ ] Call the recruiter');
    return client.id;
  });
  await page.evaluate((id) => (window.location.hash = `/clients/${id}`), clientId);
  const main = page.getByRole('main');
  await main.getByRole('tab', { name: 'Notes' }).click();
  const boxes = main.locator('.markdown li input');
  await expect(boxes).toHaveCount(2);
  expect(
    await boxes.evaluateAll((inputs) =>
      inputs.map((input) => [(input as HTMLInputElement).type, (input as HTMLInputElement).checked, (input as HTMLInputElement).disabled]),
    ),
  ).toEqual([
    ['checkbox', true, true],
    ['checkbox', false, true],
  ]);
  await expect(main.locator('.markdown').getByRole('textbox')).toHaveCount(0);
});
