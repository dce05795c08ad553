import { describe, expect, it } from 'vitest';
import type { TrustRatings } from '../../../shared/trust/quotient';
import { costliestComponent, oneStepGains } from '../../../shared/trust/focus-component';
import { agendaRoute, suggestFocus } from '../../../shared/trust/focus';
import { agenda, clientDocument, commitment, local, session } from './fixtures';

const ratings = (credibility: number, reliability: number, intimacy: number, selfOrientation: number): TrustRatings => ({
  credibility,
  reliability,
  intimacy,
  selfOrientation,
});
const now = new Date(local(2026, 6, 30, 12));

describe('the component costing the most trust', () => {
  it('computes one-point gains by hand', () => {
    // C6 R3 I3 S8: raising C, R or I adds 1/8; lowering S to 7 adds 12/7 − 12/8 = 3/14.
    const gains = oneStepGains(ratings(6, 3, 3, 8));
    expect(gains.map((entry) => entry.gain)).toEqual([0.125, 0.125, 0.125, 12 / 7 - 1.5]);
    expect(oneStepGains(ratings(10, 10, 10, 1)).map((entry) => entry.gain)).toEqual([0, 0, 0, 0]);
  });

  it('is the weakest component, with self-orientation inverted', () => {
    expect(costliestComponent(ratings(7, 8, 5, 4))).toBe('intimacy');
    expect(costliestComponent(ratings(8, 3, 6, 4))).toBe('reliability');
    expect(costliestComponent(ratings(4, 8, 8, 5))).toBe('credibility');
    expect(costliestComponent(ratings(8, 8, 8, 6))).toBe('selfOrientation');
  });

  it('breaks ties by the larger gain in the quotient', () => {
    // Strengths 6, 3, 3, 3: S gains 3/14 > 1/8, so self-orientation.
    expect(costliestComponent(ratings(6, 3, 3, 8))).toBe('selfOrientation');
    // C, R, I tie with equal gains: reliability comes first.
    expect(costliestComponent(ratings(5, 5, 5, 1))).toBe('reliability');
  });

  it('is none when every component is at its best', () => {
    expect(costliestComponent(ratings(10, 10, 10, 1))).toBeNull();
  });
});

describe('suggested focus', () => {
  it('links reliability practices to the next unconfirmed session and overdue commitments', () => {
    const next = session(local(2026, 7, 2, 10), { status: 'planned' });
    const document = clientDocument({
      sessions: [next, session(local(2026, 7, 9, 10), { status: 'planned' })],
      agendas: [agenda(next.id)],
      commitments: [commitment('2026-06-20', null), commitment('2026-06-25', null), commitment('2026-06-26', local(2026, 6, 26))],
    });
    const focus = suggestFocus(document, { source: 'coach', ratings: ratings(8, 3, 6, 4) }, { now, noContactDays: 21 });
    const tab = (name: string) => `/clients/${document.client.id}?tab=${name}`;
    expect(focus).toMatchObject({
      component: 'reliability',
      source: 'coach',
      reason: 'Reliability is the lowest of the three (3 of 10). Raising reliability by one would take trust from 4.3 to 4.5.',
    });
    expect(focus?.practices.map((practice) => practice.link)).toEqual([
      { to: tab('commitments'), label: 'Deliver 2 overdue commitments', at: null },
      { to: tab('sessions'), label: 'Reconfirm the session on', at: next.startsAt },
      { to: agendaRoute(document.client.id, next.id), label: 'Review the agenda for the session on', at: next.startsAt },
    ]);
  });

  it('suggests getting in touch when the client has been quiet too long', () => {
    const document = clientDocument({ notes: [local(2026, 6, 1, 9)] });
    const focus = suggestFocus(document, { source: 'client', ratings: ratings(7, 8, 5, 4) }, { now, noContactDays: 21 });
    expect(focus?.component).toBe('intimacy');
    expect(focus?.practices.map((practice) => practice.id)).toEqual(['ask-question', 'client-agenda-items', 'get-in-touch']);
    expect(focus?.practices[2].text).toBe('Spend time with the client: it has been 29 days since you were last in touch.');
    expect(focus?.practices[0].link.label).toBe('Pick a question for Amara');
  });

  it('points self-orientation at the latest session still missing a reflection', () => {
    const held = session(local(2026, 6, 25, 10));
    const document = clientDocument({ sessions: [held] });
    const focus = suggestFocus(document, { source: 'coach', ratings: ratings(8, 8, 8, 6) }, { now, noContactDays: 21 });
    expect(focus?.component).toBe('selfOrientation');
    expect(focus?.practices[0].link).toEqual({
      to: `/clients/${document.client.id}?tab=sessions`,
      label: 'Reflect on the session of',
      at: held.startsAt,
    });
  });
});
