import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Locator, Page, TestInfo } from '@playwright/test';
import { expect, expectAccessible, pdfText, test } from './fixtures';
import { startFromTemplate } from './helpers/agenda-setup';
import { chooseSessionAction, sessionCards } from './helpers/session-card';

const CLIENT = 'Grace Hopper';
const BANK_QUESTION = 'What are you pretending not to know about your situation?';
const USUAL_WAY_OUT = 'You don’t have to answer this one — just say “pass” and we’ll move on.';
const PHRASINGS = [
  'Is there something about work you already sense but avoid looking at?',
  'What do you half-know that we haven’t said out loud?',
];
const WAY_OUT = 'If this one is not for today, just tell me and we will leave it.';
const OWN_QUESTION = 'What did leaving the navy cost you?';
const FIRST_MOVE = 'How I once stayed two years too long in a job I had outgrown.';
/** Texts private to the coach: none may appear in what the client sees. */
const PRIVATE = [PHRASINGS[0], PHRASINGS[1], WAY_OUT, OWN_QUESTION, FIRST_MOVE, USUAL_WAY_OUT, 'Intimacy'];

let folder: string;

test.beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'rapport-e2e-intimacy-'));
});

test.afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

function isoDay(offsetDays: number): string {
  const day = new Date();
  day.setDate(day.getDate() + offsetDays);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}

/** Creates the client and one video session `offsetDays` from today at 10:00, and stays on the Sessions tab. */
async function clientWithSession(page: Page, offsetDays: number): Promise<void> {
  const main = page.getByRole('main');
  await page.getByRole('button', { name: 'New client' }).click();
  await main.getByLabel('Name', { exact: true }).fill(CLIENT);
  await main.getByLabel('Status').selectOption('active');
  await main.getByRole('button', { name: 'Create client' }).click();
  await expect(main.getByRole('heading', { level: 1, name: CLIENT })).toBeVisible();
  await main.getByRole('tab', { name: 'Sessions' }).click();
  await main.getByRole('button', { name: 'Schedule a session' }).click();
  const form = main.getByRole('form', { name: 'Schedule a session' });
  await form.getByLabel('Date').fill(isoDay(offsetDays));
  await form.getByLabel('Start time').fill('10:00');
  await form.getByLabel('Length (minutes)').fill('60');
  await form.getByLabel('Video', { exact: true }).check();
  await form.getByRole('button', { name: 'Schedule session' }).click();
  await expect(form).toBeHidden();
}

function preparation(page: Page): Locator {
  return page.getByRole('main').getByRole('region', { name: 'Intimacy: your preparation' });
}

/** From the session on the Sessions tab: one click to its agenda, where the preparation sits. */
async function prepare(page: Page): Promise<Locator> {
  // An upcoming session leads to its agenda with its next action; a past one through the menu.
  const main = page.getByRole('main');
  const plan = main.getByRole('link', { name: 'Plan the agenda' });
  if ((await plan.count()) > 0) await plan.click();
  else await chooseSessionAction(sessionCards(main).first(), 'Open the agenda');
  await main.getByRole('tab', { name: /Prepare$/ }).click();
  const panel = preparation(page);
  await expect(panel.getByRole('heading', { name: 'Questions to ask' })).toBeVisible();
  await panel.getByLabel('Add a question').selectOption({ label: BANK_QUESTION });
  await panel.getByRole('button', { name: 'Add to this session' }).click();
  const planned = panel.getByRole('listitem', { name: `Planned question: ${BANK_QUESTION}` });
  await expect(planned).toBeVisible();
  await expect(planned.getByLabel('Way out to offer with it')).toHaveValue(USUAL_WAY_OUT);
  await planned.getByLabel('Phrasing 1', { exact: true }).fill(PHRASINGS[0]);
  await planned.getByLabel('Phrasing 2', { exact: true }).fill(PHRASINGS[1]);
  await planned.getByRole('radio', { name: 'Use phrasing 2' }).check();
  await planned.getByLabel('Way out to offer with it').fill(WAY_OUT);
  await planned.getByRole('button', { name: 'Save phrasings' }).click();
  await expect(planned.getByRole('status')).toHaveText('Phrasings saved.');

  await panel.getByLabel('Or write one for this client only').fill(OWN_QUESTION);
  await panel.getByRole('button', { name: 'Write and add' }).click();
  await expect(panel.getByRole('listitem', { name: `Planned question: ${OWN_QUESTION}` })).toBeVisible();

  await panel.getByLabel('What I’ll offer first').fill(FIRST_MOVE);
  await panel.getByRole('button', { name: 'Save what I’ll offer' }).click();
  await expect(panel.getByRole('form', { name: "What I'll offer first" }).getByRole('status')).toHaveText('Saved.');
  return panel;
}

async function attachScreenshots(page: Page, locator: Locator, name: string, testInfo: TestInfo): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const path = testInfo.outputPath(`${name}-${colorScheme}.png`);
    await locator.screenshot({ path, animations: 'disabled' });
    await testInfo.attach(`${name}-${colorScheme}`, { path, contentType: 'image/png' });
  }
  await page.emulateMedia({ colorScheme: null });
}

test('prepares phrasings, a way out and a first move beside the agenda, none of it in the shared or printed agenda', async ({
  app,
}, testInfo) => {
  const { page } = app;
  await clientWithSession(page, 1);
  const panel = await prepare(page);
  await expectAccessible(page);
  await attachScreenshots(page, panel, 'preparation', testInfo);

  // Kept: the preparation is there again after leaving and coming back.
  await page.reload();
  const planned = preparation(page).getByRole('listitem', { name: `Planned question: ${BANK_QUESTION}` });
  await expect(planned.getByLabel('Phrasing 2', { exact: true })).toHaveValue(PHRASINGS[1]);
  await expect(planned.getByRole('radio', { name: 'Use phrasing 2' })).toBeChecked();
  await expect(planned.getByLabel('Way out to offer with it')).toHaveValue(WAY_OUT);
  await expect(
    preparation(page)
      .getByRole('listitem', { name: `Planned question: ${OWN_QUESTION}` })
      .getByLabel('Way out to offer with it'),
  ).toHaveValue(USUAL_WAY_OUT);
  await expect(preparation(page).getByLabel('What I’ll offer first')).toHaveValue(FIRST_MOVE);

  // The agenda the client sees: shared as text and printed to PDF.
  await startFromTemplate(page, 'First session');
  const main = page.getByRole('main');
  await main.getByRole('tab', { name: /Share & reply$/ }).click();
  await main.getByRole('button', { name: 'Share for review' }).click();
  const shared = await main.getByLabel('Agenda text for the client').inputValue();
  expect(shared).toContain('Welcome and introductions');
  for (const text of PRIVATE) expect(shared).not.toContain(text);
  const pdf = join(folder, 'agenda.pdf');
  await app.queueFilePath(pdf);
  await main.getByRole('button', { name: 'Save as PDF…' }).click();
  await expect(main.getByRole('status').filter({ hasText: 'Saved the PDF to' })).toHaveText(`Saved the PDF to ${basename(pdf)}.`);
  const printed = (await pdfText(pdf)).replace(/\s+/g, ' ');
  expect(printed).toContain('Welcome and introductions');
  for (const text of PRIVATE) expect(printed).not.toContain(text.replace(/\s+/g, ' '));

  // The coach finds their own phrasing again through search.
  await page.keyboard.press('Control+k');
  const sidebar = page.getByRole('complementary');
  const input = sidebar.getByRole('combobox', { name: /^Search/ });
  await expect(input).toBeFocused();
  await input.fill('half-know');
  await expect(sidebar.getByRole('listbox', { name: 'Results' }).getByRole('option')).toHaveText([
    /Grace Hopper\s*Your phrasing\s*.*half-know/,
  ]);
});

test('looks back on the way out, the first move and what was held back; the trust tab shows the evidence', async ({ app }, testInfo) => {
  const { page } = app;
  await clientWithSession(page, -1);
  await prepare(page);
  const main = page.getByRole('main');
  await main.getByRole('link', { name: 'Back to the client' }).click();
  await main.getByRole('tab', { name: 'Sessions' }).click();

  // From the session: one click opens the look back.
  await chooseSessionAction(sessionCards(main).first(), 'Reflect');
  const lookBack = main.getByRole('form', { name: 'Intimacy: looking back' });
  await expect(lookBack.getByText(PHRASINGS[1])).toBeVisible();
  await expect(lookBack.getByText(`You meant to offer: ${FIRST_MOVE}`)).toBeVisible();
  await lookBack.getByRole('checkbox', { name: `Asked: ${PHRASINGS[1]}` }).check();
  await lookBack.getByRole('checkbox', { name: `Offered the way out with: ${PHRASINGS[1]}` }).check();
  await lookBack.getByRole('checkbox', { name: `Asked: ${OWN_QUESTION}` }).check();
  // Asked without its way out: a gentle note, with the line to try next time.
  await expect(lookBack.getByText(`This one went without a way out. Next time you might add: “${USUAL_WAY_OUT}”`)).toBeVisible();
  await expect(lookBack.getByText(/went without a way out/)).toHaveCount(1);
  await lookBack.getByRole('checkbox', { name: 'I made the first move' }).check();
  await lookBack.getByLabel('How did the client respond?').fill('She told me about her first command.');
  await lookBack.getByRole('checkbox', { name: 'I held back something I meant to say' }).check();
  await lookBack.getByLabel('What was it, and why did you hold it back?').fill('That her CV undersells her; it felt too soon.');
  await lookBack.getByRole('button', { name: 'Save intimacy notes' }).click();
  await expect(lookBack.getByRole('status')).toHaveText('Saved.');
  await expectAccessible(page);
  await attachScreenshots(page, lookBack, 'look-back', testInfo);

  await main.getByRole('tab', { name: 'Trust' }).click();
  const records = main.getByRole('region', { name: 'What the records say (last 90 days)' });
  await expect(records.getByText('1 of 2 personal questions asked with a way out')).toBeVisible();
  await expect(records.getByText('You went first in 1 of 1 session you looked back on')).toBeVisible();
  await expect(records.getByRole('meter', { name: 'First moves made' })).toHaveJSProperty('value', 1);
  await expect(records.getByRole('meter', { name: 'Personal questions asked with a way out' })).toHaveJSProperty('value', 0.5);
  const evidence = main.getByRole('region', { name: 'Intimacy in practice' });
  await expect(evidence.getByText(FIRST_MOVE)).toBeVisible();
  await expect(evidence.getByText('The client: She told me about her first command.')).toBeVisible();
  await expect(evidence).toContainText('Intimacy as you rate it: not rated yet');

  // A rating saved beside the evidence appears there as given; the evidence does not change it.
  const rating = main.getByRole('form', { name: 'Quick rating' });
  await rating.getByLabel('Credibility (1–10)').fill('6');
  await rating.getByLabel('Reliability (1–10)').fill('5');
  await rating.getByLabel('Intimacy (1–10)').fill('4');
  await rating.getByLabel('Self-orientation (1–10)').fill('5');
  await rating.getByRole('button', { name: /^Save/ }).click();
  await expect(evidence).toContainText('Intimacy as you rate it: 4');
  await expectAccessible(page);
  await attachScreenshots(page, evidence, 'trust-evidence', testInfo);
});

test('marks bank questions personal and offers them with the way out', async ({ app }, testInfo) => {
  const { page } = app;
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Questions' }).click();
  const main = page.getByRole('main');
  const question = main.getByRole('listitem').filter({ hasText: 'What does a good weekend look like for you?' });
  await expect(question.getByText('Way out:')).toHaveCount(0);
  await question.getByRole('button', { name: 'Mark personal: What does a good weekend look like for you?' }).click();
  await expect(question.getByText(`Way out: “${USUAL_WAY_OUT}”`)).toBeVisible();
  await expect(question.getByRole('button', { name: /^Mark personal/ })).toHaveAttribute('aria-pressed', 'true');
  await expectAccessible(page);
  await attachScreenshots(page, question, 'bank-question', testInfo);
});
