import { describe, expect, it } from 'vitest';
import { applyChanges, describeChange, diffAgenda, exportAgendaText, parseAgendaReply, timeBudget } from '../../../shared/agenda';
import type { AgendaChange } from '../../../shared/agenda';
import { Agenda } from '../../../shared/model/agenda';
import { CONTEXT, NOW, sampleAgenda, sequentialIds } from './fixtures';

/** The shared text with `edit` applied to its lines, as a client would return it. */
function replyWith(agenda: Agenda, edit: (lines: string[]) => string[]): string {
  return edit(exportAgendaText(agenda, CONTEXT).split('\n')).join('\n');
}

function kinds(changes: AgendaChange[]): string[] {
  return changes.map((change) => change.kind);
}

const LATER = '2026-03-05T18:30:00.000Z';

describe('diffAgenda', () => {
  it('finds an added item at its place in the reply', () => {
    const agenda = sampleAgenda();
    const reply = replyWith(agenda, (lines) => {
      lines.splice(lines.indexOf('3. Shortlist target employers (15 min) — proposed by you'), 0, '- Salary expectations 10m');
      return lines;
    });
    const changes = diffAgenda(agenda, parseAgendaReply(reply));
    expect(changes).toEqual([
      {
        id: 'added:3',
        kind: 'added',
        title: 'Salary expectations',
        minutes: 10,
        details: '',
        to: 3,
        precededBy: [agenda.items[1].id, agenda.items[0].id],
      },
    ]);
  });

  it('finds a removed item and does not call the rest moved', () => {
    const agenda = sampleAgenda();
    const reply = replyWith(agenda, (lines) => lines.filter((line) => !line.startsWith('1. Check-in')));
    expect(diffAgenda(agenda, parseAgendaReply(reply))).toEqual([
      { id: `removed:${agenda.items[0].id}`, kind: 'removed', itemId: agenda.items[0].id, title: 'Check-in: how the week went' },
    ]);
  });

  it('finds the one item that moved, not every item that shifted', () => {
    const agenda = sampleAgenda();
    const reply = replyWith(agenda, (lines) => {
      const last = lines.findIndex((line) => line.startsWith('4. '));
      const [moved] = lines.splice(last, 1);
      lines.splice(
        lines.findIndex((line) => line.startsWith('1. ')),
        0,
        moved,
      );
      return lines;
    });
    const changes = diffAgenda(agenda, parseAgendaReply(reply));
    expect(changes).toEqual([
      expect.objectContaining({ id: `moved:${agenda.items[3].id}`, kind: 'moved', from: 4, to: 1, precededBy: [] }),
    ]);
  });

  it('finds re-timed items in any notation and ignores items given no minutes', () => {
    const agenda = sampleAgenda();
    const reply = replyWith(agenda, (lines) =>
      lines.map((line) =>
        line
          .replace('Check-in: how the week went (10 min)', "Check-in: how the week went 5'")
          .replace('Review the CV draft (20 min)', 'Review the CV draft 0:30')
          .replace('Next steps and commitments (10 min)', 'Next steps and commitments'),
      ),
    );
    const changes = diffAgenda(agenda, parseAgendaReply(reply));
    expect(changes.map((change) => change.kind === 'retimed' && [change.itemId, change.fromMinutes, change.toMinutes])).toEqual([
      [agenda.items[0].id, 10, 5],
      [agenda.items[1].id, 20, 30],
    ]);
  });

  it('matches reworded titles by similarity, including typos and accents', () => {
    const agenda = sampleAgenda();
    const reply = replyWith(agenda, (lines) =>
      lines.map((line) =>
        line
          .replace('Review the CV draft', 'Review my CV draft (new version)')
          .replace('Shortlist target employers', 'Shortlist target emplyers')
          .replace('Next steps and commitments', 'Next steps & commitments ✅'),
      ),
    );
    const changes = diffAgenda(agenda, parseAgendaReply(reply));
    expect(kinds(changes)).toEqual(['reworded', 'reworded', 'reworded']);
    expect(changes.map((change) => change.kind === 'reworded' && change.toTitle)).toEqual([
      'Review my CV draft (new version)',
      'Shortlist target emplyers',
      'Next steps & commitments ✅',
    ]);
  });

  it('treats a completely different title as removed plus added', () => {
    const agenda = sampleAgenda();
    const reply = replyWith(agenda, (lines) =>
      lines.map((line) => line.replace('Shortlist target employers', 'Practise the salary conversation')),
    );
    expect(kinds(diffAgenda(agenda, parseAgendaReply(reply)))).toEqual(['added', 'removed']);
  });

  it('finds changed details as a rewording of the same title', () => {
    const agenda = sampleAgenda();
    const reply = replyWith(agenda, (lines) => lines.map((line) => line.replace('- bring printed copy', '- I will bring two copies')));
    const [change] = diffAgenda(agenda, parseAgendaReply(reply));
    expect(change).toMatchObject({ kind: 'reworded', fromTitle: 'Review the CV draft', toTitle: 'Review the CV draft' });
    expect(describeChange(change)).toBe('Changed the details of “Review the CV draft”');
  });

  it('finds goals added, changed and removed', () => {
    const agenda = sampleAgenda();
    const reply = replyWith(agenda, (lines) =>
      lines.flatMap((line) => {
        if (line === '- Agree on three target employers')
          return ['- Agree on two or three target employers', '- Feel ready to talk to my manager'];
        if (line === '- Leave with a plan for the CV rewrite') return [];
        return [line];
      }),
    );
    const changes = diffAgenda(agenda, parseAgendaReply(reply));
    expect(changes).toEqual([
      {
        id: `goal-changed:${agenda.goals[0].id}`,
        kind: 'goal-changed',
        goalId: agenda.goals[0].id,
        from: 'Agree on three target employers',
        to: 'Agree on two or three target employers',
      },
      { id: 'goal-added:2', kind: 'goal-added', text: 'Feel ready to talk to my manager', precededBy: [agenda.goals[0].id] },
      {
        id: `goal-removed:${agenda.goals[1].id}`,
        kind: 'goal-removed',
        goalId: agenda.goals[1].id,
        text: 'Leave with a plan for the CV rewrite',
      },
    ]);
  });

  it('gives the same ids for the same agenda and reply', () => {
    const agenda = sampleAgenda();
    const reply = replyWith(agenda, (lines) => lines.reverse());
    expect(diffAgenda(agenda, parseAgendaReply(reply))).toEqual(diffAgenda(agenda, parseAgendaReply(reply)));
  });
});

describe('applyChanges', () => {
  /** A reply that adds, removes, reorders and re-times, plus a new goal. */
  function busyReply(agenda: Agenda): string {
    return [
      'Hi Sam, a few changes below.',
      '',
      '## Goals for this meeting',
      '- Agree on three target employers',
      '- Leave with a plan for the CV rewrite',
      '- Know what to say about salary',
      '',
      '## What we will cover',
      '1. Shortlist target employers (25 min)',
      '2. Check-in: how the week went (10 min)',
      '3. Salary expectations (15 min)',
      '   Range and how to ask.',
      '4. Next steps and commitments (5 min)',
      '',
      `Thanks, Amara (${agenda.items.length} items before)`,
    ].join('\r\n');
  }

  it('applies every change: the result reads back exactly as the reply', () => {
    const agenda = sampleAgenda();
    const parsed = parseAgendaReply(busyReply(agenda));
    const changes = diffAgenda(agenda, parsed);
    expect(kinds(changes).sort()).toEqual(['added', 'goal-added', 'moved', 'removed', 'retimed', 'retimed'].sort());
    const result = applyChanges(
      agenda,
      changes,
      changes.map((change) => change.id),
      sequentialIds(),
      LATER,
    );
    expect(result.items.map((entry) => [entry.title, entry.minutes, entry.proposedBy])).toEqual([
      ['Shortlist target employers', 25, 'client'],
      ['Check-in: how the week went', 10, 'coach'],
      ['Salary expectations', 15, 'client'],
      ['Next steps and commitments', 5, 'coach'],
    ]);
    expect(result.items[2].details).toBe('Range and how to ask.');
    expect(result.goals.map((goal) => goal.text)).toEqual([
      'Agree on three target employers',
      'Leave with a plan for the CV rewrite',
      'Know what to say about salary',
    ]);
    expect(diffAgenda(result, parsed)).toEqual([]);
    expect(result.updatedAt).toBe(LATER);
    expect(() => Agenda.parse(result)).not.toThrow();
  });

  it('keeps the coach’s version of every rejected change', () => {
    const agenda = sampleAgenda();
    const changes = diffAgenda(agenda, parseAgendaReply(busyReply(agenda)));
    const accept = changes.filter((change) => change.kind === 'added' || change.kind === 'retimed').map((change) => change.id);
    const result = applyChanges(agenda, changes, accept, sequentialIds(), LATER);
    // The move was rejected, so Shortlist stays third; the new item follows its reply neighbour, Check-in.
    expect(result.items.map((entry) => [entry.title, entry.minutes])).toEqual([
      ['Check-in: how the week went', 10],
      ['Salary expectations', 15],
      ['Review the CV draft', 20],
      ['Shortlist target employers', 25],
      ['Next steps and commitments', 5],
    ]);
    expect(result.goals).toEqual(agenda.goals);
  });

  it('rejecting everything changes nothing but the history', () => {
    const agenda = sampleAgenda();
    const changes = diffAgenda(agenda, parseAgendaReply(busyReply(agenda)));
    const result = applyChanges(agenda, changes, [], sequentialIds(), LATER);
    expect(result.items).toEqual(agenda.items);
    expect(result.goals).toEqual(agenda.goals);
    expect(result.history).toEqual([
      { id: expect.any(String), at: LATER, author: 'coach', summary: 'Went through the client’s reply: accepted 0 of 6 changes' },
    ]);
  });

  it('records each accepted change under the client, and the review under the coach', () => {
    const agenda = {
      ...sampleAgenda(),
      history: [{ id: sequentialIds()(), at: NOW, author: 'coach' as const, summary: 'Drafted the agenda' }],
    };
    const changes = diffAgenda(agenda, parseAgendaReply(busyReply(agenda)));
    const accept = changes.filter((change) => change.kind === 'added' || change.kind === 'removed').map((change) => change.id);
    const result = applyChanges(agenda, changes, accept, sequentialIds(), LATER);
    expect(result.history.map(({ author, summary, at }) => [author, summary, at])).toEqual([
      ['coach', 'Drafted the agenda', NOW],
      ['client', 'Added “Salary expectations” (15 min) as item 3', LATER],
      ['client', 'Removed “Review the CV draft”', LATER],
      ['coach', 'Went through the client’s reply: accepted 2 of 6 changes', LATER],
    ]);
  });

  it('places an added item after the nearest item that is still there', () => {
    const agenda = sampleAgenda();
    const reply = replyWith(agenda, (lines) => {
      lines.splice(lines.findIndex((line) => line.startsWith('2. ')) + 3, 0, '- Portfolio (5 min)');
      return lines;
    });
    const changes = diffAgenda(agenda, parseAgendaReply(reply));
    expect(kinds(changes)).toEqual(['added']);
    const result = applyChanges(agenda, changes, ['added:3'], sequentialIds(), LATER);
    expect(result.items.map((entry) => entry.title)).toEqual([
      'Check-in: how the week went',
      'Review the CV draft',
      'Portfolio',
      'Shortlist target employers',
      'Next steps and commitments',
    ]);
  });

  it('gives an added item without minutes 0 minutes, for the coach to set', () => {
    const agenda = sampleAgenda();
    const reply = replyWith(agenda, (lines) => [...lines.slice(0, -2), '5. Anything else', ...lines.slice(-2)]);
    const changes = diffAgenda(agenda, parseAgendaReply(reply));
    const result = applyChanges(agenda, changes, ['added:5'], sequentialIds(), LATER);
    expect(result.items.at(-1)).toMatchObject({ title: 'Anything else', minutes: 0, proposedBy: 'client', goalId: null, outcome: '' });
  });

  it('returns the agenda untouched when the reply has no changes', () => {
    const agenda = sampleAgenda();
    expect(applyChanges(agenda, [], [], sequentialIds(), LATER)).toBe(agenda);
  });
});

describe('timeBudget', () => {
  it('adds up the minutes and says how far over the session they run', () => {
    expect(timeBudget([{ minutes: 10 }, { minutes: 20 }, { minutes: 15 }], 60)).toEqual({ planned: 45, available: 60, over: 0 });
    expect(timeBudget([{ minutes: 40 }, { minutes: 35 }], 60)).toEqual({ planned: 75, available: 60, over: 15 });
    expect(timeBudget([{ minutes: 30 }, { minutes: null }, { minutes: 30 }], 60)).toEqual({ planned: 60, available: 60, over: 0 });
    expect(timeBudget([], 45)).toEqual({ planned: 0, available: 45, over: 0 });
  });
});
