import fc from 'fast-check';
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { MAX_REPLY_BYTES, readReply } from '../../../shared/agenda/read-reply';
import { RapportError } from '../../../shared/errors';
import type { Agenda } from '../../../shared/model/agenda';
import { CORPUS_CONTEXT, corpusAgenda } from './corpus-agenda';

/** Generous for a shared CI machine; a cubic pattern takes minutes on these inputs. */
const LIMIT_MS = 1500;

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

/** Reads the reply as the app does; the agenda is frozen, so any change to it throws. */
function timedRead(agenda: Agenda, text: string): { ms: number; outcome: string } {
  const start = performance.now();
  let outcome: string;
  try {
    const { preview } = readReply(agenda, text, { text: CORPUS_CONTEXT });
    outcome = `read ${preview.changes.length} changes`;
  } catch (error) {
    if (!(error instanceof RapportError)) throw error;
    outcome = error.code;
  }
  return { ms: performance.now() - start, outcome };
}

/** Pieces that made earlier patterns backtrack, repeated to size. */
const HOSTILE = [
  ' ',
  '\t',
  '\u00a0',
  '>',
  '> ',
  '(',
  '[',
  '~~',
  '~',
  '<',
  '<h',
  '<br>',
  '&#',
  '&amp;',
  '-',
  '—',
  'On ',
  'wrote',
  ':',
  '1. ',
  '10 min ',
  '(10',
  'min)',
  ' proposed by ',
  'skrev(v',
  '@',
  'ref ',
  '·',
  'Agenda for ',
  '\n',
  '\r\n',
  'x',
];

const hostileText = fc
  .array(fc.tuple(fc.constantFrom(...HOSTILE), fc.integer({ min: 1, max: 20_000 })), { minLength: 1, maxLength: 12 })
  .map((runs) => runs.map(([piece, times]) => piece.repeat(times)).join(''));

describe('the reply reader under hostile input', () => {
  it('reads generated hostile replies in bounded time and never changes the agenda', () => {
    const agenda = deepFreeze(corpusAgenda());
    const before = JSON.stringify(agenda);
    fc.assert(
      fc.property(hostileText, fc.constantFrom('', 'Hi Sam,\n\n1. Check-in (10 min)\n'), (hostile, prefix) => {
        const { ms } = timedRead(agenda, prefix + hostile);
        expect(ms).toBeLessThan(LIMIT_MS);
      }),
      { numRuns: 40, seed: 8122026 },
    );
    expect(JSON.stringify(agenda)).toBe(before);
  });

  it('reads hostile lines as large as the limit in bounded time', () => {
    const agenda = deepFreeze(corpusAgenda());
    const size = MAX_REPLY_BYTES - 16;
    const lines = [
      `1. Check-in${' '.repeat(size - 20)}x`,
      `1. Check-in${'\t'.repeat(Math.floor(size / 4))}x`,
      '>'.repeat(size),
      '('.repeat(size),
      '~~'.repeat(size / 2),
      '<h'.repeat(size / 2),
      'kskrev(v'.repeat(size / 8),
      ` -added by`.repeat(size / 10),
      `On ${'x '.repeat(size / 2 - 4)}`,
      `${'1. a '.repeat(size / 5)}`,
      `- ${'Salary expectations '.repeat(size / 20 - 1)}`,
      Array.from({ length: size / 32 }, () => '> > > > On x wrote:').join('\n'),
    ];
    for (const text of lines) {
      expect(text.length).toBeLessThanOrEqual(MAX_REPLY_BYTES);
      const { ms } = timedRead(agenda, text);
      expect(ms, text.slice(0, 20)).toBeLessThan(LIMIT_MS);
    }
  });

  it('refuses with a clear message, changing nothing, when reading runs past its time budget', () => {
    let clock = 0;
    const now = () => (clock += 50);
    const text = Array.from({ length: 5000 }, (_, index) => `${index + 1}. Item ${index} (5 min)`).join('\n');
    let failure: unknown;
    try {
      readReply(deepFreeze(corpusAgenda()), text, { text: CORPUS_CONTEXT, now, deadline: 200 });
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(RapportError);
    expect((failure as RapportError).code).toBe('REPLY_TOO_COMPLEX');
    expect((failure as RapportError).message).toContain('Paste only the client’s latest message');
  });
});
