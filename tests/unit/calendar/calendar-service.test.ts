import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { ImportChoice } from '../../../shared/api/calendar';
import { testWorkspace } from '../../helpers/workspace-api';

process.env.TZ = 'Europe/Berlin';

const NOW = new Date('2027-03-01T09:00:00.000Z');
const fixture = (name: string) => readFile(join(import.meta.dirname, '../../fixtures/calendars', name), 'utf8');
const HOSTILE = 'Ana, “the boss”; line one\nline two\\ BEGIN:VEVENT\nEND:VCALENDAR';

async function practice() {
  const workspace = await testWorkspace({ now: () => NOW });
  await workspace.settings.update({ coachName: 'Sam Coach' });
  const amara = await workspace.clients.create({ name: 'Amara Okafor', email: 'Amara@Example.com', status: 'active' });
  const ben = await workspace.clients.create({ name: 'Ben Ortiz', email: 'ben.ortiz@example.org', status: 'active' });
  const chloe = await workspace.clients.create({ name: 'Chloé Martin', status: 'active' });
  return { workspace, amara, ben, chloe };
}

function eventsOf(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return { calendar, events: calendar.getAllSubcomponents('vevent') };
}

describe('calendar export', () => {
  it('writes one session as an invitation every field of which reads back', async () => {
    const { workspace, amara } = await practice();
    await workspace.clients.update(amara.id, { name: HOSTILE.slice(0, 60) });
    const session = await workspace.sessions.create(amara.id, {
      startsAt: '2027-03-30T07:30:00.000Z',
      durationMinutes: 75,
      mode: 'video',
      location: 'https://meet.example/abc?x=1,2;3',
    });
    await workspace.agendas.save(amara.id, session.id, {
      goals: [{ text: 'Decide, finally; which offer' }],
      items: [{ title: 'Salary talk, prep; END:VEVENT', minutes: 20, proposedBy: 'coach' }],
    });

    const file = await workspace.calendar.sessionEvent(amara.id, session.id);
    expect(file.fileName).toMatch(/\.ics$/);
    expect(file.events).toBe(1);
    const { calendar, events } = eventsOf(file.text);
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(events).toHaveLength(1);
    const event = new ICAL.Event(events[0]);
    expect(event.uid).toBe(`${session.id}@rapport.app`);
    expect(event.startDate.toJSDate().toISOString()).toBe('2027-03-30T07:30:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2027-03-30T08:45:00.000Z');
    expect(event.startDate.zone).toBe(ICAL.Timezone.utcTimezone);
    expect(event.summary).toBe(`Coaching session with Sam Coach / ${HOSTILE.slice(0, 60)}`);
    expect(event.location).toBe('https://meet.example/abc?x=1,2;3');
    expect(events[0].getFirstPropertyValue('url')).toBe('https://meet.example/abc?x=1%2C2%3B3');
    expect(event.description).toBe('Goals for this meeting:\n- Decide, finally; which offer\n\nAgenda:\n- Salary talk, prep; END:VEVENT');
    const alarm = events[0].getFirstSubcomponent('valarm')!;
    expect(alarm.getFirstPropertyValue('action')).toBe('DISPLAY');
    expect(String(alarm.getFirstPropertyValue('trigger'))).toBe('-PT1H');
    // The hostile name stayed inside its property: still one event, one calendar.
    expect(file.text.match(/^BEGIN:VEVENT/gm)).toHaveLength(1);
    expect(file.text.match(/^END:VCALENDAR/gm)).toHaveLength(1);
  });

  it('exports the same UID every time, and a place without a URL', async () => {
    const { workspace, ben } = await practice();
    const session = await workspace.sessions.create(ben.id, {
      startsAt: '2027-03-10T10:00:00.000Z',
      mode: 'in-person',
      location: 'Café Lumen, Torstraße 12',
    });
    const first = eventsOf((await workspace.calendar.sessionEvent(ben.id, session.id)).text).events[0];
    const second = eventsOf((await workspace.calendar.sessionEvent(ben.id, session.id)).text).events[0];
    expect(first.getFirstPropertyValue('uid')).toBe(second.getFirstPropertyValue('uid'));
    expect(first.getFirstPropertyValue('location')).toBe('Café Lumen, Torstraße 12');
    expect(first.hasProperty('url')).toBe(false);
    expect(first.hasProperty('description')).toBe(false);
    await expect(workspace.calendar.sessionEvent(ben.id, '00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('exports every planned or confirmed future session of active clients, and nothing else', async () => {
    const { workspace, amara, ben, chloe } = await practice();
    const plan = (startsAt: string) => ({ startsAt, mode: 'phone' as const });
    const kept = await workspace.sessions.create(amara.id, plan('2027-03-20T10:00:00.000Z'));
    const confirmed = await workspace.sessions.create(ben.id, plan('2027-03-05T10:00:00.000Z'));
    await workspace.sessions.setStatus(ben.id, confirmed.id, 'confirmed');
    await workspace.sessions.create(amara.id, plan('2027-02-20T10:00:00.000Z'));
    const cancelled = await workspace.sessions.create(amara.id, plan('2027-03-21T10:00:00.000Z'));
    await workspace.sessions.setStatus(amara.id, cancelled.id, 'cancelled');
    await workspace.sessions.create(chloe.id, plan('2027-03-22T10:00:00.000Z'));
    await workspace.clients.update(chloe.id, { status: 'paused' });

    const file = await workspace.calendar.upcomingEvents();
    expect(file.events).toBe(2);
    const uids = eventsOf(file.text).events.map((event) => event.getFirstPropertyValue('uid'));
    expect(uids).toEqual([`${confirmed.id}@rapport.app`, `${kept.id}@rapport.app`]);
  });
});

describe('calendar import', () => {
  it('proposes upcoming events matched by email or name, and creates only what the coach chose, once', async () => {
    const { workspace, amara, ben, chloe } = await practice();
    const text = await fixture('outlook.ics');
    const before = await workspace.sessions.list(chloe.id);
    const preview = await workspace.calendar.previewImport(text);
    expect(await workspace.sessions.list(chloe.id)).toEqual(before);
    expect(preview.proposals.map((p) => [p.summary, p.clientId, p.matchedBy, p.mode, p.location, p.alreadyInRapport])).toEqual([
      ['Check-in', ben.id, 'email', 'video', expect.stringMatching(/^https:\/\/teams\.microsoft\.com\//), false],
      ['Coaching session - Chloé Martin', chloe.id, 'name', 'in-person', 'Büro, Hauptstraße 5; 2. OG', false],
    ]);

    const toChoice = (p: (typeof preview.proposals)[number], clientId: string): ImportChoice => ({
      clientId,
      calendarUid: p.calendarUid,
      startsAt: p.startsAt,
      durationMinutes: p.durationMinutes,
      mode: p.mode,
      location: p.location,
    });
    const result = await workspace.calendar.importSessions([toChoice(preview.proposals[1], chloe.id)]);
    expect(result.skipped).toBe(0);
    expect(result.created).toHaveLength(1);
    const onDisk = JSON.parse(await readFile(join(workspace.dataDir, 'clients', `${chloe.id}.json`), 'utf8')) as {
      sessions: { calendarUid: string; startsAt: string; status: string }[];
    };
    expect(onDisk.sessions).toEqual([
      expect.objectContaining({ calendarUid: preview.proposals[1].calendarUid, startsAt: '2027-03-29T07:30:00.000Z', status: 'planned' }),
    ]);
    expect(await workspace.sessions.list(ben.id)).toEqual([]);
    expect(await workspace.sessions.list(amara.id)).toEqual([]);

    const again = await workspace.calendar.previewImport(text);
    expect(again.proposals.map((p) => p.alreadyInRapport)).toEqual([false, true]);
    const second = await workspace.calendar.importSessions(again.proposals.map((p) => toChoice(p, p.clientId ?? amara.id)));
    expect(second).toMatchObject({ skipped: 1, created: [{ clientId: ben.id }] });
    expect(await workspace.sessions.list(chloe.id)).toHaveLength(1);
    // The same choice twice in one list is created once.
    const twice = await workspace.calendar.importSessions([toChoice(again.proposals[0], ben.id), toChoice(again.proposals[0], ben.id)]);
    expect(twice).toEqual({ created: [], skipped: 2 });
  });

  it('recognises Rapport’s own exported sessions as already in Rapport', async () => {
    const { workspace, amara } = await practice();
    const session = await workspace.sessions.create(amara.id, { startsAt: '2027-03-20T10:00:00.000Z', mode: 'phone' });
    const exported = await workspace.calendar.upcomingEvents();
    const preview = await workspace.calendar.previewImport(exported.text);
    expect(preview.proposals).toEqual([
      expect.objectContaining({ calendarUid: `${session.id}@rapport.app`, alreadyInRapport: true, clientId: amara.id, matchedBy: 'name' }),
    ]);
    const result = await workspace.calendar.importSessions([
      {
        clientId: amara.id,
        calendarUid: `${session.id}@rapport.app`,
        startsAt: session.startsAt,
        durationMinutes: 60,
        mode: 'phone',
        location: '',
      },
    ]);
    expect(result).toEqual({ created: [], skipped: 1 });
  });

  it('imports every fixture of the corpus without error', async () => {
    const { workspace } = await practice();
    for (const name of ['google.ics', 'outlook.ics', 'apple.ics', 'thunderbird.ics', 'proton.ics']) {
      const preview = await workspace.calendar.previewImport(await fixture(name));
      expect(preview.proposals.length, name).toBeGreaterThan(0);
    }
  });

  it('creates nothing for a bad file or a choice naming an unknown client', async () => {
    const { workspace, amara } = await practice();
    await expect(workspace.calendar.previewImport('garbage')).rejects.toMatchObject({ code: 'CALENDAR_UNREADABLE' });
    await expect(workspace.calendar.previewImport('x'.repeat(5 * 1024 * 1024 + 1))).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const good = {
      clientId: amara.id,
      calendarUid: 'u1',
      startsAt: '2027-03-20T10:00:00.000Z',
      durationMinutes: 60,
      mode: 'phone' as const,
      location: '',
    };
    await expect(
      workspace.calendar.importSessions([good, { ...good, calendarUid: 'u2', clientId: '00000000-0000-4000-8000-000000000000' }]),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await workspace.sessions.list(amara.id)).toEqual([]);
  });
});
