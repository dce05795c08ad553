import { describe, expect, it } from 'vitest';
import { clientTimeNote, utcOffsetAt, wallTimeToInstant } from '../../../shared/time-zones';

process.env.TZ = 'Europe/London';

const HOUR = 3_600_000;
const at = (iso: string) => Date.parse(iso);
const wall = (year: number, month: number, day: number, hour: number, minute = 0) => ({ year, month, day, hour, minute, second: 0 });

describe('time zones through daylight-saving changes', () => {
  it('London and New York are 4 h apart between the US and the EU switch, 5 h otherwise', () => {
    const gap = (iso: string) => (utcOffsetAt(at(iso), 'Europe/London') - utcOffsetAt(at(iso), 'America/New_York')) / HOUR;
    expect(gap('2027-03-10T12:00:00Z')).toBe(5);
    expect(gap('2027-03-20T12:00:00Z')).toBe(4); // US on summer time since 14 March, EU from 28 March
    expect(gap('2027-04-05T12:00:00Z')).toBe(5);
    expect(gap('2027-11-03T12:00:00Z')).toBe(4); // EU back on 31 October, US on 7 November
    expect(gap('2027-11-10T12:00:00Z')).toBe(5);
  });

  it('reads wall times in a zone, including the hour the clocks skip and the hour they repeat', () => {
    expect(new Date(wallTimeToInstant(wall(2027, 3, 28, 10), 'Europe/Berlin')).toISOString()).toBe('2027-03-28T08:00:00.000Z');
    expect(new Date(wallTimeToInstant(wall(2027, 3, 27, 10), 'Europe/Berlin')).toISOString()).toBe('2027-03-27T09:00:00.000Z');
    // 02:30 on 28 March does not exist in Berlin: the offset before the gap applies (03:30 CEST).
    expect(new Date(wallTimeToInstant(wall(2027, 3, 28, 2, 30), 'Europe/Berlin')).toISOString()).toBe('2027-03-28T01:30:00.000Z');
    // 01:30 on 7 November happens twice in New York: the first (EDT).
    expect(new Date(wallTimeToInstant(wall(2027, 11, 7, 1, 30), 'America/New_York')).toISOString()).toBe('2027-11-07T05:30:00.000Z');
    expect(new Date(wallTimeToInstant(wall(2027, 11, 7, 3, 0), 'America/New_York')).toISOString()).toBe('2027-11-07T08:00:00.000Z');
  });

  it('notes the client’s time only when the clocks differ', () => {
    const note = (iso: string, zone: string) => clientTimeNote(iso, zone, 'Europe/London', 'en-GB');
    expect(note('2027-03-10T14:00:00Z', 'America/New_York')).toBe('9:00 in New York');
    expect(note('2027-03-17T14:00:00Z', 'America/New_York')).toBe('10:00 in New York');
    expect(note('2027-03-17T14:00:00Z', '')).toBeNull();
    expect(note('2027-07-01T14:00:00Z', 'Europe/Lisbon')).toBeNull();
    expect(note('2027-03-10T23:30:00Z', 'Asia/Tokyo')).toBe('Thu 08:30 in Tokyo');
    // Without an explicit zone, the process's own (pinned above) is the coach's.
    expect(clientTimeNote('2027-06-01T14:00:00Z', 'Europe/London', undefined, 'en-GB')).toBeNull();
    expect(clientTimeNote('2027-06-01T14:00:00Z', 'Europe/Berlin', undefined, 'en-GB')).toBe('16:00 in Berlin');
  });
});
