import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, pdfPageCount, pdfPageSize, pdfText, test } from './fixtures';
import { openAgendaOfNewSession, saveLetterhead, startFromTemplate, type Letterhead } from './helpers/agenda-setup';

const run = promisify(execFile);

const LETTERHEAD: Omit<Letterhead, 'paperSize'> = {
  coachName: 'Sam Coach',
  businessName: 'Northwind Careers',
  contactLine: 'sam@northwind.example · +44 20 7946 0958',
};

/** The "First session" starter, as the print view should list it. */
const FIRST_SESSION_GOALS = ['Get to know each other and what brings you to coaching', 'Agree how we will work together'];
const FIRST_SESSION_ITEMS: [title: string, minutes: number][] = [
  ['Welcome and introductions', 10],
  ['Where you are now', 15],
  ['Where you would like to be', 15],
  ['How we will work together', 10],
  ['First small steps', 10],
];

/** Twenty items, none a part of another's title, with details on every third one. */
const LONG_AGENDA: { title: string; minutes: number; details: string }[] = [
  'Check-in',
  'Wins since last time',
  'Commitments review',
  'Interview feedback from Acme',
  'Story bank: leadership',
  'Story bank: conflict',
  'Salary research',
  'Negotiation rehearsal',
  'Networking map',
  'LinkedIn headline',
  'Portfolio walkthrough',
  'Reference check plan',
  'First 90 days outline',
  'Stakeholder list',
  'Energy audit',
  'Weekly routine',
  'Reading list',
  'Risks and fallbacks',
  'Commitments for next time',
  'Feedback on this session',
].map((title, index) => ({
  title,
  minutes: 5 + (index % 4) * 5,
  details: index % 3 === 0 ? `Notes for ${title.toLowerCase()}: what went well, what to change, and one thing to try.` : '',
}));

let folder: string;

test.beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'rapport-e2e-agenda-pdf-'));
});

test.afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** The text of each page of a PDF, laid out as on the page. */
async function pageTexts(path: string): Promise<string[]> {
  const pages = await pdfPageCount(path);
  const texts: string[] = [];
  for (let page = 1; page <= pages; page += 1) {
    const { stdout } = await run('pdftotext', ['-layout', '-f', String(page), '-l', String(page), path, '-']);
    texts.push(stdout);
  }
  return texts;
}

async function saveAgendaAsPdf(page: Page, path: string, queue: (path: string) => Promise<void>): Promise<void> {
  await queue(path);
  await page.getByRole('main').getByRole('button', { name: 'Save as PDF…' }).click();
  await expect(page.getByRole('main').getByRole('status').filter({ hasText: 'Saved the PDF to' })).toHaveText(`Saved the PDF to ${basename(path)}.`);
}

/** The line of `text` that names the item, which must also give its minutes. */
function itemLine(text: string, title: string, minutes: number): string {
  const lines = text.split('\n').filter((line) => line.includes(title));
  expect(lines, `the line with “${title}”`).toHaveLength(1);
  expect(lines[0], `the minutes of “${title}”`).toMatch(new RegExp(`\\b${minutes} min\\b`));
  return lines[0];
}

test('the agenda prints with the letterhead, the client, every goal and every item in order, on A4', async ({ app }) => {
  const { page } = app;
  await saveLetterhead(page, { ...LETTERHEAD, paperSize: 'A4' });
  const { clientId, sessionId } = await openAgendaOfNewSession(page, 'Grace Hopper');
  await startFromTemplate(page, 'First session');
  await page.getByRole('main').getByRole('region', { name: 'Items' }).getByLabel('Proposed by').nth(2).selectOption('client');
  await page.getByRole('main').getByRole('button', { name: 'Save agenda' }).click();
  await expect(page.getByRole('main').getByRole('status').filter({ hasText: 'Agenda saved.' })).toBeVisible();
  await expectAccessible(page);

  // The Print menu command prints this agenda's print view.
  await app.menu('print');
  await expect.poll(() => app.printedRoutes()).toEqual([`/print/agenda/${clientId}/${sessionId}`]);

  const pdf = join(folder, 'agenda.pdf');
  await saveAgendaAsPdf(page, pdf, (path) => app.queueFilePath(path));
  expect(await pdfPageSize(pdf)).toEqual({ width: 595, height: 842 });
  expect(await pdfPageCount(pdf)).toBe(1);
  const text = await pdfText(pdf);
  for (const line of [LETTERHEAD.coachName, LETTERHEAD.businessName, LETTERHEAD.contactLine, 'Agenda for Grace Hopper', 'Video call · Video link in the invitation']) {
    expect(text).toContain(line);
  }
  expect(text).toMatch(/What we will cover \(60 min\)/);
  let after = text.indexOf('Goals for this meeting');
  for (const goal of FIRST_SESSION_GOALS) {
    const at = text.indexOf(goal, after);
    expect(at, `“${goal}” after what comes before it`).toBeGreaterThan(after);
    after = at;
  }
  after = text.indexOf('What we will cover');
  FIRST_SESSION_ITEMS.forEach(([title, minutes], index) => {
    const line = itemLine(text, title, minutes);
    expect(line).toContain(`${index + 1}.`);
    const at = text.indexOf(line);
    expect(at, `“${title}” after what comes before it`).toBeGreaterThan(after);
    after = at;
  });
  expect(itemLine(text, 'Where you would like to be', 15)).toContain('proposed by Grace Hopper');
  expect(itemLine(text, 'Where you are now', 15)).toContain('proposed by Sam Coach');
  expect(text.indexOf('Notes')).toBeGreaterThan(after);

  // The menu's Save as PDF… renders the same print view.
  const fromMenu = join(folder, 'agenda-from-menu.pdf');
  await app.queueFilePath(fromMenu);
  await app.menu('save-pdf');
  await expect.poll(() => pdfText(fromMenu).catch(() => ''), { timeout: 15_000 }).toContain('Agenda for Grace Hopper');
});

test('a twenty-item agenda flows onto a second Letter page without cutting an item in half', async ({ app }) => {
  const { page } = app;
  await saveLetterhead(page, { ...LETTERHEAD, paperSize: 'Letter' });
  await openAgendaOfNewSession(page, 'Katherine Johnson');
  const items = page.getByRole('main').getByRole('region', { name: 'Items' });
  for (const [index, item] of LONG_AGENDA.entries()) {
    await items.getByRole('button', { name: 'Add an item' }).click();
    await items.getByLabel('Title', { exact: true }).nth(index).fill(item.title);
    await items.getByLabel('Minutes', { exact: true }).nth(index).fill(String(item.minutes));
    await items.getByLabel('Details', { exact: true }).nth(index).fill(item.details);
  }
  await page.getByRole('main').getByRole('button', { name: 'Save agenda' }).click();
  await expect(page.getByRole('main').getByRole('status').filter({ hasText: 'Agenda saved.' })).toBeVisible();

  const pdf = join(folder, 'long-agenda.pdf');
  await saveAgendaAsPdf(page, pdf, (path) => app.queueFilePath(path));
  expect(await pdfPageSize(pdf)).toEqual({ width: 612, height: 792 });
  const pages = await pageTexts(pdf);
  expect(pages.length).toBeGreaterThanOrEqual(2);
  expect(pages[0]).toContain('Agenda for Katherine Johnson');

  // Each item, with its minutes, who proposed it and its details, is whole on one page, in order.
  let previous = { page: 0, at: -1 };
  for (const [index, item] of LONG_AGENDA.entries()) {
    const onPage = pages.findIndex((text) => text.includes(item.title));
    expect(onPage, `the page of “${item.title}”`).toBeGreaterThanOrEqual(0);
    const text = pages[onPage];
    const line = itemLine(text, item.title, item.minutes);
    expect(line).toContain(`${index + 1}.`);
    const at = text.indexOf(line);
    expect(onPage > previous.page || at > previous.at, `“${item.title}” comes after the item before it`).toBe(true);
    expect(line, `who proposed “${item.title}”`).toContain('proposed by Sam Coach');
    const below = text.slice(at + line.length).split('\n').map((row) => row.trim()).filter(Boolean);
    if (item.details) expect(below[0], `the details of “${item.title}”, on its page`).toBe(item.details);
    previous = { page: onPage, at };
  }
  expect(pages.at(-1)).toContain('Notes');
});
