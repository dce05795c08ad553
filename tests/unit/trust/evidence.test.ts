import { describe, expect, it } from 'vitest';
import { trustEvidence, type EvidenceIndicator } from '../../../shared/trust/evidence';
import { agenda, clientDocument, commitment, local, reflection, session } from './fixtures';

const now = new Date(local(2026, 6, 30, 12));

function byId(indicators: EvidenceIndicator[]) {
  return Object.fromEntries(indicators.map((entry) => [entry.id, entry]));
}

/** Three sessions in the window (A, B, C), one cancelled, one too old, one still to come. */
function richDocument() {
  const a = session(local(2026, 6, 2, 10), {
    materialsSentAt: local(2026, 5, 31, 10),
    reconfirmedAt: local(2026, 6, 1, 9),
    reflection: reflection(['filled-silences', 'name-dropped'], ['asked-open-questions']),
  });
  const b = session(local(2026, 6, 9, 10), {
    materialsSentAt: local(2026, 6, 8, 11),
    reconfirmedAt: local(2026, 6, 9, 11),
    reflection: reflection([], ['asked-open-questions', 'reflected-and-summarised']),
  });
  const c = session(local(2026, 6, 16, 10), { status: 'no-show', materialsSentAt: local(2026, 6, 15, 10) });
  const cancelled = session(local(2026, 6, 23, 10), { status: 'cancelled', materialsSentAt: local(2026, 6, 1, 10) });
  const old = session(local(2026, 3, 1, 10), { reconfirmedAt: local(2026, 2, 28, 10) });
  const upcoming = session(local(2026, 7, 7, 10), { status: 'planned' });
  return clientDocument({
    sessions: [a, b, c, cancelled, old, upcoming],
    agendas: [
      agenda(a.id, { goals: ['yes', 'partly'], items: ['coach', 'client', 'client'], reviewedWithClientAt: local(2026, 6, 1, 15) }),
      agenda(b.id, { goals: ['no', 'unset'], items: ['coach'], reviewedWithClientAt: local(2026, 6, 9, 12) }),
      agenda(cancelled.id, { goals: ['no'], items: ['client', 'client'] }),
      agenda(old.id, { goals: ['yes'], items: ['client'], reviewedWithClientAt: local(2026, 2, 27, 10) }),
      agenda(upcoming.id, { items: ['client', 'coach'] }),
    ],
    commitments: [
      commitment('2026-06-10', local(2026, 6, 10, 20)), // on time: evening of the due date
      commitment('2026-06-10', local(2026, 6, 11, 9)), // late
      commitment('2026-06-20', null), // not done and past due: late
      commitment('2026-07-05', null), // not due yet: not judged
      commitment('2026-07-05', local(2026, 6, 25)), // delivered early: on time
      commitment('2026-03-01', local(2026, 3, 1)), // before the window
      commitment('2026-03-20', local(2026, 4, 5)), // became late before the window
      commitment('2026-06-01', null, 'client'), // the client's own commitment
      commitment(null, local(2026, 6, 3)), // no due date
    ],
    questionsAsked: [
      { id: crypto.randomUUID(), questionId: 'starter-know-01', askedAt: local(2026, 6, 2, 11), note: '' },
      { id: crypto.randomUUID(), questionId: 'starter-work-01', askedAt: local(2026, 6, 9, 11), note: '' },
      { id: crypto.randomUUID(), questionId: 'starter-work-02', askedAt: local(2026, 3, 1, 11), note: '' },
    ],
    notes: [local(2026, 6, 20, 9)],
  });
}

describe('trust evidence', () => {
  it('computes every indicator from the last 90 days', () => {
    const indicators = byId(trustEvidence(richDocument(), { now }));
    expect(indicators['commitments-on-time']).toEqual({
      id: 'commitments-on-time',
      component: 'reliability',
      label: 'Your commitments kept on time',
      numerator: 2,
      denominator: 4,
      ratio: 0.5,
      text: '2 of 4 commitments on time',
    });
    expect(indicators['materials-sent-early']).toMatchObject({
      numerator: 2,
      denominator: 3,
      text: '2 of 3 sessions with materials sent at least a day ahead',
    });
    expect(indicators['sessions-reconfirmed']).toMatchObject({
      numerator: 1,
      denominator: 3,
      text: '1 of 3 sessions reconfirmed beforehand',
    });
    expect(indicators['agendas-reviewed']).toMatchObject({
      numerator: 1,
      denominator: 2,
      ratio: 0.5,
      text: '1 of 2 agendas reviewed with the client before the session',
    });
    expect(indicators['meeting-goals-met']).toMatchObject({ numerator: 1, denominator: 3, text: '1 of 3 meeting goals met (1 partly)' });
    expect(indicators['client-proposed-items']).toMatchObject({
      component: 'intimacy',
      numerator: 3,
      denominator: 6,
      text: '3 of 6 agenda items proposed by the client',
    });
    expect(indicators['questions-asked']).toMatchObject({
      numerator: 2,
      denominator: 3,
      ratio: 2 / 3,
      text: '2 relationship questions asked over 3 sessions',
    });
    expect(indicators['days-since-contact']).toMatchObject({
      numerator: 10,
      denominator: 21,
      ratio: 10 / 21,
      text: '10 days since the last session or note',
    });
    expect(indicators['self-orientation-signs']).toMatchObject({
      component: 'selfOrientation',
      numerator: 2,
      denominator: 2,
      ratio: 1,
      text: '1 sign of self-focus per session (2 over 2 reflections)',
    });
    expect(indicators['good-habits']).toMatchObject({
      numerator: 3,
      denominator: 2,
      ratio: 1.5,
      text: '1.5 client-centred habits per session (3 over 2 reflections)',
    });
  });

  it('keeps a stable order: reliability, then intimacy, then self-orientation', () => {
    expect(trustEvidence(richDocument(), { now }).map((entry) => entry.id)).toEqual([
      'commitments-on-time',
      'client-commitments-kept',
      'materials-sent-early',
      'sessions-reconfirmed',
      'agendas-reviewed',
      'meeting-goals-met',
      'client-proposed-items',
      'questions-asked',
      'days-since-contact',
      'self-orientation-signs',
      'good-habits',
    ]);
  });

  it('depends only on the clock it is given', () => {
    const document = richDocument();
    // On 6 July the undone commitment due 5 July has become late; the last contact is 16 days back.
    const later = byId(trustEvidence(document, { now: new Date(local(2026, 7, 6, 12)) }));
    expect(later['commitments-on-time']).toMatchObject({ numerator: 2, denominator: 5 });
    expect(later['days-since-contact']).toMatchObject({ numerator: 16 });
    expect(trustEvidence(document, { now })).toEqual(trustEvidence(document, { now }));
  });

  it('uses the coach’s no-contact threshold', () => {
    expect(byId(trustEvidence(richDocument(), { now, noContactDays: 5 }))['days-since-contact']).toMatchObject({
      denominator: 5,
      ratio: 2,
    });
  });

  it('leaves out components without data', () => {
    expect(trustEvidence(clientDocument(), { now })).toEqual([]);
    const onlyCommitments = clientDocument({ commitments: [commitment('2026-06-01', null)] });
    expect(trustEvidence(onlyCommitments, { now }).map((entry) => entry.id)).toEqual(['commitments-on-time']);
  });

  it('counts contact today as zero days', () => {
    const document = clientDocument({ notes: [local(2026, 6, 30, 8)] });
    expect(trustEvidence(document, { now })).toEqual([
      expect.objectContaining({ id: 'days-since-contact', numerator: 0, text: 'In contact today' }),
    ]);
  });

  it('ignores records dated after the clock', () => {
    const document = clientDocument({ commitments: [commitment('2026-06-01', local(2026, 7, 2))] });
    // Delivered "in the future" relative to the clock, so on 30 June it is simply late.
    expect(byId(trustEvidence(document, { now }))['commitments-on-time']).toMatchObject({ numerator: 0, denominator: 1 });
  });
});
