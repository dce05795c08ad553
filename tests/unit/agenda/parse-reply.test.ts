import { describe, expect, it } from 'vitest';
import { parseAgendaReply } from '../../../shared/agenda';

const titles = (text: string) => parseAgendaReply(text).items.map((entry) => entry.title);
const minutes = (text: string) => parseAgendaReply(text).items.map((entry) => entry.minutes);
/** The client's own lines that were not read as a change, shown to the coach. */
const comments = (reply: ReturnType<typeof parseAgendaReply>) => reply.comments.map((entry) => entry.text);

describe('parseAgendaReply: reply variants', () => {
  it('1. reads our own format unchanged', () => {
    const reply = parseAgendaReply(
      '# Agenda for Amara — Monday\n\n## Goals for this meeting\n\n- Pick employers\n\n## What we will cover\n\n1. Check-in (10 min) — proposed by me\n2. CV (20 min) — proposed by you\n',
    );
    expect({ goals: reply.goals, items: reply.items, comments: comments(reply) }).toEqual({
      goals: ['Pick employers'],
      items: [
        { title: 'Check-in', minutes: 10, details: '' },
        { title: 'CV', minutes: 20, details: '' },
      ],
      comments: [],
    });
  });

  it('2. Gmail: reply on top, the edited agenda quoted below "On … wrote:" on two lines', () => {
    const reply = parseAgendaReply(
      [
        'Hi Sam,',
        '',
        'Looks good, I moved the CV up and added one thing.',
        '',
        'Amara',
        '',
        'On Mon, 2 Mar 2026 at 09:14, Sam Coach <sam@example.com>',
        'wrote:',
        '> # Agenda for Amara Okafor — Monday, 9 March 2026 at 10:00',
        '>',
        '> ## Goals for this meeting',
        '>',
        '> - Agree on three target employers',
        '>',
        '> ## What we will cover',
        '>',
        '> 1. Review the CV draft (20 min) — proposed by me',
        '> 2. Check-in (10 min) — proposed by me',
        '> 3. Salary expectations (15 min)',
      ].join('\n'),
    );
    expect(reply.goals).toEqual(['Agree on three target employers']);
    expect(reply.items.map((entry) => entry.title)).toEqual(['Review the CV draft', 'Check-in', 'Salary expectations']);
    expect(comments(reply)).toEqual(['Hi Sam,', 'Looks good, I moved the CV up and added one thing.', 'Amara']);
  });

  it('3. Outlook: edited agenda on top, then the header block and the unchanged original', () => {
    const reply = parseAgendaReply(
      [
        'Goals for this meeting:',
        '- Agree on three target employers',
        '- Decide whether to tell my manager',
        '',
        'What we will cover:',
        '1. Check-in (10 min)',
        '2. Talking to my manager (20 min)',
        '',
        'Kind regards,',
        'Amara',
        '',
        '________________________________',
        'From: Sam Coach <sam@example.com>',
        'Sent: Monday, March 2, 2026 9:14 AM',
        'To: Amara Okafor <amara@example.com>',
        'Subject: Agenda for Monday',
        '',
        'Goals for this meeting:',
        '- Agree on three target employers',
        '1. Check-in (10 min) — proposed by me',
        '2. Review the CV draft (20 min) — proposed by me',
      ].join('\r\n'),
    );
    expect(reply.goals).toEqual(['Agree on three target employers', 'Decide whether to tell my manager']);
    expect(reply.items.map((entry) => entry.title)).toEqual(['Check-in', 'Talking to my manager']);
    expect(comments(reply)).toEqual(['Kind regards,', 'Amara']);
  });

  it('4. Outlook "-----Original Message-----" with an agenda only in the quoted part is still read', () => {
    const reply = parseAgendaReply(
      'Fine by me.\n\n-----Original Message-----\nFrom: Sam\nSubject: Agenda\n\n## What we will cover\n1. Check-in (10 min)\n2. CV (20 min)\n',
    );
    expect(reply.items.map((entry) => entry.title)).toEqual(['Check-in', 'CV']);
    expect(comments(reply)).toEqual(['Fine by me.']);
  });

  it('5. nested quoting with mixed ">>" and "> >"', () => {
    expect(titles('>> ## What we will cover\n> > 1. Check-in (10 min)\n>>2. CV (20 min)\n> 3. New thing (5 min)')).toEqual([
      'Check-in',
      'CV',
      'New thing',
    ]);
  });

  it('6. every bullet style: 1. 1) - * • +', () => {
    expect(titles('1. One (5 min)\n2) Two (5 min)\n- Three (5 min)\n* Four (5 min)\n• Five (5 min)\n+ Six (5 min)')).toEqual([
      'One',
      'Two',
      'Three',
      'Four',
      'Five',
      'Six',
    ]);
  });

  it('7. minutes in every common notation', () => {
    expect(
      minutes(
        [
          '- A (15 min)',
          '- B 15 min',
          '- C 15m',
          "- D 15'",
          '- E 0:15',
          '- F 15 minutes',
          '- G 15 mins',
          '- H (15mins)',
          '- I [15 min]',
          '- J – 15 Min.',
          '- K 1h',
          '- L 1h30',
          '- M 1.5 hours',
          '- N 15’',
          '- 20 min: warm-up',
        ].join('\n'),
      ),
    ).toEqual([15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 60, 90, 90, 15, 20]);
  });

  it('8. items without minutes keep null, and numbers that are not durations stay in the title', () => {
    expect(parseAgendaReply('- Top 5 companies\n- Prepare for 1:1 with manager\n- Plan for 2026').items).toEqual([
      { title: 'Top 5 companies', minutes: null, details: '' },
      { title: 'Prepare for 1:1 with manager', minutes: null, details: '' },
      { title: 'Plan for 2026', minutes: null, details: '' },
    ]);
  });

  it('9. a time of day at the start is not read as a length', () => {
    expect(parseAgendaReply('- 10:00 start with coffee').items).toEqual([{ title: '10:00 start with coffee', minutes: null, details: '' }]);
  });

  it('10. CRLF line endings and blank lines everywhere', () => {
    expect(titles('\r\n\r\n## What we will cover\r\n\r\n1. One (5 min)\r\n\r\n\r\n2. Two (5 min)\r\n\r\n')).toEqual(['One', 'Two']);
  });

  it('11. accented text and emoji are kept as written', () => {
    const reply = parseAgendaReply(
      '## Goals\n- Préparer l’entretien 🎯\n## Agenda\n1. Überblick über die Woche (10 Min.)\n2. Café ☕ et bilan (5 min)',
    );
    expect(reply.goals).toEqual(['Préparer l’entretien 🎯']);
    expect(reply.items).toEqual([
      { title: 'Überblick über die Woche', minutes: 10, details: '' },
      { title: 'Café ☕ et bilan', minutes: 5, details: '' },
    ]);
  });

  it('12. non-breaking spaces and zero-width characters from rich-text mail', () => {
    expect(parseAgendaReply('1.\u00a0Check-in\u00a0(10\u00a0min)\n2.\u200b CV\u00a0\u00a015m').items).toEqual([
      { title: 'Check-in', minutes: 10, details: '' },
      { title: 'CV', minutes: 15, details: '' },
    ]);
  });

  it('13. Outlook list formatting with tabs and middle dots', () => {
    expect(titles('·\tCheck-in (10 min)\n·         CV review (20 min)')).toEqual(['Check-in', 'CV review']);
  });

  it('14. indented lines under an item are its details, with their own indentation kept', () => {
    expect(parseAgendaReply('1. CV (20 min)\n   Summary first.\n     - bring a copy\n\n   After a gap.\n2. Next (5 min)').items).toEqual([
      { title: 'CV', minutes: 20, details: 'Summary first.\n  - bring a copy\n\nAfter a gap.' },
      { title: 'Next', minutes: 5, details: '' },
    ]);
  });

  it('15. a long item line wrapped by the email program is joined again', () => {
    expect(
      parseAgendaReply(
        '## What we will cover\n> 1. Talk through the offer from Northwind and what it means for the move (20 min) —\n> proposed by you\n> 2. Next (5 min)',
      ).items.map((entry) => [entry.title, entry.minutes]),
    ).toEqual([
      ['Talk through the offer from Northwind and what it means for the move', 20],
      ['Next', 5],
    ]);
  });

  it('16. greeting and signature around the agenda are shown, not lost', () => {
    const reply = parseAgendaReply('Dear Sam,\n\n## What we will cover\n1. One (5 min)\n\nThanks!\n-- \nAmara Okafor\nSent from my iPhone');
    expect(reply.items.map((entry) => entry.title)).toEqual(['One']);
    // "Sent from my iPhone" is the mail program's, not the client's: left out.
    expect(comments(reply)).toEqual(['Dear Sam,', 'Thanks!', 'Amara Okafor']);
  });

  it('17. a comment typed between items is shown to the coach', () => {
    const reply = parseAgendaReply(
      '## What we will cover\n1. One (5 min)\n\nCould we keep this short? I have a hard stop.\n\n2. Two (5 min)',
    );
    expect(reply.items.map((entry) => entry.title)).toEqual(['One', 'Two']);
    expect(comments(reply)).toEqual(['Could we keep this short? I have a hard stop.']);
  });

  it('18. the client deleted the items heading: lines with minutes under the goals become items', () => {
    const reply = parseAgendaReply(
      'Goals:\n- Decide on the offer\n- Plan the talk with my manager\n1. Offer pros and cons (30 min)\n2. Role play (20 min)',
    );
    expect(reply.goals).toEqual(['Decide on the offer', 'Plan the talk with my manager']);
    expect(reply.items.map((entry) => entry.title)).toEqual(['Offer pros and cons', 'Role play']);
  });

  it('19. no headings at all: a plain list is read as items', () => {
    expect(parseAgendaReply('Sounds good, here is what I would like:\n\n- Salary (10m)\n- Notice period (5m)').items).toEqual([
      { title: 'Salary', minutes: 10, details: '' },
      { title: 'Notice period', minutes: 5, details: '' },
    ]);
  });

  it('20. Markdown headings in other words: **Goals**, ### Agenda items, Topics', () => {
    const reply = parseAgendaReply('**Meeting goals**\n- A goal\n\n### Agenda items\n- First (5 min)\n\nTopics:\n- Second (5 min)');
    expect(reply.goals).toEqual(['A goal']);
    expect(reply.items.map((entry) => entry.title)).toEqual(['First', 'Second']);
  });

  it('21. a goal wrapped onto a second line is joined', () => {
    expect(
      parseAgendaReply('## Goals for this meeting\n- Leave with a clear plan for\nthe next two weeks\n## Agenda\n- One (5 min)').goals,
    ).toEqual(['Leave with a clear plan for the next two weeks']);
  });

  it('22. bullets before the agenda headings are not mistaken for items', () => {
    const reply = parseAgendaReply(
      'Two quick notes:\n- I may be 5 minutes late\n- my camera is broken\n\n## What we will cover\n1. One (5 min)',
    );
    expect(reply.items.map((entry) => entry.title)).toEqual(['One']);
    expect(comments(reply)).toEqual(['Two quick notes:', '- I may be 5 minutes late', '- my camera is broken']);
  });

  it('23. an item with nothing but minutes is shown, not turned into an empty item', () => {
    const reply = parseAgendaReply('## Agenda\n1. (15 min)\n2. Real item (5 min)');
    expect(reply.items.map((entry) => entry.title)).toEqual(['Real item']);
    expect(comments(reply)).toEqual(['(15 min)']);
  });

  it('24. Markdown checkboxes and bold titles', () => {
    expect(titles('- [ ] **Check-in** (10 min)\n- [x] CV review (20 min)')).toEqual(['Check-in', 'CV review']);
  });

  it('25. the "proposed by" note is removed in any form', () => {
    expect(
      titles('1. A (5 min) — proposed by me\n2. B (5 min) - proposed by you\n3. C (5 min) (suggested by Amara)\n4. D – added by me'),
    ).toEqual(['A', 'B', 'C', 'D']);
  });

  it('26. French and German reply headers end the reply once the agenda was read', () => {
    const reply = parseAgendaReply(
      '## Agenda\n- One (5 min)\n\nLe lun. 2 mars 2026 à 09:14, Sam <sam@example.com> a écrit :\n> ## Agenda\n> - Old (5 min)',
    );
    expect(reply.items.map((entry) => entry.title)).toEqual(['One']);
    expect(comments(reply)).toEqual([]);
  });

  it('27. a line far too long to be a title is shown rather than cut', () => {
    const long = `- ${'very '.repeat(50)}long`;
    const reply = parseAgendaReply(`## Agenda\n${long}`);
    expect(reply.items).toEqual([]);
    expect(comments(reply)).toEqual([long.slice(2)]);
  });

  it('28. empty text gives nothing', () => {
    for (const text of ['', '\r\n \n> \n']) {
      const reply = parseAgendaReply(text);
      expect({ goals: reply.goals, items: reply.items, comments: comments(reply), source: reply.source }).toEqual({
        goals: [],
        items: [],
        comments: [],
        source: 'none',
      });
    }
  });
});
