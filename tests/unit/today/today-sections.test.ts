import { describe, expect, it } from 'vitest';
import { testWorkspace } from '../../helpers/workspace-api';
import { local, movableClock } from './support';

// The coach works in London: the week below crosses the change to summer time (Sunday 29 March
// 2026, 01:00 GMT), so day boundaries are checked where an hour goes missing.
process.env.TZ = 'Europe/London';

const at = (month: number, day: number, hour = 0, minute = 0) => local(2026, month, day, hour, minute).toISOString();

describe('Today: sessions in the next days', () => {
  it('runs from midnight today to the last minute of the seventh day, across a clock change', async () => {
    const clock = movableClock(local(2026, 3, 27, 9));
    const workspace = await testWorkspace({ now: clock.now });
    const client = await workspace.clients.create({ name: 'Amara', status: 'active' });
    const lastNight = await workspace.sessions.create(client.id, { startsAt: at(3, 26, 23, 59), mode: 'video' });
    const earlyToday = await workspace.sessions.create(client.id, { startsAt: at(3, 27, 0, 0), mode: 'video' });
    const lastDay = await workspace.sessions.create(client.id, { startsAt: at(4, 2, 23, 59), mode: 'video' });
    const eighthDay = await workspace.sessions.create(client.id, { startsAt: at(4, 3, 0, 0), mode: 'video' });
    const ids = async () => (await workspace.today.get()).sessions.map((entry) => entry.session.id);

    expect(await ids()).toEqual([earlyToday.id, lastDay.id]);
    // One minute before midnight the window is still today's; at midnight it moves on a day.
    clock.set(local(2026, 4, 2, 23, 59));
    expect(await ids()).toEqual([lastDay.id, eighthDay.id]);
    clock.set(local(2026, 4, 3, 0, 0));
    expect(await ids()).toEqual([eighthDay.id]);
    expect(await ids()).not.toContain(lastNight.id);
  });

  it('leaves out cancelled sessions and carries the client’s own time zone', async () => {
    const workspace = await testWorkspace({ now: () => local(2026, 3, 27, 9) });
    const client = await workspace.clients.create({ name: 'Jonas', status: 'active', timeZone: 'America/New_York' });
    const kept = await workspace.sessions.create(client.id, { startsAt: at(3, 30, 14), mode: 'video' });
    const cancelled = await workspace.sessions.create(client.id, { startsAt: at(3, 28, 14), mode: 'video' });
    await workspace.sessions.setStatus(client.id, cancelled.id, 'cancelled');

    const { sessions } = await workspace.today.get();
    expect(sessions.map((entry) => [entry.session.id, entry.clientTimeZone])).toEqual([[kept.id, 'America/New_York']]);
  });
});

describe('Today: client commitments due before their session', () => {
  it('lists the client’s commitments due after today and by the day of their next session', async () => {
    const clock = movableClock(local(2026, 3, 27, 9));
    const workspace = await testWorkspace({ now: clock.now });
    const client = await workspace.clients.create({ name: 'Priya', status: 'active' });
    const session = await workspace.sessions.create(client.id, { startsAt: at(3, 31, 10), mode: 'video' });
    const make = (text: string, owner: 'coach' | 'client', dueDate: string) =>
      workspace.commitments.create(client.id, { text, owner, dueDate });
    const tomorrow = await make('Draft the cover letter', 'client', '2026-03-28');
    const sameDay = await make('Bring two job ads', 'client', '2026-03-31');
    await make('After the session', 'client', '2026-04-01');
    await make('Due today', 'client', '2026-03-27');
    await make('Coach’s own', 'coach', '2026-03-29');
    const done = await make('Already done', 'client', '2026-03-29');
    await workspace.commitments.setDone(client.id, done.id, true);

    const { beforeSession, commitments } = await workspace.today.get();
    expect(beforeSession.map((entry) => [entry.commitment.id, entry.session.id])).toEqual([
      [tomorrow.id, session.id],
      [sameDay.id, session.id],
    ]);
    // Due today is under "Commitments due", never twice.
    expect(commitments.map((entry) => entry.commitment.text)).toEqual(['Due today']);

    // At midnight "tomorrow" becomes today: the commitment moves to the commitments due.
    clock.set(local(2026, 3, 28, 0, 0));
    const next = await workspace.today.get();
    expect(next.beforeSession.map((entry) => entry.commitment.id)).toEqual([sameDay.id]);
    expect(next.commitments.map((entry) => entry.commitment.id)).toContain(tomorrow.id);
  });

  it('uses the next session that will take place, and none beyond the days ahead', async () => {
    const workspace = await testWorkspace({ now: () => local(2026, 3, 27, 9) });
    const client = await workspace.clients.create({ name: 'Tom', status: 'active' });
    const cancelled = await workspace.sessions.create(client.id, { startsAt: at(3, 28, 10), mode: 'video' });
    await workspace.sessions.setStatus(client.id, cancelled.id, 'cancelled');
    const next = await workspace.sessions.create(client.id, { startsAt: at(4, 1, 10), mode: 'video' });
    const commitment = await workspace.commitments.create(client.id, { text: 'Call two contacts', owner: 'client', dueDate: '2026-03-30' });
    const far = await workspace.clients.create({ name: 'Mei', status: 'active' });
    await workspace.sessions.create(far.id, { startsAt: at(4, 10, 10), mode: 'video' });
    await workspace.commitments.create(far.id, { text: 'Read the book', owner: 'client', dueDate: '2026-03-30' });

    const { beforeSession } = await workspace.today.get();
    expect(beforeSession).toEqual([
      {
        clientId: client.id,
        clientName: 'Tom',
        commitment: { id: commitment.id, text: 'Call two contacts', owner: 'client', dueDate: '2026-03-30' },
        session: { id: next.id, startsAt: at(4, 1, 10) },
      },
    ]);
  });
});

describe('Today: sessions to write up or reflect on', () => {
  it('lists a session once it is over, until it has both notes and a reflection', async () => {
    const clock = movableClock(local(2026, 3, 27, 10, 30));
    const workspace = await testWorkspace({ now: clock.now });
    const client = await workspace.clients.create({ name: 'Lucia', status: 'active' });
    const session = await workspace.sessions.create(client.id, { startsAt: at(3, 27, 10), mode: 'video', durationMinutes: 60 });
    const entries = async () =>
      (await workspace.today.get()).toWriteUp.map((entry) => [entry.session.id, entry.writtenUp, entry.reflected] as const);

    // Still going at 10:30.
    expect(await entries()).toEqual([]);
    clock.set(local(2026, 3, 27, 11));
    expect(await entries()).toEqual([[session.id, false, false]]);

    await workspace.sessions.update(client.id, session.id, { notes: '   ' });
    expect(await entries()).toEqual([[session.id, false, false]]);
    await workspace.sessions.update(client.id, session.id, { notes: 'Agreed to contact two hiring managers.' });
    expect(await entries()).toEqual([[session.id, true, false]]);
    await workspace.sessions.saveReflection(client.id, session.id, { signs: [], habits: ['asked-open-questions'], text: '' });
    expect(await entries()).toEqual([]);
    await workspace.sessions.update(client.id, session.id, { notes: '' });
    expect(await entries()).toEqual([[session.id, false, true]]);
  });

  it('looks back seven days, most recent first, and skips cancelled sessions and no-shows', async () => {
    const clock = movableClock(local(2026, 3, 30, 9));
    const workspace = await testWorkspace({ now: clock.now });
    const ada = await workspace.clients.create({ name: 'Ada', status: 'active' });
    const bo = await workspace.clients.create({ name: 'Bo', status: 'active' });
    const tooOld = await workspace.sessions.create(ada.id, { startsAt: at(3, 22, 23), mode: 'video' });
    const firstDay = await workspace.sessions.create(ada.id, { startsAt: at(3, 23, 0), mode: 'video' });
    const held = await workspace.sessions.create(bo.id, { startsAt: at(3, 29, 14), mode: 'phone' });
    await workspace.sessions.setStatus(bo.id, held.id, 'held');
    const cancelled = await workspace.sessions.create(bo.id, { startsAt: at(3, 28, 14), mode: 'phone' });
    await workspace.sessions.setStatus(bo.id, cancelled.id, 'cancelled');
    const noShow = await workspace.sessions.create(bo.id, { startsAt: at(3, 27, 14), mode: 'phone' });
    await workspace.sessions.setStatus(bo.id, noShow.id, 'no-show');

    const { toWriteUp } = await workspace.today.get();
    expect(toWriteUp.map((entry) => [entry.clientName, entry.session.id, entry.session.status])).toEqual([
      ['Bo', held.id, 'held'],
      ['Ada', firstDay.id, 'planned'],
    ]);
    expect(toWriteUp.map((entry) => entry.session.id)).not.toContain(tooOld.id);
  });
});

describe('Today: clients not heard from', () => {
  it('lists a client added today with no contact yet, and drops them once a session is held', async () => {
    const clock = movableClock(local(2026, 3, 27, 9));
    const workspace = await testWorkspace({ now: clock.now });
    const fresh = await workspace.clients.create({ name: 'Fresh', status: 'prospect' });
    const session = await workspace.sessions.create(fresh.id, { startsAt: at(3, 27, 10), mode: 'video' });

    expect((await workspace.today.get()).noContact).toEqual([
      { clientId: fresh.id, clientName: 'Fresh', status: 'prospect', lastContactAt: null, days: 0 },
    ]);
    // A planned session is not contact; a held one is.
    clock.set(local(2026, 3, 27, 12));
    expect((await workspace.today.get()).noContact).toHaveLength(1);
    await workspace.sessions.setStatus(fresh.id, session.id, 'held');
    expect((await workspace.today.get()).noContact).toEqual([]);
  });
});
