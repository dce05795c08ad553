import type { Locator, Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { FEEDBACK_STATEMENTS } from '../../shared/trust/feedback-sheet';
import { expect, expectAccessible, pdfText, test } from './fixtures';
import { localDay, openTab } from './helpers/client-file';
import { reflectOnYesterdaysSession } from './helpers/session-card';

interface Rating {
  credibility: number;
  reliability: number;
  intimacy: number;
  selfOrientation: number;
}

async function createClient(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'New client' }).click();
  const main = page.getByRole('main');
  await main.getByLabel('Name', { exact: true }).fill(name);
  await main.getByLabel('Status', { exact: true }).selectOption({ label: 'Active' });
  await main.getByRole('button', { name: 'Create client' }).click();
  await expect(main.getByRole('heading', { level: 1, name })).toBeVisible();
}

async function rate(panel: Locator, source: 'coach' | 'client', date: string, rating: Rating): Promise<void> {
  const form = panel.getByRole('form', { name: 'Quick rating' });
  await form.getByRole('radio', { name: source === 'coach' ? /My own/ : /feedback sheet/ }).check();
  await form.getByLabel('Credibility (1–10)').fill(String(rating.credibility));
  await form.getByLabel('Reliability (1–10)').fill(String(rating.reliability));
  await form.getByLabel('Intimacy (1–10)').fill(String(rating.intimacy));
  await form.getByLabel('Self-orientation (1–10)').fill(String(rating.selfOrientation));
  await form.getByLabel('Date').fill(date);
  await form.getByRole('button', { name: source === 'coach' ? 'Save my rating' : 'Save client feedback' }).click();
  await expect(form.getByRole('status')).toHaveText(source === 'coach' ? 'Your rating saved.' : 'Client feedback saved.');
}

const scoreCard = (panel: Locator, title: 'Your rating' | 'Client feedback') => panel.getByRole('region', { name: title, exact: true });

async function addCommitment(panel: Locator, text: string, due: string): Promise<void> {
  const form = panel.getByRole('form', { name: 'Add a commitment' });
  await form.getByLabel('Commitment').fill(text);
  await form.getByLabel('Who').selectOption({ label: 'You' });
  await form.getByLabel('Due').fill(due);
  await form.getByRole('button', { name: 'Add commitment' }).click();
  await expect(panel.getByRole('checkbox', { name: text })).toBeVisible();
}

test('ratings from coach and client show the quotient, the trend and a focus whose links open real tabs', async ({ app }) => {
  const { page } = app;
  await createClient(page, 'Amara Okafor');
  const panel = await openTab(page, 'Trust');
  await expect(panel.getByText('No ratings yet.')).toBeVisible();

  // A few months of history: (6 + 5 + 4) / 6 = 2.5, then the client: (7 + 6 + 5) / 4 = 4.5.
  await rate(panel, 'coach', localDay(-120), { credibility: 6, reliability: 5, intimacy: 4, selfOrientation: 6 });
  await expect(scoreCard(panel, 'Your rating')).toContainText('2.5');
  await expect(panel.getByRole('heading', { name: 'Suggested focus: Intimacy' })).toBeVisible();
  await rate(panel, 'client', localDay(-75), { credibility: 7, reliability: 6, intimacy: 5, selfOrientation: 4 });
  await expect(scoreCard(panel, 'Client feedback')).toContainText('4.5');
  await rate(panel, 'coach', localDay(-40), { credibility: 7, reliability: 6, intimacy: 6, selfOrientation: 5 });
  await rate(panel, 'client', localDay(-10), { credibility: 8, reliability: 7, intimacy: 7, selfOrientation: 4 });
  // Today's coach rating is the newest: (8 + 4 + 8) / 4 = 5, and reliability now costs the most.
  await rate(panel, 'coach', localDay(0), { credibility: 8, reliability: 4, intimacy: 8, selfOrientation: 4 });
  await expect(scoreCard(panel, 'Your rating')).toContainText('5.0');
  await expect(scoreCard(panel, 'Client feedback')).toContainText('5.5');
  // In words: the band, the part that needs work, and the change since the coach's 3.8.
  await expect(scoreCard(panel, 'Your rating')).toContainText('Middling (3 to under 8).');
  await expect(scoreCard(panel, 'Your rating')).toContainText('Needs work: Reliability is the lowest of the three (4 of 10).');
  await expect(scoreCard(panel, 'Your rating')).toContainText('Up 1.2 since the last assessment.');
  const focus = panel.getByRole('region', { name: 'Suggested focus: Reliability' });
  await expect(focus).toContainText('Raising reliability by one would take trust from 5.0 to 5.3.');

  const chart = panel.getByRole('img', { name: /Trust over time/ });
  await expect(chart).toBeVisible();
  await panel.getByText(/Show every rating as a table \(5\)/).click();
  const rows = panel.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(6);
  await expect(rows.nth(1)).toContainText('Your rating');
  await expect(rows.nth(1)).toContainText('2.5');
  await expect(rows.nth(5)).toContainText('5.0');

  await expectAccessible(page);

  // A mistaken rating goes only after the coach confirms; the previous one counts again.
  await panel
    .getByRole('button', { name: /^Remove your rating of / })
    .last()
    .click();
  await panel.getByRole('button', { name: 'Keep it' }).click();
  await expect(rows).toHaveCount(6);
  await panel
    .getByRole('button', { name: /^Remove your rating of / })
    .last()
    .click();
  await panel.getByRole('button', { name: /^Yes, remove your rating of / }).click();
  await expect(rows).toHaveCount(5);
  await expect(scoreCard(panel, 'Your rating')).toContainText('3.8');
  await expect(panel.getByRole('heading', { name: 'Suggested focus: Self-orientation' })).toBeVisible();

  // Each focus link lands on a tab the client file really has.
  await panel.getByRole('link', { name: 'Open session reflections' }).click();
  await expect(page.getByRole('tab', { name: 'Sessions' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel').getByRole('heading', { name: 'Sessions' })).toBeVisible();
  const trust = await openTab(page, 'Trust');
  await trust.getByRole('link', { name: 'Plan the next session and its agenda' }).click();
  await expect(page.getByRole('tab', { name: 'Sessions' })).toHaveAttribute('aria-selected', 'true');
  await (await openTab(page, 'Trust')).getByRole('link', { name: 'Note what you promised to find out' }).click();
  await expect(page.getByRole('tab', { name: 'Commitments' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel').getByRole('heading', { name: 'Commitments' })).toBeVisible();
});

test('late commitments lower the reliability evidence and a high reliability rating is questioned', async ({ app }) => {
  const { page } = app;
  await createClient(page, 'Amara Okafor');
  let panel = await openTab(page, 'Trust');
  await rate(panel, 'coach', localDay(0), { credibility: 7, reliability: 9, intimacy: 6, selfOrientation: 3 });

  panel = await openTab(page, 'Commitments');
  await addCommitment(panel, 'Send the salary survey', localDay(0));
  await panel.getByRole('checkbox', { name: 'Send the salary survey' }).check();
  await expect(panel.getByRole('checkbox', { name: 'Send the salary survey' })).toBeChecked();
  panel = await openTab(page, 'Trust');
  const evidence = panel.getByRole('region', { name: 'What the records say (last 90 days)' });
  await expect(evidence).toContainText('1 of 1 commitment on time');
  await expect(evidence.getByRole('list', { name: 'Where ratings and records disagree' })).toHaveCount(0);

  panel = await openTab(page, 'Commitments');
  await addCommitment(panel, 'Introduce Amara to a recruiter', localDay(-10));
  await addCommitment(panel, 'Share the CV template', localDay(-5));
  // Done today, five days after it was due: late.
  await panel.getByRole('checkbox', { name: 'Share the CV template' }).check();
  await expect(panel.getByRole('checkbox', { name: 'Share the CV template' })).toBeChecked();

  panel = await openTab(page, 'Trust');
  await expect(evidence).toContainText('1 of 3 commitments on time');
  await expect(evidence.getByRole('list', { name: 'Where ratings and records disagree' })).toHaveText(
    'Your own rating gives reliability 9, but the records show only 1 of 3 commitments on time in the last 90 days.',
  );
  await expect(panel.getByRole('heading', { name: /^Suggested focus/ })).toHaveText('Suggested focus: Intimacy');
});

test('questions marked asked are listed with their note and no longer suggested', async ({ app }) => {
  const { page } = app;
  await createClient(page, 'Amara Okafor');
  const panel = await openTab(page, 'Trust');
  const questions = panel.getByRole('region', { name: 'Relationship questions' });
  const suggestions = questions.getByRole('list').first();
  const asked = questions.getByRole('list').nth(1);
  const first = (await suggestions.getByRole('listitem').first().locator('p').first().textContent())?.trim() ?? '';
  expect(first).not.toBe('');

  await questions.getByLabel(`Note on the answer to: ${first}`).fill('Grew up by the sea');
  await questions.getByRole('button', { name: `Mark asked: ${first}` }).click();
  await expect(questions.getByRole('status')).toHaveText(`Marked as asked: ${first}`);
  await expect(questions.getByText('No questions asked yet.')).toHaveCount(0);
  await expect(asked.getByRole('listitem')).toHaveCount(1);
  await expect(asked).toContainText(first);
  await expect(asked).toContainText('Grew up by the sea');
  await expect(suggestions.getByText(first, { exact: true })).toHaveCount(0);

  await app.restart();
  await app.page.getByRole('navigation', { name: 'Clients' }).getByRole('link', { name: 'Amara Okafor', exact: true }).click();
  const reopened = (await openTab(app.page, 'Trust')).getByRole('region', { name: 'Relationship questions' });
  await expect(reopened.getByRole('list').nth(1)).toContainText(first);
  await expect(reopened.getByRole('list').first().getByText(first, { exact: true })).toHaveCount(0);
});

test('the practice overview lists active clients and sorts by any column', async ({ app }) => {
  const { page } = app;
  await createClient(page, 'Zoe Brandt');
  await rate(await openTab(page, 'Trust'), 'coach', localDay(-90), { credibility: 8, reliability: 8, intimacy: 8, selfOrientation: 2 });
  await createClient(page, 'Amara Okafor');
  const panel = await openTab(page, 'Trust');
  await rate(panel, 'coach', localDay(-30), { credibility: 6, reliability: 3, intimacy: 3, selfOrientation: 8 });
  await rate(panel, 'coach', localDay(0), { credibility: 7, reliability: 8, intimacy: 5, selfOrientation: 4 });

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Trust' }).click();
  const table = page.getByRole('main').getByRole('table');
  const names = table.getByRole('rowheader');
  // Sorted by trust, lowest first: Amara 5.0 (up 3.5 since 1.5), Zoe 12.0 (out of date).
  await expect(names).toHaveText(['Amara Okafor', 'Zoe Brandt']);
  await expect(table.getByRole('row', { name: /Amara Okafor/ })).toContainText('Up 3.5');
  await expect(table.getByRole('row', { name: /Amara Okafor/ })).toContainText('Intimacy');
  await expect(table.getByRole('row', { name: /Zoe Brandt/ })).toContainText('Out of date');

  await table.getByRole('button', { name: 'Trust' }).click();
  await expect(table.getByRole('columnheader', { name: /Trust/ })).toHaveAttribute('aria-sort', 'descending');
  await expect(names).toHaveText(['Zoe Brandt', 'Amara Okafor']);
  await table.getByRole('button', { name: 'Last assessed' }).click();
  await expect(names).toHaveText(['Zoe Brandt', 'Amara Okafor']);
  await table.getByRole('button', { name: 'Client' }).click();
  await expect(names).toHaveText(['Amara Okafor', 'Zoe Brandt']);
  await expectAccessible(page);

  await names.getByRole('link', { name: 'Amara Okafor' }).click();
  await expect(page.getByRole('tab', { name: 'Trust' })).toHaveAttribute('aria-selected', 'true');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Questions' }).click();
  await expect(page.getByRole('main').getByRole('heading', { level: 1, name: 'Question bank' })).toBeVisible();
  await expectAccessible(page);
});

test('the client feedback sheet is saved as a PDF with its four statements', { tag: '@pdf' }, async ({ app }) => {
  const { page } = app;
  const folder = await mkdtemp(join(tmpdir(), 'rapport-e2e-feedback-'));
  try {
    await createClient(page, 'Amara Okafor');
    const panel = await openTab(page, 'Trust');
    const pdf = join(folder, 'feedback.pdf');
    await app.queueFilePath(pdf);
    await panel.getByRole('button', { name: 'Save feedback sheet as PDF…' }).click();
    await expect(panel.getByRole('status').filter({ hasText: 'Saved as' })).toHaveText(`Saved as ${basename(pdf)}`);

    const text = await pdfText(pdf);
    expect(text).toContain('How is our work together going?');
    expect(text).toContain('For Amara');
    expect(text).not.toContain('Amara Okafor');
    for (const { statement } of FEEDBACK_STATEMENTS) expect(text).toContain(statement);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
});

test('the session reflection leads straight to the quick rating', async ({ app }) => {
  const { page } = app;
  await createClient(page, 'Amara Okafor');
  const reflection = await reflectOnYesterdaysSession(await openTab(page, 'Sessions'));

  await reflection.getByRole('link', { name: 'Rate the relationship now' }).click();
  await expect(page.getByRole('tab', { name: 'Trust' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel').getByLabel('Credibility (1–10)')).toBeFocused();
  await rate(page.getByRole('tabpanel'), 'coach', localDay(0), { credibility: 7, reliability: 7, intimacy: 6, selfOrientation: 3 });
  await expect(scoreCard(page.getByRole('tabpanel'), 'Your rating')).toContainText('6.7');
});
