import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, pdfFontNames, pdfPageCount, pdfPageSize, pdfPageTexts, pdfText, placeOnPages, test } from './fixtures';
import { openAgendaOfNewSession, saveLetterhead, startFromTemplate, type Letterhead } from './helpers/agenda-setup';

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

/**
 * Twenty items, none a part of another's title, every other one with two lines or so of
 * details: text fills most of the page, so a page break inside an item would cut its text.
 */
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
  details:
    index % 2 === 0
      ? `Notes for ${title.toLowerCase()}: what went well, what to change, and one thing to try before we meet again. Bring the examples you collected and mark the ones to talk through first.`
      : '',
}));

let folder: string;

test.beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'rapport-e2e-agenda-pdf-'));
});

test.afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function saveAgendaAsPdf(page: Page, path: string, queue: (path: string) => Promise<void>): Promise<void> {
  await queue(path);
  await page.getByRole('main').getByRole('button', { name: 'Save as PDF…' }).click();
  await expect(page.getByRole('main').getByRole('status').filter({ hasText: 'Saved the PDF to' })).toHaveText(
    `Saved the PDF to ${basename(path)}.`,
  );
}

/**
 * How the print view writes an item, read in order whatever the line breaks: its number, title,
 * who proposed it and its minutes, then its details.
 */
function itemText(number: number, title: string, proposer: string, minutes: number, details = ''): string {
  return `${number}. ${title} proposed by ${proposer} ${minutes} min${details ? ` ${details}` : ''}`;
}

/** Each of `pieces` is in `text`, each after the one before it. */
function expectInOrder(text: string, pieces: string[]): void {
  let after = -1;
  for (const piece of pieces) {
    const at = text.indexOf(piece, after + 1);
    expect(at, `“${piece}” after what comes before it`).toBeGreaterThan(after);
    after = at;
  }
}

/** The faces the print views use, and no other (checked with poppler's pdffonts). */
const SHEET_FONTS = ['SourceSerif4-Bold', 'SourceSerif4-Italic', 'SourceSerif4-Regular'];

test('the agenda prints with the letterhead, the client, every goal and every item in order, on A4', { tag: '@pdf' }, async ({ app }) => {
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
  expect((await pdfFontNames(pdf)).sort(), 'the fonts embedded in the PDF').toEqual(SHEET_FONTS);
  const text = await pdfText(pdf);
  expectInOrder(text, [
    LETTERHEAD.coachName,
    LETTERHEAD.businessName,
    LETTERHEAD.contactLine,
    'Agenda for Grace Hopper',
    'Video call · Video link in the invitation',
    'Goals for this meeting',
    ...FIRST_SESSION_GOALS,
    'What we will cover (60 min)',
    ...FIRST_SESSION_ITEMS.map(([title, minutes], index) => itemText(index + 1, title, index === 2 ? 'you' : 'Sam', minutes)),
    'Notes',
  ]);
  expect(text).toMatch(/ Notes$/);
  expect(text, "the client's copy names no one by their full name as proposer").not.toContain('proposed by Grace Hopper');

  // The menu's Save as PDF… renders the same print view.
  const fromMenu = join(folder, 'agenda-from-menu.pdf');
  await app.queueFilePath(fromMenu);
  await app.menu('save-pdf');
  await expect.poll(() => pdfText(fromMenu).catch(() => ''), { timeout: 15_000 }).toContain('Agenda for Grace Hopper');
});

test('a twenty-item agenda flows onto a second Letter page without cutting an item in half', { tag: '@pdf' }, async ({ app }) => {
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
  const pages = await pdfPageTexts(pdf);
  expect(pages.length).toBeGreaterThanOrEqual(2);
  expect(pages[0]).toContain('Agenda for Katherine Johnson');
  // Every page after the first says whose agenda it is and where it stands; the first does not.
  expect(pages[0]).not.toMatch(/Page \d+ of/);
  for (const [index, text] of pages.entries()) {
    if (index > 0) expect(text).toMatch(new RegExp(`^Katherine Johnson · Agenda Page ${index + 1} of ${pages.length} `));
  }

  // Each item, with its minutes, who proposed it and its details, is whole on one page, in order.
  let previous = { page: 1, at: -1 };
  for (const [index, item] of LONG_AGENDA.entries()) {
    const text = itemText(index + 1, item.title, 'Sam', item.minutes, item.details);
    const place = placeOnPages(pages, text);
    expect(place, `“${item.title}” with its minutes, proposer and details`).not.toBeNull();
    expect(place?.split, `“${item.title}” cut by a page break`).toBe(false);
    const page = place?.page ?? 0;
    const at = pages[page - 1].indexOf(text);
    expect(page > previous.page || (page === previous.page && at > previous.at), `“${item.title}” comes after the item before it`).toBe(
      true,
    );
    previous = { page, at };
  }
  expect(previous.page, 'the page of the last item').toBeGreaterThan(1);
  expect(pages.at(-1)).toMatch(/ Notes$/);
});
