import type { Locator } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { addDays, localIsoDate } from '../../shared/dates';
import { expect, expectAccessible, pdfPageTexts, pdfText, placeOnPages, test } from './fixtures';
import { createClient, openClient, openTab } from './helpers/client-file';

const today = localIsoDate(new Date());
const lastWeek = addDays(today, -7);
const nextMonth = addDays(today, 30);

let folder: string;

test.beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'rapport-e2e-goals-'));
});

test.afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function addGoal(panel: Locator, title: string, why = '', targetDate = ''): Promise<Locator> {
  await panel.getByRole('button', { name: 'New goal' }).click();
  await panel.getByLabel('Goal', { exact: true }).fill(title);
  await panel.getByLabel('Why it matters (in the client’s words)').fill(why);
  await panel.getByLabel('Target date (optional)').fill(targetDate);
  await panel.getByRole('button', { name: 'Add goal' }).click();
  const goal = panel.getByRole('article', { name: title });
  await expect(goal).toBeVisible();
  return goal;
}

interface StepValues {
  due?: string;
  who?: 'Client' | 'Coach';
}

/** Adds a step through the goal's "Add step" form, which stays open for the next one. */
async function addStep(goal: Locator, text: string, { due = '', who = 'Client' }: StepValues = {}): Promise<void> {
  const form = goal.locator('form').filter({ has: goal.page().getByRole('button', { name: 'Add step' }) });
  await form.getByLabel('Step', { exact: true }).fill(text);
  await form.getByLabel('Due (optional)').fill(due);
  await form.getByLabel('Who').selectOption({ label: who });
  await form.getByRole('button', { name: 'Add step' }).click();
  await expect(goal.getByRole('checkbox', { name: text, exact: true })).toBeVisible();
  await expect(form.getByLabel('Step', { exact: true })).toHaveValue('');
}

function stepTexts(goal: Locator): Promise<string[]> {
  return goal
    .getByRole('list', { name: /^Steps for / })
    .getByRole('checkbox')
    .evaluateAll((boxes) => boxes.map((box) => (box as HTMLInputElement).labels?.[0]?.textContent?.trim() ?? ''));
}

async function expectProgress(goal: Locator, title: string, done: number, total: number): Promise<void> {
  const bar = goal.getByRole('progressbar', { name: `Progress on ${title}` });
  await expect(bar).toHaveAttribute('value', String(done));
  await expect(bar).toHaveAttribute('max', String(Math.max(total, 1)));
  await expect(goal.getByText(`${done} of ${total} ${total === 1 ? 'step' : 'steps'}`, { exact: true })).toBeVisible();
}

test('a goal plan: steps ticked with progress, an overdue step on the goal, the profile and Today', async ({ app }) => {
  const { page } = app;
  await createClient(page, 'Ada Lovelace');
  const panel = await openTab(page, 'Goals');
  await expect(panel.getByText('No goals yet.', { exact: false })).toBeVisible();

  const goal = await addGoal(panel, 'Become Head of Engineering', 'I want to build the team I never had.', nextMonth);
  await expect(goal.getByText('I want to build the team I never had.')).toBeVisible();
  await expectProgress(goal, 'Become Head of Engineering', 0, 0);

  await addStep(goal, 'Update the CV');
  await addStep(goal, 'Ask two mentors for feedback', { who: 'Coach' });
  await addStep(goal, 'Apply to three roles', { due: lastWeek });
  await expectProgress(goal, 'Become Head of Engineering', 0, 3);

  await goal.getByRole('checkbox', { name: 'Update the CV' }).check();
  await expectProgress(goal, 'Become Head of Engineering', 1, 3);
  await goal.getByRole('checkbox', { name: 'Ask two mentors for feedback' }).check();
  await expectProgress(goal, 'Become Head of Engineering', 2, 3);
  await goal.getByRole('checkbox', { name: 'Ask two mentors for feedback' }).uncheck();
  await expectProgress(goal, 'Become Head of Engineering', 1, 3);

  await expect(goal.getByText('1 overdue step', { exact: true })).toBeVisible();
  await expect(
    goal
      .getByRole('listitem')
      .filter({ hasText: 'Apply to three roles' })
      .getByText(/^Overdue since /),
  ).toBeVisible();

  await app.restart();
  await openClient(app.page, 'Ada Lovelace');
  const overview = app.page.getByRole('tabpanel', { name: 'Overview' });
  const summary = overview.getByRole('region', { name: 'Active goals' });
  await expect(summary.getByRole('link', { name: 'Become Head of Engineering' })).toBeVisible();
  await expect(summary.getByText('1 of 3 steps', { exact: true })).toBeVisible();
  await expect(summary.getByText('1 step overdue', { exact: true })).toBeVisible();

  await app.page.getByRole('link', { name: 'Today' }).click();
  const overdue = app.page.getByRole('region', { name: 'Overdue goal steps' });
  const entry = overdue.getByRole('listitem').filter({ hasText: 'Apply to three roles' });
  await expect(entry).toContainText('Become Head of Engineering');
  await expect(entry.getByRole('link', { name: 'Ada Lovelace' })).toBeVisible();

  await entry.getByRole('link', { name: 'Ada Lovelace' }).click();
  const reopened = app.page.getByRole('tabpanel', { name: 'Goals' });
  await app.page.waitForURL(/tab=goals/);
  const reopenedGoal = reopened.getByRole('article', { name: 'Become Head of Engineering' });
  await reopenedGoal.getByRole('checkbox', { name: 'Apply to three roles' }).check();
  await expectProgress(reopenedGoal, 'Become Head of Engineering', 2, 3);
  await expect(reopenedGoal.getByText(/overdue step/)).toHaveCount(0);

  await app.page.getByRole('link', { name: 'Today' }).click();
  await expect(app.page.getByRole('region', { name: 'Overdue goal steps' })).toContainText('No goal steps are overdue.');
});

test('steps are deleted with undo and reordered with Alt+arrow keys', async ({ app }) => {
  const { page } = app;
  await createClient(page, 'Grace Hopper');
  const panel = await openTab(page, 'Goals');
  const goal = await addGoal(panel, 'Move into a staff role');
  for (const step of ['Map the org chart', 'Write a brag document', 'Book a talk with the CTO']) await addStep(goal, step);

  await goal.getByRole('button', { name: 'Delete step “Write a brag document”' }).click();
  await expect(goal.getByRole('checkbox', { name: 'Write a brag document' })).toHaveCount(0);
  await expectProgress(goal, 'Move into a staff role', 0, 2);
  const undo = goal.getByRole('button', { name: 'Undo' });
  await expect(undo).toBeFocused();
  await undo.click();
  await expect.poll(() => stepTexts(goal)).toEqual(['Map the org chart', 'Write a brag document', 'Book a talk with the CTO']);
  await expect(undo).toHaveCount(0);

  const lastHandle = goal.getByRole('button', { name: /^Move step “Book a talk with the CTO”/ });
  await lastHandle.focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(goal.getByRole('button', { name: /^Move step “Book a talk with the CTO”, position 2 of 3/ })).toBeFocused();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(goal.getByRole('button', { name: /^Move step “Book a talk with the CTO”, position 1 of 3/ })).toBeFocused();
  await expect.poll(() => stepTexts(goal)).toEqual(['Book a talk with the CTO', 'Map the org chart', 'Write a brag document']);

  await goal.getByRole('checkbox', { name: 'Map the org chart' }).focus();
  await page.keyboard.press('Alt+ArrowDown');
  await expect.poll(() => stepTexts(goal)).toEqual(['Book a talk with the CTO', 'Write a brag document', 'Map the org chart']);

  await app.restart();
  await openClient(app.page, 'Grace Hopper');
  const reopened = (await openTab(app.page, 'Goals')).getByRole('article', { name: 'Move into a staff role' });
  await expect(reopened.getByRole('checkbox')).toHaveCount(3);
  await expect.poll(() => stepTexts(reopened)).toEqual(['Book a talk with the CTO', 'Write a brag document', 'Map the org chart']);
});

test('an agenda item linked to a goal lists the session on the goal', async ({ app }) => {
  const { page } = app;
  await createClient(page, 'Alan Turing');
  const goals = await openTab(page, 'Goals');
  const goal = await addGoal(goals, 'Lead a research group');
  await expect(goal.getByText('Not on any session agenda yet.')).toBeVisible();

  const sessions = await openTab(page, 'Sessions');
  await sessions.getByRole('button', { name: 'Schedule a session' }).click();
  await sessions.getByLabel('Date', { exact: true }).fill(addDays(today, 3));
  await sessions.getByLabel('Start time').fill('10:00');
  await sessions.getByRole('button', { name: 'Schedule session' }).click();
  await sessions.getByRole('link', { name: 'Plan the agenda' }).click();

  const agenda = page.getByRole('main');
  await expect(agenda.getByRole('heading', { level: 1, name: 'Agenda for Alan Turing' })).toBeVisible();
  await agenda.getByRole('button', { name: 'Add an item' }).click();
  await agenda.getByLabel('Title', { exact: true }).fill('Which labs to approach');
  await agenda.getByLabel('Client goal').selectOption({ label: 'Lead a research group' });
  await agenda.getByRole('button', { name: 'Save agenda' }).click();
  await expect(agenda.getByRole('status').filter({ hasText: 'Agenda saved.' })).toBeVisible();

  await agenda.getByRole('link', { name: 'Back to the client' }).click();
  const reopened = (await openTab(page, 'Goals')).getByRole('article', { name: 'Lead a research group' });
  await expect(reopened.getByText('Discussed in sessions:')).toBeVisible();
  const discussion = reopened.getByRole('listitem').filter({ hasText: 'Which labs to approach' });
  await expect(discussion).toContainText('Planned');
});

test('the practice-wide goals view filters by due soon, overdue and stalled', async ({ app }) => {
  const { page } = app;
  await createClient(page, 'Ada Lovelace');
  let panel = await openTab(page, 'Goals');
  const soon = await addGoal(panel, 'Finish the portfolio', '', addDays(today, 5));
  await addStep(soon, 'Pick three projects');
  await addStep(soon, 'Write the case studies');
  await soon.getByRole('checkbox', { name: 'Pick three projects' }).check();
  await expectProgress(soon, 'Finish the portfolio', 1, 2);
  const paused = await addGoal(panel, 'Learn Rust');
  await paused.getByLabel('Status of “Learn Rust”').selectOption({ label: 'On hold' });

  await createClient(page, 'Grace Hopper');
  panel = await openTab(page, 'Goals');
  const late = await addGoal(panel, 'Negotiate a raise', '', nextMonth);
  await addStep(late, 'Collect salary data', { due: lastWeek });

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Goals' }).click();
  const view = page.getByRole('main');
  await expect(view.getByRole('heading', { level: 1, name: 'Goals' })).toBeVisible();
  const rows = view.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1)).toContainText('Ada Lovelace');
  await expect(rows.nth(1)).toContainText('Finish the portfolio');
  await expect(rows.nth(1)).toContainText('1 of 2 steps');
  await expect(rows.nth(1)).toContainText('Due soon');
  await expect(rows.nth(2)).toContainText('Negotiate a raise');
  await expect(rows.nth(2)).toContainText('1 overdue step');
  await expect(view.getByText('Learn Rust')).toHaveCount(0);
  await expectAccessible(page);

  const filters = view.getByRole('group', { name: 'Show goals' });
  await filters.getByRole('button', { name: 'Due soon', exact: true }).click();
  await expect(filters.getByRole('button', { name: 'Due soon', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText('Finish the portfolio');

  await filters.getByRole('button', { name: 'Overdue', exact: true }).click();
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText('Negotiate a raise');
  await expect(rows.nth(1)).toContainText('Grace Hopper');

  await filters.getByRole('button', { name: 'Stalled', exact: true }).click();
  await expect(view.getByText('No goal has gone 30 days without a step done.')).toBeVisible();
  await expect(view.getByRole('table')).toHaveCount(0);
  await expectAccessible(page);

  await filters.getByRole('button', { name: 'All', exact: true }).click();
  await expect(rows).toHaveCount(3);
  await rows.nth(2).getByRole('link', { name: 'Negotiate a raise' }).click();
  await expect(page.getByRole('main').getByRole('heading', { level: 1, name: 'Grace Hopper' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Goals' })).toHaveAttribute('aria-selected', 'true');
});

test('a goal checklist, and all active goals, are saved as a PDF for the client', { tag: '@pdf' }, async ({ app }) => {
  const { page } = app;
  await page.getByRole('link', { name: 'Settings' }).click();
  const settings = page.getByRole('main');
  await settings.getByLabel('Your name').fill('Sam Coach');
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(settings.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();

  await createClient(page, 'Ada Lovelace');
  const panel = await openTab(page, 'Goals');
  const first = await addGoal(panel, 'Become Head of Engineering', 'I want to build the team I never had.', nextMonth);
  await addStep(first, 'Update the CV');
  await addStep(first, 'Apply to three roles', { due: lastWeek, who: 'Coach' });
  await first.getByRole('checkbox', { name: 'Update the CV' }).check();
  await expectProgress(first, 'Become Head of Engineering', 1, 2);
  const second = await addGoal(panel, 'Speak at a conference');
  await addStep(second, 'Send a talk proposal');
  const dropped = await addGoal(panel, 'Learn Rust');
  await dropped.getByLabel('Status of “Learn Rust”').selectOption({ label: 'Dropped' });

  const onePdf = join(folder, 'one.pdf');
  await app.queueFilePath(onePdf);
  await first.getByRole('button', { name: 'Save as PDF… (the checklist for “Become Head of Engineering”)' }).click();
  await expect(first.getByRole('status').filter({ hasText: `Saved as ${basename(onePdf)}` })).toBeVisible();
  const one = await pdfText(onePdf);
  expect(one).toContain('Sam Coach');
  expect(one).toContain('Goal checklist for Ada Lovelace');
  expect(one).toContain('Become Head of Engineering');
  expect(one).toContain('I want to build the team I never had.');
  expect(one).toMatch(/☑\s+Update the CV/);
  expect(one).toMatch(/☐\s+Apply to three roles\s+Sam · by /);
  expect(one).toContain('1 of 2 steps done');
  expect(one).not.toContain('Speak at a conference');

  const allPdf = join(folder, 'all.pdf');
  await app.queueFilePath(allPdf);
  await panel.getByRole('button', { name: 'Save as PDF… (all active goals)' }).click();
  await expect(panel.getByRole('status').filter({ hasText: `Saved as ${basename(allPdf)}` })).toBeVisible();
  const all = await pdfText(allPdf);
  expect(all).toContain('Sam Coach');
  expect(all).toContain('Goal checklists for Ada Lovelace');
  expect(all).toContain('Become Head of Engineering');
  expect(all).toContain('Speak at a conference');
  expect(all).toContain('Send a talk proposal');
  // One goal a page; every page after the first is headed with the client and the page number.
  const pages = await pdfPageTexts(allPdf);
  expect(pages).toHaveLength(2);
  expect(placeOnPages(pages, 'Become Head of Engineering')).toEqual({ page: 1, split: false });
  expect(placeOnPages(pages, 'Speak at a conference')).toEqual({ page: 2, split: false });
  expect(pages[0]).not.toMatch(/Page \d of/);
  expect(pages[1]).toMatch(/^Ada Lovelace · Goal checklists Page 2 of 2 Speak at a conference/);
  expect(all).not.toContain('Learn Rust');
});

test('the Goals tab has no serious accessibility problems', async ({ app }) => {
  const { page } = app;
  await createClient(page, 'Ada Lovelace');
  const panel = await openTab(page, 'Goals');
  await expect(panel.getByText('No goals yet.', { exact: false })).toBeVisible();
  await expectAccessible(page);

  const goal = await addGoal(panel, 'Become Head of Engineering', 'Build a team.', nextMonth);
  await addStep(goal, 'Update the CV');
  await addStep(goal, 'Apply to three roles', { due: lastWeek });
  await goal.getByRole('checkbox', { name: 'Update the CV' }).check();
  await goal.getByRole('button', { name: 'Delete step “Apply to three roles”' }).click();
  await expect(goal.getByRole('button', { name: 'Undo' })).toBeVisible();
  await expectAccessible(page);

  await goal.getByRole('button', { name: 'Edit goal' }).click();
  await expect(goal.getByLabel('Goal', { exact: true })).toHaveValue('Become Head of Engineering');
  await goal.getByRole('button', { name: 'Edit step “Update the CV”' }).click();
  await expect(goal.getByRole('button', { name: 'Save step' })).toBeVisible();
  await expectAccessible(page);
});
