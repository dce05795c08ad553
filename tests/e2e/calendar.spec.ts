import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import ICAL from 'ical.js';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';
import { mainArea, openClient, openTab } from './helpers/client-file';
import { chooseSessionAction } from './helpers/session-card';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Midday UTC `days` from now, as iCalendar writes a UTC time: 20261204T150000Z. */
function icsTime(days: number, hour: number): { ics: string; at: Date } {
  const at = new Date(Date.now() + days * DAY_MS);
  at.setUTCHours(hour, 0, 0, 0);
  return {
    ics: at
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d{3}/, ''),
    at,
  };
}

/** A calendar as Outlook exports it: CRLF lines, a Windows zone name with its own VTIMEZONE block. */
function outlookExport(): string {
  const ben = icsTime(3, 15);
  const benEnd = icsTime(3, 16);
  const chloe = icsTime(5, 9).ics.slice(0, 8);
  const intro = icsTime(6, 11);
  return [
    'BEGIN:VCALENDAR',
    'PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN',
    'VERSION:2.0',
    'METHOD:PUBLISH',
    'BEGIN:VTIMEZONE',
    'TZID:W. Europe Standard Time',
    'BEGIN:STANDARD',
    'DTSTART:16011028T030000',
    'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10',
    'TZOFFSETFROM:+0200',
    'TZOFFSETTO:+0100',
    'END:STANDARD',
    'BEGIN:DAYLIGHT',
    'DTSTART:16010325T020000',
    'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3',
    'TZOFFSETFROM:+0100',
    'TZOFFSETTO:+0200',
    'END:DAYLIGHT',
    'END:VTIMEZONE',
    'BEGIN:VEVENT',
    'UID:040000008200E00074C5B7101A82E008000000001',
    `DTSTART:${ben.ics}`,
    `DTEND:${benEnd.ics}`,
    'SUMMARY;LANGUAGE=en-us:Check-in',
    'LOCATION:Microsoft Teams Meeting',
    'ATTENDEE;CN="Ortiz, Ben";RSVP=TRUE:mailto:BEN.ORTIZ@EXAMPLE.ORG',
    'X-MICROSOFT-SKYPETEAMSMEETINGURL:https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc',
    'END:VEVENT',
    'BEGIN:VEVENT',
    'UID:040000008200E00074C5B7101A82E008000000002',
    `DTSTART;TZID="W. Europe Standard Time":${chloe}T093000`,
    `DTEND;TZID="W. Europe Standard Time":${chloe}T103000`,
    'SUMMARY:Coaching session - Chloé Martin',
    'LOCATION:Büro\\, Hauptstraße 5\\; 2. OG',
    'END:VEVENT',
    'BEGIN:VEVENT',
    'UID:040000008200E00074C5B7101A82E008000000003',
    `DTSTART:${intro.ics}`,
    'DURATION:PT30M',
    'SUMMARY:Intro call',
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

async function newClient(page: Page, name: string, details: { email?: string; timeZone?: string } = {}): Promise<void> {
  await page.getByRole('button', { name: 'New client' }).click();
  const main = mainArea(page);
  await main.getByLabel('Name', { exact: true }).fill(name);
  if (details.email) await main.getByLabel('Email', { exact: true }).fill(details.email);
  await main.getByLabel('Status', { exact: true }).selectOption('active');
  if (details.timeZone) await main.getByLabel('Time zone', { exact: true }).fill(details.timeZone);
  await main.getByRole('button', { name: 'Create client' }).click();
  await expect(main.getByRole('heading', { level: 1, name })).toBeVisible();
}

async function sessionsOnDisk(dataDir: string): Promise<{ name: string; calendarUid: string | null }[]> {
  const found: { name: string; calendarUid: string | null }[] = [];
  for (const file of await readdir(join(dataDir, 'clients'))) {
    if (!file.endsWith('.json')) continue;
    const document = JSON.parse(await readFile(join(dataDir, 'clients', file), 'utf8')) as {
      client: { name: string };
      sessions: { calendarUid: string | null }[];
    };
    for (const session of document.sessions) found.push({ name: document.client.name, calendarUid: session.calendarUid });
  }
  return found.sort((a, b) => a.name.localeCompare(b.name));
}

test('a calendar is imported after review, re-imported without duplicates, and sessions go out as .ics', async ({ app }) => {
  const { page } = app;
  const folder = await mkdtemp(join(tmpdir(), 'rapport-calendar-'));
  await newClient(page, 'Ben Ortiz', { email: 'ben.ortiz@example.org', timeZone: 'America/New_York' });
  await newClient(page, 'Chloé Martin');
  const exported = join(folder, 'Outlook calendar.ics');
  await writeFile(exported, outlookExport());

  await page.getByRole('link', { name: 'Today', exact: true }).click();
  const calendar = mainArea(page).getByRole('region', { name: 'Calendar' });
  await app.queueFilePath(exported);
  await calendar.getByRole('button', { name: 'Import from calendar…' }).click();
  const review = calendar.getByTestId('calendar-review');
  await expect(review.getByRole('heading', { name: 'Sessions in Outlook calendar.ics' })).toBeVisible();
  const proposals = review.getByTestId('calendar-proposal');
  await expect(proposals).toHaveCount(3);
  await expect(proposals.nth(0)).toContainText('Check-in');
  await expect(proposals.nth(0)).toContainText('Matched by email');
  await expect(proposals.nth(1)).toContainText('Matched by name');
  await expect(proposals.nth(2)).toContainText('No client matched');
  await expect(proposals.nth(2).getByRole('checkbox')).not.toBeChecked();
  await expectAccessible(page);
  // Nothing exists before the coach confirms.
  expect(await sessionsOnDisk(app.dataDir)).toEqual([]);
  await review.getByRole('button', { name: 'Add 2 sessions' }).click();
  await expect(calendar.getByRole('status')).toHaveText('Created 2 sessions.');
  expect(await sessionsOnDisk(app.dataDir)).toEqual([
    { name: 'Ben Ortiz', calendarUid: '040000008200E00074C5B7101A82E008000000001' },
    { name: 'Chloé Martin', calendarUid: '040000008200E00074C5B7101A82E008000000002' },
  ]);

  // Importing the same file again proposes nothing new.
  await app.queueFilePath(exported);
  await calendar.getByRole('button', { name: 'Import from calendar…' }).click();
  await expect(proposals).toHaveCount(3);
  await expect(proposals.nth(0)).toContainText('Already in Rapport');
  await expect(proposals.nth(1)).toContainText('Already in Rapport');
  await expect(proposals.nth(0).getByRole('checkbox')).toBeDisabled();
  await expect(review.getByRole('button', { name: 'Add 0 sessions' })).toBeDisabled();
  await review.getByRole('button', { name: 'Cancel' }).click();
  await expect(review).toHaveCount(0);
  expect(await sessionsOnDisk(app.dataDir)).toHaveLength(2);

  // A file that is not a calendar: a plain message, and nothing changes.
  const garbage = join(folder, 'notes.ics');
  await writeFile(garbage, 'Shopping list: milk, eggs');
  await app.queueFilePath(garbage);
  await calendar.getByRole('button', { name: 'Import from calendar…' }).click();
  await expect(calendar.getByRole('alert')).toContainText('This file cannot be read as a calendar');
  await expect(review).toHaveCount(0);
  expect(await sessionsOnDisk(app.dataDir)).toHaveLength(2);

  // A file too large to be one coach's calendar is refused before it is read.
  const huge = join(folder, 'everything.ics');
  await writeFile(huge, `BEGIN:VCALENDAR\r\n${'X-FILLER:padding\r\n'.repeat(400_000)}END:VCALENDAR\r\n`);
  await app.queueFilePath(huge);
  await calendar.getByRole('button', { name: 'Import from calendar…' }).click();
  await expect(calendar.getByRole('alert')).toContainText('larger than 5 MB');
  await expect(review).toHaveCount(0);
  expect(await sessionsOnDisk(app.dataDir)).toHaveLength(2);

  // The whole practice's upcoming sessions as one file.
  const upcoming = join(folder, 'upcoming.ics');
  await app.queueFilePath(upcoming);
  await calendar.getByRole('button', { name: 'Export upcoming sessions' }).click();
  await expect(calendar.getByRole('status')).toHaveText(`Saved 2 upcoming sessions to ${basename(upcoming)}.`);
  const practice = new ICAL.Component(ICAL.parse(await readFile(upcoming, 'utf8')));
  expect(practice.getAllSubcomponents('vevent').map((event) => event.getFirstPropertyValue('summary'))).toEqual([
    'Coaching session with Ben Ortiz',
    'Coaching session with Chloé Martin',
  ]);

  // One session as an invitation, and the client's own time beside the coach's.
  await openClient(page, 'Ben Ortiz');
  const panel = await openTab(page, 'Sessions');
  const session = panel.getByRole('listitem').filter({ hasText: 'teams.microsoft.com' });
  await expect(session.getByTestId('client-time')).toContainText('in New York');
  const invitation = join(folder, 'ben.ics');
  await app.queueFilePath(invitation);
  await chooseSessionAction(session, 'Add to calendar');
  await expect(session.getByRole('status')).toHaveText(`Saved to ${basename(invitation)}.`);
  const parsed = new ICAL.Component(ICAL.parse(await readFile(invitation, 'utf8')));
  expect(parsed.getFirstPropertyValue('method')).toBe('PUBLISH');
  const event = new ICAL.Event(parsed.getFirstSubcomponent('vevent')!);
  expect(event.uid).toMatch(/^[0-9a-f-]{36}@rapport\.app$/);
  expect(event.summary).toBe('Coaching session with Ben Ortiz');
  expect(event.location).toBe('https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc');
  expect(event.startDate.toJSDate().getTime()).toBe(icsTime(3, 15).at.getTime());
  expect(parsed.getFirstSubcomponent('vevent')!.getFirstSubcomponent('valarm')).not.toBeNull();
});
