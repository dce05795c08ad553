import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';
import { addCommitment, addNote, addTerm, createClient, localDay, mainArea } from './helpers/client-file';

const SEARCH_LABEL = 'Search clients, notes, sessions, commitments and their words';

async function practiceWithTwoClients(page: Page): Promise<void> {
  await createClient(page, 'Grace Hopper');
  await addNote(page, 'Keynote about the first compiler.');
  await createClient(page, 'Ada Lovelace');
  await addTerm(page, 'my practice', 'her business');
  await addNote(page, 'Prepare the portfolio review before the panel.');
  await addCommitment(page, { text: 'Send the salary survey', owner: 'You', due: localDay(3) });
  await page.getByRole('link', { name: 'Today', exact: true }).click();
}

function searchDialog(page: Page) {
  const dialog = page.getByRole('dialog', { name: 'Find anything' });
  return { dialog, input: dialog.getByLabel(SEARCH_LABEL), results: dialog.getByRole('listbox', { name: 'Results' }) };
}

test('Ctrl+K finds a note as you type and Enter opens it on the Notes tab', async ({ app }) => {
  const { page } = app;
  await practiceWithTwoClients(page);

  await page.keyboard.press('Control+k');
  const { dialog, input, results } = searchDialog(page);
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
  await expect(dialog).toHaveCount(0);
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
  const { dialog, input, results } = searchDialog(page);
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
  await expect(dialog.getByText('Nothing matches “nothing like this”.')).toBeVisible();
  await input.press('Escape');
  await expect(dialog).toHaveCount(0);
});
