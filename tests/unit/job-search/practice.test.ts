import { describe, expect, it } from 'vitest';
import { practiceJobSearch } from '../../../shared/job-search/practice';
import { local } from '../trust/fixtures';
import { application, clientWithApplications } from './fixtures';

// Wednesday 11 March 2026, noon local time.
const NOW = new Date(2026, 2, 11, 12);

describe('practiceJobSearch', () => {
  it('counts active clients at each stage, leaving out clients who are not active', () => {
    const amara = clientWithApplications('Amara', [
      application('Alpha', [['applied', local(2026, 3, 10)]]),
      application('Beta', [['applied', local(2026, 3, 10)]]),
      application('Gamma', [['interviews', local(2026, 3, 10)]]),
    ]);
    const tom = clientWithApplications('Tom', [application('Delta', [['applied', local(2026, 3, 10)]])]);
    const paused = clientWithApplications('Paused', [application('Echo', [['applied', local(2026, 3, 10)]])], 'paused');
    const result = practiceJobSearch([amara, tom, paused], NOW);
    expect(result.activeClients).toBe(2);
    const at = Object.fromEntries(result.stages.map((entry) => [entry.stage, [entry.clients, entry.applications]]));
    expect(at).toMatchObject({ interested: [0, 0], applied: [2, 3], interviews: [1, 1], offer: [0, 0] });
  });

  it('lists open applications with no stage change or completed next action for 21 days, longest first', () => {
    const stalled = application('Stalled', [
      ['interested', local(2026, 1, 2)],
      ['applied', local(2026, 2, 18, 23)],
    ]);
    const justInside = application('Recent', [['applied', local(2026, 2, 19, 0, 30)]]);
    const revived = application('Revived', [['applied', local(2026, 1, 5)]], {
      nextAction: { text: 'Follow up', dueDate: '2026-03-01', doneAt: local(2026, 3, 1) },
    });
    const openAction = application('Open action', [['screening', local(2026, 1, 5)]], {
      nextAction: { text: 'Follow up', dueDate: '2026-03-20', doneAt: null },
    });
    const closed = application('Closed', [['rejected', local(2026, 1, 5)]]);
    const result = practiceJobSearch([clientWithApplications('Amara', [stalled, justInside, revived, openAction, closed])], NOW);
    expect(result.stalled.map((entry) => [entry.organisation, entry.days])).toEqual([
      ['Open action', 65],
      ['Stalled', 21],
    ]);
    expect(result.stalled[1].lastMovedAt).toBe(local(2026, 2, 18, 23));
  });

  it('lists interviews this week: next action due in the next seven days, or moved to interviews in the last seven', () => {
    const dueSoon = application('Due Tuesday', [['interviews', local(2026, 2, 1)]], {
      nextAction: { text: 'Panel interview', dueDate: '2026-03-17', doneAt: null },
    });
    const dueLater = application('Due later', [['interviews', local(2026, 2, 1)]], {
      nextAction: { text: 'Second round', dueDate: '2026-03-18', doneAt: null },
    });
    const movedRecently = application('Moved Thursday', [
      ['applied', local(2026, 2, 1)],
      ['interviews', local(2026, 3, 5, 8)],
    ]);
    const movedEarlier = application('Moved earlier', [['interviews', local(2026, 3, 4, 23)]]);
    const notInterviews = application('Screening', [['screening', local(2026, 3, 10)]], {
      nextAction: { text: 'Call', dueDate: '2026-03-12', doneAt: null },
    });
    const result = practiceJobSearch(
      [clientWithApplications('Amara', [dueSoon, dueLater, movedRecently, movedEarlier, notInterviews])],
      NOW,
    );
    expect(result.interviewsThisWeek.map((entry) => entry.organisation)).toEqual(['Due Tuesday', 'Moved Thursday']);
    expect(result.interviewsThisWeek[0].nextAction).toEqual({ text: 'Panel interview', dueDate: '2026-03-17' });
    expect(result.interviewsThisWeek[1]).toMatchObject({ nextAction: null, movedAt: local(2026, 3, 5, 8) });
  });

  it('lists offers outstanding, oldest first, with their salary and start date', () => {
    const offer = { salary: '£80,000', bonus: '', benefits: '', startDate: '2026-05-01', ratings: [], notes: '' };
    const older = application('Older', [['offer', local(2026, 3, 1)]], { offer });
    const newer = application('Newer', [['offer', local(2026, 3, 9)]]);
    const accepted = application('Accepted', [['accepted', local(2026, 3, 9)]], { offer });
    const result = practiceJobSearch([clientWithApplications('Amara', [newer, older, accepted])], NOW);
    expect(result.offersOutstanding.map((entry) => [entry.organisation, entry.salary, entry.startDate])).toEqual([
      ['Older', '£80,000', '2026-05-01'],
      ['Newer', '', null],
    ]);
  });
});
