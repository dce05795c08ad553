import { describe, expect, it } from 'vitest';
import { nextActionsDue } from '../../../shared/today/next-actions';
import { trustEvidence } from '../../../shared/trust/evidence';
import { commitment, local } from '../trust/fixtures';
import { application, clientWithApplications } from './fixtures';

const now = new Date(local(2026, 3, 11, 12));

describe('next actions on Today', () => {
  it('lists open next actions due today or overdue on open applications, earliest first', () => {
    const overdue = application('Overdue', [['applied', local(2026, 3, 1)]], {
      nextAction: { text: 'Chase the recruiter', dueDate: '2026-03-09', doneAt: null },
    });
    const today = application('Today', [['interviews', local(2026, 3, 1)]], {
      nextAction: { text: 'Prepare the case study', dueDate: '2026-03-11', doneAt: null },
    });
    const later = application('Later', [['applied', local(2026, 3, 1)]], {
      nextAction: { text: 'Send thanks', dueDate: '2026-03-12', doneAt: null },
    });
    const done = application('Done', [['applied', local(2026, 3, 1)]], {
      nextAction: { text: 'Apply', dueDate: '2026-03-10', doneAt: local(2026, 3, 10) },
    });
    const closed = application('Closed', [['withdrawn', local(2026, 3, 1)]], {
      nextAction: { text: 'Tell them', dueDate: '2026-03-10', doneAt: null },
    });
    const archived = clientWithApplications('Archived', [today], 'archived');
    const result = nextActionsDue([clientWithApplications('Amara', [today, later, done, closed, overdue]), archived], now);
    expect(result.map((entry) => [entry.organisation, entry.text, entry.timing])).toEqual([
      ['Overdue', 'Chase the recruiter', 'overdue'],
      ['Today', 'Prepare the case study', 'due-today'],
    ]);
  });
});

describe('next actions in the trust evidence', () => {
  it('counts a next action done by its due date as a kept client commitment, and a past-due open one as not kept', () => {
    const kept = application('Kept', [['applied', local(2026, 3, 1)]], {
      nextAction: { text: 'Apply', dueDate: '2026-03-05', doneAt: local(2026, 3, 5, 20) },
    });
    const missed = application('Missed', [['applied', local(2026, 3, 1)]], {
      nextAction: { text: 'Follow up', dueDate: '2026-03-06', doneAt: null },
    });
    const notYetDue = application('Not yet due', [['applied', local(2026, 3, 1)]], {
      nextAction: { text: 'Call', dueDate: '2026-03-20', doneAt: null },
    });
    const document = clientWithApplications('Amara', [kept, missed, notYetDue]);
    document.commitments = [commitment('2026-03-02', local(2026, 3, 1), 'client'), commitment('2026-03-02', null, 'coach')];
    const found = trustEvidence(document, { now }).find((entry) => entry.id === 'client-commitments-kept');
    expect(found).toMatchObject({
      component: 'reliability',
      numerator: 2,
      denominator: 3,
      text: '2 of 3 client commitments kept by the due date (2 of them job-search next actions)',
    });
  });

  it('says nothing about the client while none of their commitments is settled', () => {
    const open = application('Open', [['applied', local(2026, 3, 1)]], {
      nextAction: { text: 'Call', dueDate: '2026-03-20', doneAt: null },
    });
    const ids = trustEvidence(clientWithApplications('Amara', [open]), { now }).map((entry) => entry.id);
    expect(ids).not.toContain('client-commitments-kept');
  });
});
