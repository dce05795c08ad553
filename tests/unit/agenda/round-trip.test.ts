import { describe, expect, it } from 'vitest';
import { agendaRef, diffAgenda, exportAgendaText, parseAgendaReply } from '../../../shared/agenda';
import { CONTEXT, item, sampleAgenda } from './fixtures';

describe('exportAgendaText', () => {
  it('writes plain text: reference line, when and where, goals, items with minutes and who proposed them, invitation and sign-off', () => {
    const agenda = sampleAgenda();
    const text = exportAgendaText(agenda, {
      ...CONTEXT,
      durationMinutes: 60,
      mode: 'video',
      location: 'https://meet.example.com/a',
      coachName: 'Sam Lee',
    });
    expect(text).toBe(
      [
        `Agenda for Amara, Monday, 9 March 2026 · ref ${agendaRef(agenda.id)}`,
        'When: Monday, 9 March 2026, 10:00–11:00 UTC',
        'Where: Video call: https://meet.example.com/a',
        '',
        'Goals for this meeting',
        '- Agree on three target employers',
        '- Leave with a plan for the CV rewrite',
        '',
        'What we will cover',
        '1. Check-in: how the week went (10 min) — proposed by Sam',
        '2. Review the CV draft (20 min) — proposed by Sam',
        '   Focus on the summary and the last two roles.',
        '     - bring printed copy',
        '3. Shortlist target employers (15 min) — proposed by you',
        '4. Next steps and commitments (10 min) — proposed by Sam',
        '',
        'Add, remove, reorder or re-time anything here, then reply with your changes.',
        '',
        'See you then,',
        'Sam',
        '',
      ].join('\n'),
    );
    expect(text).not.toMatch(/^#/mu);
  });

  it('names the coach’s items “your coach” while Settings has no name, and gives the place of an in-person session', () => {
    const text = exportAgendaText(sampleAgenda(), { ...CONTEXT, mode: 'in-person', location: 'Room 4, 12 High Street' });
    expect(text).toContain('— proposed by your coach');
    expect(text).toContain('Where: Room 4, 12 High Street');
    expect(text).not.toContain('proposed by me');
  });

  it('says when there are no goals or items yet', () => {
    const text = exportAgendaText({ goals: [], items: [] }, CONTEXT);
    expect(text.match(/\(none yet\)/g)).toHaveLength(2);
    const parsed = parseAgendaReply(text);
    expect([parsed.goals, parsed.items, parsed.comments]).toEqual([[], [], []]);
  });
});

describe('round trip', () => {
  it('export then parse gives back the goals and items, and no changes', () => {
    const agenda = sampleAgenda();
    const parsed = parseAgendaReply(exportAgendaText(agenda, CONTEXT));
    expect(parsed.comments).toEqual([]);
    expect(parsed.goals).toEqual(agenda.goals.map((goal) => goal.text));
    expect(parsed.items).toEqual(agenda.items.map(({ title, minutes, details }) => ({ title, minutes, details })));
    expect(diffAgenda(agenda, parsed)).toEqual([]);
  });

  it('survives awkward titles: accents, emoji, brackets, times of day, numbers', () => {
    const agenda = {
      ...sampleAgenda(),
      items: [
        item('Préparer l’entretien avec Zoë 🎯', 25),
        item('Plan for Q3 (draft)', 0),
        item('Prepare for 1:1 with manager', 15),
        item('Top 5 companies', 5, { details: 'Line one\n\nLine three after a gap' }),
        item('Salary talk 15m', 20),
        item('日本語のタイトル', 30),
      ],
    };
    const text = exportAgendaText(agenda, CONTEXT);
    const parsed = parseAgendaReply(text);
    expect(parsed.comments).toEqual([]);
    expect(diffAgenda(agenda, parsed)).toEqual([]);
    expect(diffAgenda(agenda, parseAgendaReply(text.replaceAll('\n', '\r\n')))).toEqual([]);
  });

  it('survives being quoted back in a reply, nested or not', () => {
    const agenda = sampleAgenda();
    const text = exportAgendaText(agenda, CONTEXT);
    const quoted = text
      .split('\n')
      .map((line) => `> ${line}`)
      .join('\n');
    const twice = quoted
      .split('\n')
      .map((line) => `>${line}`)
      .join('\n');
    expect(diffAgenda(agenda, parseAgendaReply(quoted))).toEqual([]);
    expect(diffAgenda(agenda, parseAgendaReply(twice))).toEqual([]);
  });
});
