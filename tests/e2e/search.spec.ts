import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';
import { addCommitment, addNote, addTerm, createClient, localDay, mainArea, openTab } from './helpers/client-file';

async function practiceWithTwoClients(page: Page): Promise<void> {
  await createClient(page, 'Grace Hopper');
  await addNote(page, 'Keynote about the first compiler.');
  await createClient(page, 'Ada Lovelace');
  await addTerm(page, 'my practice', 'her business');
  await addNote(page, 'Prepare the portfolio review before the panel.');
  await addCommitment(page, { text: 'Send the salary survey', owner: 'You', due: localDay(3) });
  await page.getByRole('link', { name: 'Today', exact: true }).click();
}

/** The one search, at the top of the sidebar. */
function sidebarSearch(page: Page) {
  const sidebar = page.getByRole('complementary');
  return { sidebar, input: sidebar.getByRole('combobox', { name: /^Search/ }), results: sidebar.getByRole('listbox', { name: 'Results' }) };
}

test('Ctrl+K, shown beside the sidebar search, finds a note as you type and Enter opens it on the Notes tab', async ({ app }) => {
  const { page } = app;
  await practiceWithTwoClients(page);

  const { sidebar, input, results } = sidebarSearch(page);
  await expect(sidebar).toContainText('Ctrl+K');
  await page.keyboard.press('Control+k');
  await expect(input).toBeFocused();
  await input.pressSequentially('portf');
  await expect(results.getByRole('option')).toHaveCount(1);
  const hit = results.getByRole('option').first();
  await expect(hit).toContainText('Ada Lovelace');
  await expect(hit).toContainText('Note');
  await expect(hit).toContainText('portfolio review');
  await expect(hit).toHaveAttribute('aria-selected', 'true');
  await expectAccessible(page);

  await input.press('Enter');
  const main = mainArea(page);
  await expect(main.getByRole('heading', { level: 1, name: 'Ada Lovelace' })).toBeVisible();
  await expect(main.getByRole('tab', { name: 'Notes' })).toHaveAttribute('aria-selected', 'true');
  await expect(main.getByRole('tabpanel').getByRole('listitem').filter({ hasText: 'portfolio review' })).toBeFocused();
});

test('the Find menu command searches commitments and their words; arrows choose the hit', async ({ app }) => {
  const { page } = app;
  await practiceWithTwoClients(page);
  const main = mainArea(page);

  await app.menu('search');
  const { sidebar, input, results } = sidebarSearch(page);
  await expect(input).toBeFocused();
  await input.fill('salary');
  await expect(results.getByRole('option')).toHaveText([/Ada Lovelace\s*Commitment\s*Send the salary survey/]);
  await input.press('Enter');
  await expect(main.getByRole('tab', { name: 'Commitments' })).toHaveAttribute('aria-selected', 'true');
  await expect(main.getByRole('tabpanel').getByRole('listitem').filter({ hasText: 'Send the salary survey' })).toBeFocused();

  await page.keyboard.press('Control+k');
  await input.fill('practice');
  await expect(results.getByRole('option')).toHaveCount(1);
  await expect(results.getByRole('option')).toContainText('Their words');
  await input.press('Enter');
  await expect(main.getByRole('tab', { name: 'Their words' })).toHaveAttribute('aria-selected', 'true');
  await expect(main.getByRole('tabpanel').getByRole('listitem').filter({ hasText: '“my practice”' })).toBeFocused();

  await app.menu('search');
  await input.fill('e');
  await expect(results.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
  await input.press('ArrowDown');
  await expect(results.getByRole('option').nth(1)).toHaveAttribute('aria-selected', 'true');
  await input.fill('compiler');
  await expect(results.getByRole('option')).toHaveText([/Grace Hopper\s*Note\s*Keynote about the first compiler\./]);
  await input.fill('nothing like this');
  await expect(sidebar.getByText('Nothing matches “nothing like this”.')).toBeVisible();
  await input.press('Escape');
  await expect(input).toHaveValue('');
  await expect(sidebar.getByRole('navigation', { name: 'Clients' }).getByRole('link')).toHaveText(['Ada Lovelace', 'Grace Hopper']);
});

test('finds what the coach wrote in a profile and a goal step', async ({ app }) => {
  const { page } = app;
  await createClient(page, 'Ada Lovelace');
  const main = await openTab(page, 'Profile');
  await main.getByLabel('Target role', { exact: true }).fill('Engineering director');
  await main.getByRole('button', { name: 'Save changes' }).click();
  await expect(main.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  const goals = await openTab(page, 'Goals');
  await goals.getByRole('button', { name: 'New goal' }).click();
  await goals.getByLabel('Goal', { exact: true }).fill('Land a staff role');
  await goals.getByRole('button', { name: 'Add goal' }).click();
  const stepForm = goals.locator('form').filter({ has: page.getByRole('button', { name: 'Add step' }) });
  await stepForm.getByLabel('Step', { exact: true }).fill('Book a mock interview');
  await stepForm.getByRole('button', { name: 'Add step' }).click();
  await expect(stepForm.getByLabel('Step', { exact: true })).toHaveValue('');

  const { input, results } = sidebarSearch(page);
  await input.fill('director');
  await expect(results.getByRole('option')).toHaveText([/Ada Lovelace\s*Target role\s*Engineering director/]);
  await input.fill('mock interview');
  await expect(results.getByRole('option')).toHaveText([/Ada Lovelace\s*Goal step\s*Book a mock interview/]);
  await input.press('Enter');
  await expect(mainArea(page).getByRole('tab', { name: 'Goals' })).toHaveAttribute('aria-selected', 'true');
});
