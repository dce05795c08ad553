import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffAgenda, exportAgendaText, parseAgendaReply } from '../../../shared/agenda';
import { readReply } from '../../../shared/agenda/read-reply';
import type { Agenda } from '../../../shared/model/agenda';
import { CORPUS_CONTEXT } from './corpus-agenda';

/** Words a coach really writes, with the awkward ones a reader could trip on. */
const WORD = fc.constantFrom(
  'Check-in',
  'CV',
  'review',
  'salary',
  'Director',
  'pitch',
  'the',
  'and',
  'for',
  'Q3',
  '1:1',
  '(draft)',
  '[team]',
  'Préparer',
  'l’entretien',
  'Zoë',
  '🎯',
  '日本語',
  'Total',
  'rewards',
  'Goals',
  'Agenda',
  'topics',
  'From:',
  'wrote:',
  'P.S.',
  'Thanks,',
  'Amara',
  'Sam',
  '—',
  '–',
  '-',
  '“quoted”',
  '"plain"',
  "it's",
  'min',
  '15',
  '2026',
  '10:00',
  '&',
  '<b>',
  '~',
  '#',
  '*',
  '?',
  'www.example.com',
);
// A title of punctuation alone ("—") is not something a coach writes, and reads back as empty.
const TEXT = fc
  .array(WORD, { minLength: 1, maxLength: 14 })
  .map((words) => words.join(' ').slice(0, 200).trim())
  .filter((text) => /[\p{L}\p{N}]/u.test(text));
const DETAIL_LINE = fc.oneof(
  TEXT,
  TEXT.map((text) => `- ${text}`),
  TEXT.map((text) => `  ${text}`),
  fc.constant(''),
);
const DETAILS = fc.array(DETAIL_LINE, { maxLength: 4 }).map((lines) => lines.join('\n').trim());

let counter = 0;
const id = () => `00000000-0000-4000-8000-${(counter += 1).toString().padStart(12, '0')}`;

const AGENDA: fc.Arbitrary<Agenda> = fc
  .record({
    goals: fc.array(TEXT, { maxLength: 5 }),
    items: fc.array(
      fc.record({
        title: TEXT,
        minutes: fc.integer({ min: 0, max: 600 }),
        proposedBy: fc.constantFrom('coach' as const, 'client' as const),
        details: DETAILS,
      }),
      { maxLength: 8 },
    ),
  })
  .map(({ goals, items }) => ({
    id: id(),
    createdAt: '2026-12-01T09:00:00.000Z',
    updatedAt: '2026-12-01T09:00:00.000Z',
    sessionId: id(),
    goals: goals.map((text) => ({ id: id(), text, met: 'unset' as const })),
    items: items.map((item) => ({ id: id(), ...item, goalId: null, outcome: '' })),
    sharedAt: null,
    reviewedWithClientAt: null,
    history: [],
  }));

const known = (agenda: Agenda) => ({ known: { goals: agenda.goals.map((goal) => goal.text), items: agenda.items } });

describe('export → import of any agenda', () => {
  it('gives no changes, as sent, quoted, with CRLF, and through the whole import', () => {
    fc.assert(
      fc.property(AGENDA, (agenda) => {
        const text = exportAgendaText(agenda, CORPUS_CONTEXT);
        expect(diffAgenda(agenda, parseAgendaReply(text, known(agenda)))).toEqual([]);
        const quoted = `Looks good!\n\nOn Tue, 1 Dec 2026 at 09:14, Sam Lee <sam@example.com> wrote:\n${text
          .split('\n')
          .map((line) => `> ${line}`)
          .join('\n')}`;
        expect(diffAgenda(agenda, parseAgendaReply(quoted, known(agenda)))).toEqual([]);
        expect(diffAgenda(agenda, parseAgendaReply(text.replaceAll('\n', '\r\n'), known(agenda)))).toEqual([]);
        if (agenda.goals.length + agenda.items.length > 0) {
          const { preview } = readReply(agenda, quoted, { text: CORPUS_CONTEXT });
          expect(preview.changes).toEqual([]);
          expect(preview.cautions).toEqual([]);
        }
      }),
      { numRuns: 300, seed: 20261208 },
    );
  });
});
