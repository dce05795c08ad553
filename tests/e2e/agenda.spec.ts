import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';
import { openAgendaOfNewSession, saveLetterhead, startFromTemplate } from './helpers/agenda-setup';
import { chooseSessionAction, sessionCards } from './helpers/session-card';

const CLIENT = 'Ada Lovelace';
const REVIEW = 'Review of last time’s commitments';

/**
 * Ada's answer to the shared agenda, as an email program sends it: a greeting, the agenda with
 * her edits (check-in shortened, interview longer, a new salary item, the review of last
 * time's commitments moved to the end, the feedback round dropped, a goal added), a
 * signature, and the coach's original quoted below.
 */
const REPLY = `Hi Sam,

Thanks for sending this over. A few changes from me:

## Goals for this meeting

- Prepare for the Head of Engineering interview
- Leave with clear next steps
- Feel confident about the first 90 days
- Know what salary to ask for

## What we will cover

1. Check-in (5 min) — proposed by me
   How the time since our last session went.
2. Interview preparation (30 min) — proposed by me
   Practise the two hardest questions.
3. Salary negotiation 15m
4. Next steps and commitments (10 min) — proposed by me
   Who does what, by when.
5. ${REVIEW} — 10'
   What got done, what got in the way.

Best wishes,
Ada

On Mon, 23 Nov 2026 at 09:12, Sam Coach <sam@example.org> wrote:
> ## What we will cover
> 1. Check-in (10 min) — proposed by me
`;

let folder: string;

test.beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'rapport-e2e-agenda-'));
});

test.afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** Moves to a stage of the agenda by its tab. */
async function stage(page: Page, name: string): Promise<void> {
  const tab = page.getByRole('main').getByRole('tab', { name: new RegExp(`${escape(name)}$`) });
  await tab.click();
  await expect(tab).toHaveAttribute('aria-selected', 'true');
}

function region(page: Page, name: string): Locator {
  return page.getByRole('main').getByRole('region', { name, exact: true });
}

async function values(inputs: Locator): Promise<string[]> {
  return inputs.evaluateAll((elements) => elements.map((element) => (element as HTMLInputElement).value));
}

async function expectItems(page: Page, expected: [title: string, minutes: number][]): Promise<void> {
  const items = region(page, 'Items');
  await expect.poll(() => values(items.getByLabel('Title', { exact: true }))).toEqual(expected.map(([title]) => title));
  await expect.poll(() => values(items.getByLabel('Minutes', { exact: true }))).toEqual(expected.map(([, minutes]) => String(minutes)));
}

async function decide(page: Page, change: string, decision: 'Accept' | 'Reject'): Promise<void> {
  await region(page, 'Import the client’s reply').getByRole('group', { name: change, exact: true }).getByLabel(decision).check();
}

test('an agenda is drafted from a template, shared, changed by the client’s reply, reviewed and followed up', async ({ app }) => {
  const { page } = app;
  await saveLetterhead(page, {
    coachName: 'Sam Coach',
    businessName: 'Northwind Careers',
    contactLine: 'sam@example.org',
    paperSize: 'A4',
  });
  const { clientId, sessionId } = await openAgendaOfNewSession(page, CLIENT);
  const main = page.getByRole('main');
  const status = main.locator(':scope > div > p[role="status"]');

  // Draft from the "Regular session" starter, then make it Ada's.
  await expect(region(page, 'Items').getByText('No items yet.')).toBeVisible();
  await startFromTemplate(page, 'Regular session');
  await expectItems(page, [
    ['Check-in', 10],
    [REVIEW, 10],
    ['Main topic', 25],
    ['Next steps and commitments', 10],
    ['How was this session for you?', 5],
  ]);
  const goals = region(page, 'Goals for this meeting');
  await goals.getByLabel('Goal 1', { exact: true }).fill('Prepare for the Head of Engineering interview');
  await goals.getByRole('button', { name: 'Add a goal' }).click();
  await goals.getByLabel('Goal 3', { exact: true }).fill('Feel confident about the first 90 days');
  const items = region(page, 'Items');
  await items.getByLabel('Title', { exact: true }).nth(2).fill('Interview preparation');
  await items.getByLabel('Details', { exact: true }).nth(2).fill('Practise the two hardest questions.');
  await expect(main.getByText('Unsaved changes', { exact: true })).toBeVisible();
  await expectAccessible(page);
  await main.getByRole('button', { name: 'Save agenda' }).click();
  await expect(status).toHaveText('Agenda saved.');
  await expect(main.getByText('60 of 60 minutes planned.')).toBeVisible();

  // Share for review: the text goes to the clipboard and to a file, and the agenda says when.
  await stage(page, 'Share & reply');
  const share = region(page, 'Share for review');
  await expect(share.getByText(/Last shared/)).toHaveCount(0);
  await share.getByRole('button', { name: 'Share for review' }).click();
  const shared = share.getByLabel('Agenda text for the client');
  await expect(shared).toHaveValue(/^Agenda for Ada, .+ · ref [2-9A-Z]{4}\nWhen: .+\nWhere: Video call: Video link in the invitation\n/u);
  const text = await shared.inputValue();
  expect(text).toContain(
    '- Prepare for the Head of Engineering interview\n- Leave with clear next steps\n- Feel confident about the first 90 days',
  );
  expect(text).toContain('3. Interview preparation (25 min) — proposed by Sam\n   Practise the two hardest questions.');
  expect(text).toMatch(/\nSee you then,\nSam\n$/u);
  expect(text).not.toMatch(/^#/mu);
  expect(text).toContain('Add, remove, reorder or re-time anything here, then reply with your changes.');
  await expect(share.getByText(/Last shared/)).toBeVisible();
  // Whether the page may write to the clipboard is the host's choice; without it, the text is selected for the coach.
  await share.getByRole('button', { name: 'Copy to clipboard' }).click();
  const copied = share.getByRole('status');
  await expect(copied).toHaveText(/^(Copied\. Paste it into your email to the client\.|Rapport could not copy by itself\. .*)$/);
  if ((await copied.textContent())?.startsWith('Rapport could not copy')) {
    await expect(shared).toBeFocused();
    expect(await shared.evaluate((area: HTMLTextAreaElement) => [area.selectionStart, area.selectionEnd])).toEqual([0, text.length]);
  }
  const file = join(folder, 'agenda.txt');
  await app.queueFilePath(file);
  await share.getByRole('button', { name: 'Save as file…' }).click();
  await expect(share.getByRole('status')).toHaveText(`Saved to ${basename(file)}.`);
  expect(await readFile(file, 'utf8')).toBe(text);

  // Import Ada's reply: accept four of her six changes, reject the other two.
  const reply = region(page, 'Import the client’s reply');
  await reply.getByLabel('Paste the client’s reply').fill(REPLY);
  await reply.getByRole('button', { name: 'Show changes' }).click();
  const changes = [
    'Added the goal “Know what salary to ask for”',
    'Changed “Check-in” from 10 to 5 min',
    'Changed “Interview preparation” from 25 to 30 min',
    'Added “Salary negotiation” (15 min) as item 3',
    `Moved “${REVIEW}” from item 2 to item 5`,
    'Removed “How was this session for you?”',
  ];
  await expect(reply.getByRole('group')).toHaveText(changes.map((change) => new RegExp(`^${escape(change)}`)));
  // The greeting and signature are shown for the coach to read, beside where they were, not silently dropped.
  await expect(reply.getByRole('list').last().getByRole('listitem')).toHaveText([
    'Before the items: Hi Sam,',
    'Before the items: Thanks for sending this over. A few changes from me:',
    `After “${REVIEW}”: Best wishes,`,
    `After “${REVIEW}”: Ada`,
  ]);
  // Ada retyped the agenda without its reference line: read, with a caution, and nothing accepted for the coach.
  await expect(reply.getByRole('note', { name: 'Check before accepting' })).toContainText('does not quote the agenda’s reference line');
  await expect(reply.getByRole('button', { name: 'Accept all' })).toHaveCount(0);
  await expect(reply.getByRole('radio', { checked: true })).toHaveCount(0);
  await expectAccessible(page);
  await decide(page, changes[0], 'Reject');
  await decide(page, changes[2], 'Reject');
  for (const accepted of [changes[1], changes[3], changes[4], changes[5]]) await decide(page, accepted, 'Accept');
  await reply.getByRole('button', { name: 'Apply 4 accepted changes' }).click();
  await expect(reply.getByRole('status')).toHaveText('Applied 4 of 6 changes. The history records them.');

  await stage(page, 'Prepare');
  await expectItems(page, [
    ['Check-in', 5],
    ['Interview preparation', 25],
    ['Salary negotiation', 15],
    ['Next steps and commitments', 10],
    [REVIEW, 10],
  ]);
  await expect(items.getByLabel('Proposed by', { exact: true }).nth(2)).toHaveValue('client');
  await expect(items.getByLabel('Proposed by', { exact: true }).nth(0)).toHaveValue('coach');
  await expect
    .poll(() => values(goals.getByRole('textbox')))
    .toEqual(['Prepare for the Head of Engineering interview', 'Leave with clear next steps', 'Feel confident about the first 90 days']);
  await expect(main.getByText('65 of 60 minutes planned.')).toBeVisible();
  await expect(main.getByText('5 minutes over — shorten or drop an item.')).toBeVisible();

  await stage(page, 'History');
  const history = region(page, 'History').getByRole('listitem');
  const historyAfterReply = [
    /You Went through the client’s reply: accepted 4 of 6 changes$/,
    new RegExp(`${CLIENT} ${escape(changes[5])}$`),
    new RegExp(`${CLIENT} ${escape(changes[4])}$`),
    new RegExp(`${CLIENT} ${escape(changes[3])}$`),
    new RegExp(`${CLIENT} ${escape(changes[1])}$`),
    /You Shared the agenda with the client for review$/,
    /You Edited “Interview preparation”; added a goal; edited a goal$/,
    /You Started from the template “Regular session”$/,
  ];
  await expect(history).toHaveText(historyAfterReply);

  // Today shows the agenda as drafted but not yet reviewed; its link leads back here.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' }).click();
  const card = main.getByTestId('today-session').filter({ hasText: CLIENT });
  await expect(card.getByRole('list', { name: 'Ready for this session?' })).toContainText('Agenda drafted');
  await card.getByRole('link', { name: 'Review agenda with client' }).click();
  await expect(main.getByRole('heading', { level: 1, name: `Agenda for ${CLIENT}` })).toBeVisible();

  // Shared and waiting: the page opens on Share & reply, where the review is marked.
  await expect(main.getByRole('tab', { name: /Share & reply$/ })).toHaveAttribute('aria-selected', 'true');
  const review = region(page, 'Review with the client');
  await review.getByLabel('Reviewed with the client').check();
  await expect(status).toHaveText('Marked as reviewed with the client.');
  await expect(review.getByText(/^on /)).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' }).click();
  await expect(card.getByText('Agenda reviewed with client')).toBeVisible();
  await expect(card.getByRole('link', { name: 'Review agenda with client' })).toHaveCount(0);
  await page.goBack();

  // After the session: closed until it starts, then goals marked met, partly and not met; outcomes per item.
  await stage(page, 'After the session');
  await expect(main.getByText(/This stage opens when the session starts, on /)).toBeVisible();
  await page.evaluate(([client, session]) => window.rapport.sessions.setStatus(client, session, 'held'), [clientId, sessionId]);
  await page.reload();
  await expect(main.getByRole('tab', { name: /After the session$/ })).toHaveAttribute('aria-selected', 'true');
  const followUp = region(page, 'Goals and outcomes');
  await followUp.getByLabel('Prepare for the Head of Engineering interview').selectOption({ label: 'Met' });
  await expect(status).toHaveText('Goal marked.');
  await followUp.getByLabel('Leave with clear next steps').selectOption({ label: 'Partly met' });
  await expect(followUp.getByLabel('Leave with clear next steps')).toHaveValue('partly');
  await followUp.getByLabel('Feel confident about the first 90 days').selectOption({ label: 'Not met' });
  await expect(followUp.getByLabel('Feel confident about the first 90 days')).toHaveValue('no');
  await followUp.getByLabel('Outcome of “Salary negotiation”').fill('Ada will ask for 10% above the advertised range.');
  await followUp.getByLabel('Outcome of “Salary negotiation”').blur();
  await expect(status).toHaveText('Outcome saved.');

  // Everything above was saved in the workspace: it is all there after a restart.
  await app.restart();
  await app.page.getByRole('navigation', { name: 'Clients' }).getByRole('link', { name: CLIENT, exact: true }).click();
  await app.page.getByRole('main').getByRole('tab', { name: 'Sessions' }).click();
  // Held and not written up: the card's next action is the write-up; the agenda is in its menu.
  await expect(app.page.getByRole('main').getByRole('button', { name: 'Write up' })).toBeVisible();
  await chooseSessionAction(sessionCards(app.page.getByRole('main')).first(), 'Open the agenda');
  await expect(app.page).toHaveURL(new RegExp(`#/clients/${clientId}/sessions/${sessionId}/agenda$`));
  const reopened = region(app.page, 'Goals and outcomes');
  await expect(reopened.getByLabel('Prepare for the Head of Engineering interview')).toHaveValue('yes');
  await stage(app.page, 'Prepare');
  await expectItems(app.page, [
    ['Check-in', 5],
    ['Interview preparation', 25],
    ['Salary negotiation', 15],
    ['Next steps and commitments', 10],
    [REVIEW, 10],
  ]);
  await stage(app.page, 'After the session');
  await expect(reopened.getByLabel('Leave with clear next steps')).toHaveValue('partly');
  await expect(reopened.getByLabel('Feel confident about the first 90 days')).toHaveValue('no');
  await expect(reopened.getByLabel('Outcome of “Salary negotiation”')).toHaveValue('Ada will ask for 10% above the advertised range.');
  await stage(app.page, 'Share & reply');
  await expect(region(app.page, 'Review with the client').getByLabel('Reviewed with the client')).toBeChecked();
  await expect(region(app.page, 'Share for review').getByText(/Last shared/)).toBeVisible();
  await stage(app.page, 'History');
  await expect(region(app.page, 'History').getByRole('listitem')).toHaveText([
    /You Noted the outcome of “Salary negotiation”$/,
    /You Marked the goal “Feel confident about the first 90 days” as not met$/,
    /You Marked the goal “Leave with clear next steps” as partly met$/,
    /You Marked the goal “Prepare for the Head of Engineering interview” as met$/,
    /You Marked as reviewed with the client$/,
    ...historyAfterReply,
  ]);
  await expectAccessible(app.page);
});

test('a messy top-posted Outlook reply is reviewed before → after, accepted, undone, and sharing always gives the current agenda', async ({
  app,
}) => {
  const { page } = app;
  await saveLetterhead(page, {
    coachName: 'Sam Coach',
    businessName: 'Northwind Careers',
    contactLine: 'sam@example.org',
    paperSize: 'A4',
  });
  await openAgendaOfNewSession(page, 'Bea Okafor');
  await startFromTemplate(page, 'Regular session');
  await stage(page, 'Share & reply');
  const share = region(page, 'Share for review');
  await share.getByRole('button', { name: 'Share for review' }).click();
  const shared = share.getByLabel('Agenda text for the client');
  await expect(shared).toHaveValue(/^Agenda for Bea, /u);
  const original = await shared.inputValue();

  // Outlook on Windows: her list on top, untidy spacing, a comment under an item, a total,
  // a sign-off, then Outlook's header block and the original, unquoted, with CRLF endings.
  const outlook = [
    'Hi Sam,',
    '',
    'Thanks!  I moved things around a bit:',
    '',
    '1.  Check-in  (5 min)',
    '2.  Main topic: my promotion case (30 min)',
    'I really want to get this one right',
    `3.  ${REVIEW} (10 min)`,
    '4.  Next steps and commitments (10 min)',
    '',
    'Total: 55 min',
    '',
    'Best,',
    'Bea',
    '',
    '________________________________',
    'From: Sam Coach <sam@example.org>',
    'Sent: Monday, November 30, 2026 9:14 AM',
    'To: Bea Okafor <bea@example.com>',
    'Subject: Agenda for our next session',
    '',
    original,
  ].join('\r\n');
  const reply = region(page, 'Import the client’s reply');
  await reply.getByLabel('Paste the client’s reply').fill(outlook);
  await reply.getByRole('button', { name: 'Show changes' }).click();
  const rewording = reply.getByRole('group', {
    name: 'Reworded “Main topic” as “Main topic: my promotion case”, 25 → 30 min',
    exact: true,
  });
  await expect(rewording.locator('.before .text')).toHaveText('Main topic (25 min)');
  await expect(rewording.locator('.after .text')).toHaveText('Main topic: my promotion case (30 min)');
  await expect(reply.getByRole('group', { name: 'Changed “Check-in” from 10 to 5 min', exact: true })).toBeVisible();
  await expect(reply.getByRole('group', { name: 'Removed “How was this session for you?”', exact: true })).toBeVisible();
  await expect(reply.getByRole('group')).toHaveCount(4);
  const comments = reply.getByRole('list').last().getByRole('listitem');
  await expect(comments.filter({ hasText: 'I really want to get this one right' })).toHaveText(
    'After “Main topic: my promotion case”: I really want to get this one right',
  );
  await expect(comments.filter({ hasText: 'Total: 55 min' })).toHaveCount(1);
  await expect(reply.getByRole('note', { name: 'Check before accepting' })).toHaveCount(0);
  await expect(reply.getByRole('radio', { checked: true })).toHaveCount(0);
  await expectAccessible(page);

  await reply.getByRole('button', { name: 'Accept all' }).click();
  await reply.getByRole('button', { name: 'Apply 4 accepted changes' }).click();
  await expect(reply.getByRole('status')).toHaveText('Applied 4 of 4 changes. The history records them.');
  const changed: [string, number][] = [
    ['Check-in', 5],
    ['Main topic: my promotion case', 30],
    [REVIEW, 10],
    ['Next steps and commitments', 10],
  ];
  await stage(page, 'Prepare');
  await expectItems(page, changed);

  // The text shown, copied and saved is the agenda as it is now.
  await stage(page, 'Share & reply');
  await expect(shared).toHaveValue(/2\. Main topic: my promotion case \(30 min\) — proposed by Sam\n/u);
  const afterApply = join(folder, 'after-apply.txt');
  await app.queueFilePath(afterApply);
  await share.getByRole('button', { name: 'Save as file…' }).click();
  await expect(share.getByRole('status')).toHaveText(`Saved to ${basename(afterApply)}.`);
  const savedAfterApply = await readFile(afterApply, 'utf8');
  expect(savedAfterApply).toContain('1. Check-in (5 min) — proposed by Sam');
  expect(savedAfterApply).not.toContain('How was this session for you?');
  await share.getByRole('button', { name: 'Copy to clipboard' }).click();
  await expect(share.getByRole('status')).toHaveText(/^(Copied\.|Rapport could not copy by itself\.)/u);
  expect(await shared.inputValue()).toBe(savedAfterApply);

  // Undo returns the agenda exactly as it was, in one step; the history keeps both.
  await reply.getByRole('button', { name: 'Undo applying the reply' }).click();
  await expect(reply.getByRole('status')).toHaveText('Undone: the agenda is back as it was before the reply. The history records both.');
  await stage(page, 'Prepare');
  await expectItems(page, [
    ['Check-in', 10],
    [REVIEW, 10],
    ['Main topic', 25],
    ['Next steps and commitments', 10],
    ['How was this session for you?', 5],
  ]);
  await stage(page, 'History');
  const history = region(page, 'History').getByRole('listitem');
  await expect(history.first()).toHaveText(/You Undid the changes applied from the client’s reply$/u);
  await expect(history.filter({ hasText: 'Went through the client’s reply: accepted 4 of 4 changes' })).toHaveCount(1);

  // Re-sharing gives the restored agenda, not the one copied a moment ago.
  const afterUndo = join(folder, 'after-undo.txt');
  await app.queueFilePath(afterUndo);
  await stage(page, 'Share & reply');
  await share.getByRole('button', { name: 'Save as file…' }).click();
  await expect(share.getByRole('status')).toHaveText(`Saved to ${basename(afterUndo)}.`);
  expect(await readFile(afterUndo, 'utf8')).toBe(original);
  await expect(shared).toHaveValue(original);
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
