import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { SessionIntimacy } from '../../../shared/model/intimacy';
import { trustEvidence } from '../../../shared/trust/evidence';
import { clientDocument, local, session } from '../trust/fixtures';

const now = new Date(local(2026, 6, 30, 12));
const AT = local(2026, 6, 1);

function lookBack(sessionId: string, fields: Partial<SessionIntimacy>): SessionIntimacy {
  return {
    id: randomUUID(),
    createdAt: AT,
    updatedAt: AT,
    sessionId,
    questions: [],
    firstMove: '',
    firstMoveMade: false,
    clientResponse: '',
    heldBack: false,
    heldBackWhy: '',
    reflectedAt: AT,
    ...fields,
  };
}

const asked = (questionId: string, wayOutGiven: boolean) => ({ questionId, asked: true, wayOutGiven });

describe('intimacy evidence from the look back on sessions', () => {
  it('counts only sessions looked back on in the window, and only personal questions for the way out', () => {
    const a = session(local(2026, 6, 2, 10));
    const b = session(local(2026, 6, 9, 10));
    const notReflected = session(local(2026, 6, 16, 10));
    const cancelled = session(local(2026, 6, 17, 10), { status: 'cancelled' });
    const old = session(local(2026, 3, 1, 10));
    const document = clientDocument({
      sessions: [a, b, notReflected, cancelled, old],
      intimacy: {
        clientQuestions: [],
        phrasings: [],
        sessions: [
          lookBack(a.id, {
            questions: [asked('hard', true), asked('everyday', false), { questionId: 'hard-2', asked: false, wayOutGiven: false }],
            firstMoveMade: true,
          }),
          lookBack(b.id, { questions: [asked('hard-2', false)], heldBack: true }),
          lookBack(notReflected.id, { questions: [asked('hard', false)], firstMoveMade: true, reflectedAt: null }),
          lookBack(cancelled.id, { questions: [asked('hard', false)], firstMoveMade: true }),
          lookBack(old.id, { questions: [asked('hard', false)], firstMoveMade: true }),
        ],
      },
    });
    const personal = new Set(['hard', 'hard-2']);
    const indicators = trustEvidence(document, { now, isPersonal: (id) => personal.has(id) }).filter(
      (entry) => entry.component === 'intimacy',
    );
    const byId = Object.fromEntries(indicators.map((entry) => [entry.id, entry]));
    expect(byId['questions-with-way-out']).toMatchObject({ numerator: 1, denominator: 2, ratio: 0.5 });
    expect(byId['first-moves-made']).toMatchObject({
      numerator: 1,
      denominator: 2,
      text: 'You went first in 1 of 2 sessions you looked back on',
    });
    expect(byId['held-back']).toMatchObject({
      numerator: 1,
      denominator: 2,
      text: 'You held back something you meant to say in 1 of 2 sessions you looked back on',
    });
  });

  it('shows nothing of these practices until a session is looked back on, and no way-out share without a personal question', () => {
    const a = session(local(2026, 6, 2, 10));
    const planned = clientDocument({
      sessions: [a],
      intimacy: { clientQuestions: [], phrasings: [], sessions: [lookBack(a.id, { reflectedAt: null })] },
    });
    const ids = (document: typeof planned) => trustEvidence(document, { now }).map((entry) => entry.id);
    expect(ids(planned)).not.toContain('first-moves-made');
    const reflected = clientDocument({
      sessions: [a],
      intimacy: { clientQuestions: [], phrasings: [], sessions: [lookBack(a.id, { questions: [asked('hard', true)] })] },
    });
    expect(ids(reflected)).toContain('first-moves-made');
    expect(ids(reflected)).not.toContain('questions-with-way-out');
  });
});
