import type { Locator, Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';
import { localDay, mainArea, openTab } from './helpers/client-file';

async function createActiveClient(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'New client' }).click();
  const main = mainArea(page);
  await main.getByLabel('Name', { exact: true }).fill(name);
  await main.getByLabel('Status').selectOption({ label: 'Active' });
  await main.getByRole('button', { name: 'Create client' }).click();
  await expect(main.getByRole('heading', { level: 1, name })).toBeVisible();
}

async function addApplication(panel: Locator, organisation: string, role: string): Promise<Locator> {
  await panel.getByRole('button', { name: 'New application' }).click();
  await expect(panel.getByLabel('Organisation')).toBeFocused();
  await panel.getByLabel('Organisation').fill(organisation);
  await panel.getByLabel('Role').fill(role);
  await panel.getByLabel('Where it came from').selectOption({ label: 'Network' });
  await panel.getByRole('button', { name: 'Add application' }).click();
  const card = panel.getByRole('group', { name: 'Applications by stage' }).getByRole('listitem', { name: new RegExp(`^${organisation},`) });
  await expect(card).toBeFocused();
  return card;
}

function column(panel: Locator, stage: string): Locator {
  return panel.getByRole('region', { name: new RegExp(`^${stage} \\d+$`) });
}

async function recordOffer(panel: Locator, card: Locator, salary: string, ratings: [string, string][]): Promise<void> {
  await card.getByRole('button').first().click();
  const detail = panel.locator('.application-detail');
  await detail.getByLabel('Salary').fill(salary);
  await detail.getByLabel('Start date').fill(localDay(60));
  await detail.getByRole('button', { name: 'Record offer' }).click();
  for (const [criterion, score] of ratings) {
    await detail.getByLabel(criterion, { exact: true }).selectOption(score);
    await expect(detail.getByLabel(criterion, { exact: true })).toHaveValue(score);
  }
  await detail.getByRole('button', { name: 'Close' }).click();
}

test('a coach runs a client’s job search from the board, compares offers, and sees it on Today and the practice view', async ({ app }) => {
  const { page } = app;
  await createActiveClient(page, 'Amara Okafor');
  const panel = await openTab(page, 'Job search');
  await expect(panel.getByText('No applications yet.')).toBeVisible();
  await expectAccessible(page);

  const northwind = await addApplication(panel, 'Northwind', 'Head of data');
  await expect(column(panel, 'Interested')).toContainText('Northwind');

  // Keyboard only: Alt+→ moves the focused card one stage along, and focus follows it.
  for (const stage of ['Applied', 'Screening', 'Interviews', 'Offer']) {
    await page.keyboard.press('Alt+ArrowRight');
    await expect(column(panel, stage).getByRole('listitem', { name: /^Northwind,/ })).toBeFocused();
  }
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(column(panel, 'Interviews').getByRole('listitem', { name: /^Northwind,/ })).toBeFocused();

  // The "Move…" menu moves it in one action.
  const contoso = await addApplication(panel, 'Contoso', 'Analytics lead');
  await contoso.getByLabel('Move Contoso to…').selectOption({ label: 'Move to Offer' });
  await expect(column(panel, 'Offer')).toContainText('Contoso');
  await northwind.getByLabel('Move Northwind to…').selectOption({ label: 'Move to Offer' });
  await expect(column(panel, 'Offer')).toContainText('Northwind');

  // Every move is recorded.
  await panel.getByRole('button', { name: 'Northwind', exact: true }).click();
  const detail = panel.locator('.application-detail');
  await expect(detail.getByRole('listitem')).toHaveText([
    /^Interested/,
    /^Applied/,
    /^Screening/,
    /^Interviews/,
    /^Offer/,
    /^Interviews/,
    /^Offer/,
  ]);
  // A next action due today.
  await detail.getByLabel('What the client will do').fill('Ask for the benefits summary');
  await detail.getByLabel('Due').fill(localDay(0));
  await detail.getByRole('button', { name: 'Save next action' }).click();
  await expect(detail.getByRole('checkbox', { name: /Ask for the benefits summary/ })).toBeVisible();
  await detail.getByRole('button', { name: 'Close' }).click();

  // The client's criteria, then two offers rated on them.
  const compare = panel.getByRole('region', { name: 'Compare offers' });
  for (const [label, weight] of [
    ['Pay', '5'],
    ['Commute', '2'],
  ]) {
    await compare.getByLabel('What matters to the client').fill(label);
    await compare.getByLabel('How much it matters').selectOption(weight);
    await compare.getByRole('button', { name: 'Add criterion' }).click();
    await expect(compare.getByRole('listitem').filter({ hasText: label })).toBeVisible();
  }
  await recordOffer(panel, column(panel, 'Offer').getByRole('listitem', { name: /^Northwind,/ }), '£80,000', [
    ['Pay', '4'],
    ['Commute', '1'],
  ]);
  await recordOffer(panel, column(panel, 'Offer').getByRole('listitem', { name: /^Contoso,/ }), '£72,000', [
    ['Pay', '3'],
    ['Commute', '5'],
  ]);
  const table = compare.getByTestId('compare-offers');
  await expect(table.getByRole('columnheader')).toHaveText([/Northwind/, /Contoso/]);
  await expect(table.getByRole('row', { name: /Salary/ })).toContainText('£80,000');
  await expect(table.getByRole('row', { name: /Salary/ })).toContainText('£72,000');
  // Northwind (4×5 + 1×2) / (5×5 + 5×2) = 22/35 = 63; Contoso (3×5 + 5×2) / 35 = 25/35 = 71.
  await expect(table.getByRole('row', { name: /Weighted score/ })).toContainText(
    '63 of 100: ratings times weights add up to 22 of the 35 possible.',
  );
  await expect(table.getByRole('row', { name: /Weighted score/ })).toContainText(
    '71 of 100: ratings times weights add up to 25 of the 35 possible.',
  );
  await expectAccessible(page);

  // The table view sorts by organisation.
  await panel.getByRole('button', { name: 'Table' }).click();
  await panel.getByRole('button', { name: 'Organisation' }).click();
  await expect(panel.getByRole('table').first().getByRole('row').nth(1)).toContainText('Contoso');
  await expectAccessible(page);

  // Today shows the next action; the practice view counts the client at the offer stage.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' }).click();
  const due = mainArea(page).getByTestId('today-next-action');
  await expect(due).toContainText('Ask for the benefits summary');
  await expect(due).toContainText('Due today');
  await expect(due).toContainText('Amara Okafor: Northwind');
  await expectAccessible(page);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Job search' }).click();
  const stages = mainArea(page).getByTestId('practice-stages');
  await expect(stages.locator('tr[data-stage="offer"]')).toHaveText(/Offer\s*1\s*2/);
  await expect(stages.locator('tr[data-stage="interested"]')).toHaveText(/Interested\s*0\s*0/);
  await expect(mainArea(page).getByTestId('practice-offers').getByRole('listitem')).toHaveCount(2);
  await expectAccessible(page);
});

test('the board fits nine stages at 1280 px and, when narrower, scrolls in a region the keyboard reaches', async ({ app }) => {
  const { page } = app;
  await page.setViewportSize({ width: 1280, height: 800 });
  await createActiveClient(page, 'Lucía Fernández');
  const panel = await openTab(page, 'Job search');
  const card = await addApplication(panel, 'Northwind', 'Head of data');
  const board = panel.getByRole('region', { name: 'Application board' });

  // Every column lies inside the board, so none is cut off at the right edge.
  const edges = await board.evaluate((element) => ({
    right: element.getBoundingClientRect().right,
    last: element.querySelector('section:last-of-type')!.getBoundingClientRect().right,
    overflow: element.scrollWidth - element.clientWidth,
  }));
  expect(edges.last).toBeLessThanOrEqual(edges.right);
  expect(edges.overflow).toBeLessThanOrEqual(1);
  await expect(board).not.toHaveAttribute('tabindex');
  await expect(panel.getByText('Scroll sideways to see every stage.')).toHaveCount(0);

  // The card's menu shows its whole text: it is as wide as it would be with no room limit.
  const menu = card.getByLabel('Move Northwind to…');
  await expect(menu.locator('option:checked')).toHaveText('Move…');
  const widths = await menu.evaluate((select) => {
    const free = select.cloneNode(true) as HTMLSelectElement;
    free.style.maxWidth = 'none';
    free.style.width = 'max-content';
    select.parentElement!.append(free);
    const natural = free.getBoundingClientRect().width;
    free.remove();
    return { shown: select.getBoundingClientRect().width, natural };
  });
  expect(widths.shown).toBeGreaterThanOrEqual(widths.natural - 0.5);
  await expectAccessible(page);

  // Narrower than the nine columns need: the board says so, takes focus and scrolls by keyboard.
  await page.setViewportSize({ width: 900, height: 800 });
  await expect(board).toHaveAttribute('tabindex', '0');
  await expect(panel.getByText('Scroll sideways to see every stage.')).toBeVisible();
  await board.focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => board.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
  // The client file's tabs wrap between their names, never inside one ("Ove/rvie/w" before).
  const linesPerTab = await page
    .getByRole('tablist', { name: 'Client file' })
    .getByRole('tab')
    .evaluateAll((tabs) =>
      tabs.map((tab) => {
        const style = getComputedStyle(tab);
        const content = tab.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
        return Math.round(content / parseFloat(style.lineHeight));
      }),
    );
  expect(linesPerTab.every((lines) => lines === 1)).toBe(true);
  await expectAccessible(page);
});
