import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../../shared/api';
import { buildRecap, recapText } from '../../../shared/email/recap';
import { testWorkspace } from '../../helpers/workspace-api';

const ids = {
  held: '11111111-1111-4111-8111-111111111111',
  earlier: '22222222-2222-4222-8222-222222222222',
  cancelled: '33333333-3333-4333-8333-333333333333',
  next: '44444444-4444-4444-8444-444444444444',
  later: '55555555-5555-4555-8555-555555555555',
};
const session = (id: string, startsAt: string, status: 'planned' | 'held' | 'cancelled', location = '') => ({
  id,
  startsAt,
  createdAt: '2026-01-01T00:00:00.000Z',
  durationMinutes: 60,
  mode: 'video' as const,
  location,
  status,
});

const input = {
  client: { name: 'Amara Okafor', preferredName: '', timeZone: 'Asia/Tokyo' },
  session: session(ids.held, '2026-03-10T14:00:00.000Z', 'held'),
  sessions: [
    session(ids.later, '2026-04-07T14:00:00.000Z', 'planned'),
    session(ids.cancelled, '2026-03-17T14:00:00.000Z', 'cancelled'),
    session(ids.earlier, '2026-03-03T14:00:00.000Z', 'held'),
    session(ids.held, '2026-03-10T14:00:00.000Z', 'held'),
    session(ids.next, '2026-03-24T15:30:00.000Z', 'planned', 'https://meet.example/xyz'),
  ],
  agenda: {
    goals: [
      { id: ids.earlier, text: 'Agree the CV structure', met: 'yes' as const },
      { id: ids.next, text: 'Pick three target companies', met: 'partly' as const },
      { id: ids.later, text: 'Practise the salary talk', met: 'no' as const },
      { id: ids.held, text: 'Talk about the offer', met: 'unset' as const },
    ],
    items: [
      { title: 'CV', outcome: 'Two pages,\nskills first.' },
      { title: 'Small talk', outcome: '   ' },
    ].map((item) => ({ ...item, id: ids.held, details: '', minutes: 10, proposedBy: 'coach' as const, goalId: null })),
  },
  commitments: [
    { text: 'Rewrite the CV', owner: 'client' as const, dueDate: '2026-03-20', sessionId: ids.held },
    { text: 'Introduce Amara to Lee', owner: 'coach' as const, dueDate: null, sessionId: ids.held },
    { text: 'From another session', owner: 'client' as const, dueDate: null, sessionId: ids.earlier },
    { text: 'Made outside a session', owner: 'client' as const, dueDate: null, sessionId: null },
  ],
  coachName: 'Sam Rivera',
  locale: 'en-GB',
};

describe('session recap', () => {
  it('gathers goals, outcomes, this session’s commitments of each side and the next session, in the client’s zone', () => {
    const recap = buildRecap(input);
    expect(recap).toEqual({
      clientName: 'Amara',
      coachName: 'Sam',
      heldOn: 'Tuesday, 10 March 2026',
      goals: input.agenda.goals.map(({ text, met }) => ({ text, met })),
      outcomes: [{ title: 'CV', outcome: 'Two pages,\nskills first.' }],
      yourCommitments: [{ text: 'Rewrite the CV', due: 'Friday, 20 March 2026' }],
      coachCommitments: [{ text: 'Introduce Amara to Lee', due: null }],
      next: { date: 'Wednesday, 25 March 2026', time: '00:30–01:30 GMT+9', place: 'Video call: https://meet.example/xyz' },
    });
  });

  it('writes it as plain text addressed to the client as “you” and naming the coach by first name', () => {
    expect(recapText(buildRecap(input))).toBe(
      [
        'Our session on Tuesday, 10 March 2026',
        '',
        'What we set out to do',
        '- Agree the CV structure — Met',
        '- Pick three target companies — Partly met',
        '- Practise the salary talk — Not met yet',
        '- Talk about the offer',
        '',
        'What came out of it',
        '- CV: Two pages, skills first.',
        '',
        'What you said you would do',
        '- Rewrite the CV (by Friday, 20 March 2026)',
        '',
        'What Sam will do',
        '- Introduce Amara to Lee',
        '',
        'Our next session',
        'Wednesday, 25 March 2026, 00:30–01:30 GMT+9',
        'Video call: https://meet.example/xyz',
      ].join('\n'),
    );
  });

  it('says when no next session is booked, and leaves out what is empty', () => {
    const text = recapText(buildRecap({ ...input, agenda: null, commitments: [], sessions: [input.session] }));
    expect(text).toBe('Our session on Tuesday, 10 March 2026\n\nOur next session\nNot booked yet.');
  });
});

describe('sent stamps', () => {
  it('are channels of the contract, so the IPC fuzz and both hosts walk them', () => {
    expect(CHANNELS).toEqual(expect.arrayContaining(['sessions:stampAgendaSent', 'sessions:stampRecapSent']));
  });

  it('stamps the agenda and the recap as sent once, keeps the first time, and clears on undo', async () => {
    let now = '2026-03-10T16:00:00.000Z';
    const workspace = await testWorkspace({ now: () => new Date(now) });
    const client = await workspace.clients.create({ name: 'Amara' });
    const { id } = await workspace.sessions.create(client.id, { startsAt: '2026-03-10T14:00:00.000Z', mode: 'video' });
    expect(await workspace.sessions.stampAgendaSent(client.id, id, true)).toMatchObject({ agendaSentAt: now, recapSentAt: null });
    expect(await workspace.sessions.stampRecapSent(client.id, id, true)).toMatchObject({ agendaSentAt: now, recapSentAt: now });
    const first = now;
    now = '2026-03-11T09:00:00.000Z';
    expect(await workspace.sessions.stampRecapSent(client.id, id, true)).toMatchObject({ recapSentAt: first });
    expect(await workspace.sessions.stampAgendaSent(client.id, id, false)).toMatchObject({ agendaSentAt: null, recapSentAt: first });
    expect((await workspace.sessions.list(client.id))[0]).toMatchObject({ agendaSentAt: null, recapSentAt: first });
    await expect(workspace.sessions.stampRecapSent(client.id, ids.next, true)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
