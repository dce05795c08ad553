import { open, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCalendarFile } from '../../../electron/core/calendar/file';
import { readUpcomingEvents, type UpcomingEvent } from '../../../electron/core/calendar/read';
import { tempDir } from '../../helpers/temp-dir';

// Floating times are read in the coach's zone: pin it, whatever the machine's.
process.env.TZ = 'Europe/Berlin';

const NOW = Date.parse('2027-03-01T09:00:00.000Z');
const fixture = (name: string) => readFile(join(import.meta.dirname, '../../fixtures/calendars', name), 'utf8');
const iso = (event: UpcomingEvent) => new Date(event.start).toISOString();
const minutes = (event: UpcomingEvent) => (event.end - event.start) / 60_000;

describe('reading calendar exports', () => {
  it('Google Calendar: zone block, conference link, weekly rule without end across the EU switch', async () => {
    const { events, ignored } = readUpcomingEvents(await fixture('google.ics'), NOW);
    const single = events.find((event) => event.uid === '7kq1s0m2f1d8e9r0c3b4a5d6e7@google.com')!;
    expect(single).toMatchObject({
      key: '7kq1s0m2f1d8e9r0c3b4a5d6e7@google.com',
      summary: 'Career coaching',
      location: '',
      url: 'https://meet.google.com/abc-defg-hij',
    });
    expect(iso(single)).toBe('2027-03-09T13:00:00.000Z');
    expect(minutes(single)).toBe(60);
    expect(single.emails).toEqual(['amara@example.com', 'sam.coach@example.net']);

    const weekly = events.filter((event) => event.uid === '3f9a0c2d4e6b8a1c5d7e9f0a1b@google.com');
    // Tuesdays 18:00 in Berlin from 2 March to the end of the 90-day window, less the excluded 23 March.
    expect(weekly.map(iso)).toEqual([
      '2027-03-02T17:00:00.000Z',
      '2027-03-09T17:00:00.000Z',
      '2027-03-16T17:00:00.000Z',
      '2027-03-30T16:00:00.000Z',
      '2027-04-06T16:00:00.000Z',
      '2027-04-13T16:00:00.000Z',
      '2027-04-20T16:00:00.000Z',
      '2027-04-27T16:00:00.000Z',
      '2027-05-04T16:00:00.000Z',
      '2027-05-11T16:00:00.000Z',
      '2027-05-18T16:00:00.000Z',
      '2027-05-25T16:00:00.000Z',
    ]);
    expect(weekly[0]).toMatchObject({
      key: '3f9a0c2d4e6b8a1c5d7e9f0a1b@google.com|2027-03-02T17:00:00.000Z',
      location: 'Café Lumen, Torstraße 12, 10119 Berlin, Germany',
      emails: ['ben.ortiz@example.org', 'sam.coach@example.net'],
    });
    // Past, cancelled, all-day and beyond the window.
    expect(ignored).toBe(4);
    expect(events).toHaveLength(13);
  });

  it('Outlook: Windows zone names resolved by the file’s own zone blocks, during the weeks the US and EU differ', async () => {
    const { events, ignored } = readUpcomingEvents(await fixture('outlook.ics'), NOW);
    expect(ignored).toBe(0);
    expect(events.map((event) => [event.summary, iso(event), minutes(event)])).toEqual([
      // 12:00 in New York after the US switch (14 March) is 16:00 UTC, not 17:00.
      ['Check-in', '2027-03-16T16:00:00.000Z', 60],
      // 09:30 in Berlin the day after the EU switch is 07:30 UTC.
      ['Coaching session - Chloé Martin', '2027-03-29T07:30:00.000Z', 60],
    ]);
    expect(events[0]).toMatchObject({
      location: 'Microsoft Teams Meeting',
      url: expect.stringMatching(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//),
      emails: ['ben.ortiz@example.org', 'sam.coach@example.net'],
    });
    expect(events[1].location).toBe('Büro, Hauptstraße 5; 2. OG');
  });

  it('Apple Calendar: a counted rule with one occurrence moved, keyed by its original start', async () => {
    const { events } = readUpcomingEvents(await fixture('apple.ics'), NOW);
    const uid = '6B29FC40-CA47-1067-B31D-00DD010662DA';
    expect(events.map((event) => [event.key, event.summary, iso(event), minutes(event)])).toEqual([
      [`${uid}|2027-03-04T14:00:00.000Z`, 'Coaching', '2027-03-04T14:00:00.000Z', 60],
      [`${uid}|2027-03-11T14:00:00.000Z`, 'Coaching (moved)', '2027-03-12T15:00:00.000Z', 60],
      // After the US switch: 09:00 EDT.
      [`${uid}|2027-03-18T13:00:00.000Z`, 'Coaching', '2027-03-18T13:00:00.000Z', 60],
    ]);
    expect(events[0].emails).toEqual(['amara@example.com']);
    expect(events[0].location).toBe('Blue Bottle Coffee\n1 Main St, New York, NY 10001, United States');
  });

  it('Thunderbird: London zone before British Summer Time, link as the location', async () => {
    const { events } = readUpcomingEvents(await fixture('thunderbird.ics'), NOW);
    expect(events).toHaveLength(1);
    expect(iso(events[0])).toBe('2027-03-25T17:00:00.000Z');
    expect(events[0]).toMatchObject({
      summary: 'Session: Ben Ortiz',
      location: 'https://zoom.us/j/123456789?pwd=AbCdEf',
      emails: ['ben.ortiz@example.org', 'sam.coach@example.net'],
    });
  });

  it('Proton: an IANA zone without a zone block, at a time the clocks skip, and a DURATION', async () => {
    const { events } = readUpcomingEvents(await fixture('proton.ics'), NOW);
    expect(events.map((event) => [event.summary, iso(event), minutes(event)])).toEqual([
      // 02:30 on 14 March does not exist in New York: read with the offset before the gap (EST).
      ['Coaching (chloé martin)', '2027-03-14T07:30:00.000Z', 45],
      ['Intro call', '2027-04-01T15:00:00.000Z', 30],
    ]);
    expect(events[1].emails).toEqual(['dana@example.com', 'sam.coach@example.net']);
  });
});

const calendar = (...lines: string[]) =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Test//Test//EN', ...lines, 'END:VCALENDAR', ''].join('\r\n');
const event = (...lines: string[]) => ['BEGIN:VEVENT', ...lines, 'END:VEVENT'].join('\r\n');
const refused = (input: string) => {
  try {
    readUpcomingEvents(input, NOW);
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error('The file was accepted');
};

describe('bad calendar files', () => {
  it('refuses what is not a calendar', () => {
    expect(refused('%PDF-1.7 garbage').code).toBe('CALENDAR_UNREADABLE');
    expect(refused('BEGIN:VCALENDAR\r\nthis is : not ; ical\r\n\u0000\u0001').code).toBe('CALENDAR_UNREADABLE');
    expect(refused('BEGIN:VCARD\r\nVERSION:4.0\r\nEND:VCARD').code).toBe('CALENDAR_UNREADABLE');
    expect(refused('').message).toMatch(/Nothing was imported/);
  });

  it('refuses a file over 5 MB before parsing it', () => {
    const big = calendar(event('UID:a', 'DTSTART:20270310T100000Z', `DESCRIPTION:${'x'.repeat(50 * 1024 * 1024)}`));
    const started = performance.now();
    expect(refused(big).code).toBe('CALENDAR_TOO_LARGE');
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('refuses thousands of events', () => {
    const many = Array.from({ length: 10_001 }, (_, index) => event(`UID:e${index}`, 'DTSTART:20200310T100000Z'));
    expect(refused(calendar(...many)).code).toBe('CALENDAR_TOO_MANY_EVENTS');
    // Many monthly events since 1900: each walks over a thousand past occurrences.
    const monthly = Array.from({ length: 60 }, (_, index) => event(`UID:m${index}`, 'DTSTART:19000101T100000Z', 'RRULE:FREQ=MONTHLY'));
    expect(refused(calendar(...monthly)).code).toBe('CALENDAR_TOO_MANY_EVENTS');
    const upcoming = Array.from({ length: 501 }, (_, index) => event(`UID:u${index}`, 'DTSTART:20270310T100000Z'));
    expect(refused(calendar(...upcoming)).code).toBe('CALENDAR_TOO_MANY_EVENTS');
  });

  it('reads a whole calendar’s past quickly, without building every old event', async () => {
    const outlook = await fixture('outlook.ics');
    const zones = outlook.slice(outlook.indexOf('BEGIN:VTIMEZONE'), outlook.indexOf('BEGIN:VEVENT'));
    const past = Array.from({ length: 9_000 }, (_, index) =>
      event(
        `UID:p${index}`,
        `DTSTART;TZID="W. Europe Standard Time":2026${String(1 + (index % 12)).padStart(2, '0')}10T093000`,
        'SUMMARY:Old',
      ),
    );
    const upcoming = event('UID:next', 'DTSTART;TZID="W. Europe Standard Time":20270310T093000', 'SUMMARY:Next');
    const started = performance.now();
    const { events, ignored } = readUpcomingEvents(calendar(zones.trim(), ...past, upcoming), NOW);
    // 4.6 s on this machine when every event was built; 0.45 s now.
    expect(performance.now() - started).toBeLessThan(2000);
    expect(events.map((found) => [found.key, new Date(found.start).toISOString()])).toEqual([['next', '2027-03-10T08:30:00.000Z']]);
    expect(ignored).toBe(9_000);
  });

  it('refuses a zone that is neither in the file nor known, and a zone block without offsets', () => {
    const unknown = refused(calendar(event('UID:z', 'DTSTART;TZID=Mars/Olympus_Mons:20270310T100000')));
    expect(unknown.code).toBe('CALENDAR_UNKNOWN_TIME_ZONE');
    expect(unknown.message).toContain('Mars/Olympus_Mons');
    expect(refused(calendar(event('UID:w', 'DTSTART;TZID="W. Europe Standard Time":20270310T100000'))).code).toBe(
      'CALENDAR_UNKNOWN_TIME_ZONE',
    );
    const empty = calendar('BEGIN:VTIMEZONE', 'TZID:Nowhere', 'END:VTIMEZONE', event('UID:n', 'DTSTART;TZID=Nowhere:20270310T100000'));
    expect(refused(empty).code).toBe('CALENDAR_UNKNOWN_TIME_ZONE');
    const spinning = calendar(
      'BEGIN:VTIMEZONE',
      'TZID:Spin',
      'BEGIN:STANDARD',
      'DTSTART:16010101T000000',
      'RRULE:FREQ=SECONDLY',
      'TZOFFSETFROM:+0100',
      'TZOFFSETTO:+0100',
      'END:STANDARD',
      'END:VTIMEZONE',
      event('UID:s', 'DTSTART;TZID=Spin:20270310T100000'),
    );
    expect(refused(spinning).code).toBe('CALENDAR_UNKNOWN_TIME_ZONE');
  });

  it('refuses an event without a start', () => {
    const missing = refused(calendar(event('UID:m', 'SUMMARY:Coaching, no start')));
    expect(missing.code).toBe('CALENDAR_UNREADABLE');
    expect(missing.message).toContain('Coaching, no start');
  });

  it('expands a rule without end only within the window, and refuses rules it could spin on', () => {
    const daily = readUpcomingEvents(calendar(event('UID:d', 'DTSTART:20270101T100000Z', 'RRULE:FREQ=DAILY')), NOW);
    expect(daily.events).toHaveLength(90);
    expect(new Date(daily.events.at(-1)!.start).toISOString()).toBe('2027-05-29T10:00:00.000Z');
    // Started long ago without end: moved forward by whole intervals, the same occurrences, promptly.
    const started = performance.now();
    const since1900 = readUpcomingEvents(calendar(event('UID:old', 'DTSTART:19000101T100000Z', 'RRULE:FREQ=DAILY')), NOW);
    expect(since1900.events.map((found) => found.start)).toEqual(daily.events.map((found) => found.start));
    const weekly = readUpcomingEvents(
      calendar(event('UID:w', 'DTSTART;TZID=Europe/Berlin:20000104T180000', 'RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU')),
      NOW,
    );
    expect(weekly.events.map(iso).slice(0, 3)).toEqual([
      '2027-03-09T17:00:00.000Z',
      '2027-03-23T17:00:00.000Z',
      '2027-04-06T16:00:00.000Z',
    ]);
    expect(performance.now() - started).toBeLessThan(2000);
    // With COUNT the walk starts at the first occurrence: too many steps to reach today, so left out.
    const counted = readUpcomingEvents(calendar(event('UID:c', 'DTSTART:19000101T100000Z', 'RRULE:FREQ=DAILY;COUNT=100000')), NOW);
    expect(counted).toEqual({ events: [], ignored: 1 });
    for (const rule of ['FREQ=SECONDLY', 'FREQ=MINUTELY;INTERVAL=1', 'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30', 'FREQ=WEEKLY;BYHOUR=25']) {
      expect(refused(calendar(event('UID:r', 'DTSTART:20270301T100000Z', `RRULE:${rule}`))).code).toBe('CALENDAR_UNREADABLE');
    }
  });
});

describe('the calendar file the coach picks', () => {
  it('is refused above 5 MB without being read, and read below', async () => {
    const dir = await tempDir('rapport-ics-');
    const huge = join(dir, 'huge.ics');
    const handle = await open(huge, 'w');
    await handle.truncate(50 * 1024 * 1024);
    await handle.close();
    await expect(readCalendarFile(huge)).rejects.toMatchObject({ code: 'CALENDAR_TOO_LARGE' });
    await expect(readCalendarFile(dir)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const small = join(dir, 'Google export.ics');
    await writeFile(small, await fixture('google.ics'));
    expect(await readCalendarFile(small)).toEqual({ name: 'Google export.ics', text: await fixture('google.ics') });
  });
});
