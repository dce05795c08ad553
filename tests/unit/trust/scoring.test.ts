import { describe, expect, it } from 'vitest';
import { RapportError } from '../../../shared/errors';
import {
  RATING_ANCHORS,
  TRUST_COMPONENTS,
  formatQuotient,
  trustBalance,
  trustQuotient,
  type TrustRatings,
} from '../../../shared/trust/quotient';

const ratings = (credibility: number, reliability: number, intimacy: number, selfOrientation: number): TrustRatings => ({
  credibility,
  reliability,
  intimacy,
  selfOrientation,
});

function failure(run: () => unknown): RapportError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(RapportError);
    return error as RapportError;
  }
  throw new Error('expected the call to throw');
}

describe('trustQuotient', () => {
  it('computes the worked examples', () => {
    expect(trustQuotient(ratings(6, 3, 3, 8))).toBe(1.5);
    expect(trustQuotient(ratings(7, 8, 5, 4))).toBe(5);
  });

  it('runs from 0.3 to 30', () => {
    expect(trustQuotient(ratings(1, 1, 1, 10))).toBeCloseTo(0.3, 12);
    expect(trustQuotient(ratings(10, 10, 10, 1))).toBe(30);
  });

  it('accepts fractional ratings inside the range', () => {
    expect(trustQuotient(ratings(5.5, 5.5, 5, 2))).toBe(8);
  });

  const badValues: [string, unknown][] = [
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['-Infinity', Number.NEGATIVE_INFINITY],
    ['zero', 0],
    ['eleven', 11],
    ['just below 1', 0.99],
    ['just above 10', 10.01],
    ['negative', -3],
    ['a numeric string', '5'],
    ['an empty string', ''],
    ['a boolean', true],
    ['an object', { value: 5 }],
    ['an array', [5]],
    ['undefined', undefined],
    ['null', null],
  ];

  for (const field of TRUST_COMPONENTS) {
    for (const [kind, value] of badValues) {
      it(`rejects ${kind} for ${field}, naming the field`, () => {
        const input = { ...ratings(5, 5, 5, 5), [field]: value };
        const error = failure(() => trustQuotient(input));
        expect(error.code).toBe('INVALID_INPUT');
        expect(error.issues).toEqual([{ path: [field], message: expect.any(String) }]);
        expect(error.message.toLowerCase()).toContain(field === 'selfOrientation' ? 'self-orientation' : field);
      });
    }

    it(`rejects a missing ${field}`, () => {
      const input: Record<string, number> = { ...ratings(5, 5, 5, 5) };
      delete input[field];
      expect(failure(() => trustQuotient(input as unknown as TrustRatings)).issues[0].path).toEqual([field]);
    });
  }

  it('rejects input that is not an object at all', () => {
    expect(failure(() => trustQuotient(null as unknown as TrustRatings)).code).toBe('INVALID_INPUT');
    expect(failure(() => trustQuotient(7 as unknown as TrustRatings)).code).toBe('INVALID_INPUT');
  });

  it('formats the quotient with one decimal', () => {
    expect(formatQuotient(1.5)).toBe('1.5');
    expect(formatQuotient(20 / 3)).toBe('6.7');
    expect(formatQuotient(30)).toBe('30.0');
  });
});

describe('trustBalance', () => {
  it('calls an even profile balanced, inverting self-orientation', () => {
    // Strengths 7, 8, 7, 11−4 = 7 → spread 1.
    expect(trustBalance(ratings(7, 8, 7, 4))).toMatchObject({ spread: 1, label: 'balanced', strongest: 'reliability' });
    expect(trustBalance(ratings(5, 5, 5, 6))).toMatchObject({ spread: 0, label: 'balanced' });
  });

  it('calls a spread of 3 or 4 points a little uneven', () => {
    // C6 R3 I3 S8: strengths 6, 3, 3, 3 → spread 3, weakest reliability (first in component order).
    expect(trustBalance(ratings(6, 3, 3, 8))).toMatchObject({
      spread: 3,
      label: 'a little uneven',
      strongest: 'credibility',
      weakest: 'reliability',
    });
    expect(trustBalance(ratings(7, 8, 5, 4))).toMatchObject({ spread: 3, label: 'a little uneven', weakest: 'intimacy' });
    expect(trustBalance(ratings(9, 5, 6, 5)).label).toBe('a little uneven');
  });

  it('calls a spread of 5 or more uneven and says which part lags', () => {
    // Strengths 9, 9, 8, 11−9 = 2 → spread 7.
    const balance = trustBalance(ratings(9, 9, 8, 9));
    expect(balance).toMatchObject({ spread: 7, label: 'uneven', weakest: 'selfOrientation' });
  });

  it('refuses invalid ratings', () => {
    expect(failure(() => trustBalance(ratings(5, 5, 5, 0))).issues[0].path).toEqual(['selfOrientation']);
  });
});

describe('rating anchors', () => {
  it('explain both ends of every scale', () => {
    for (const field of TRUST_COMPONENTS) {
      expect(RATING_ANCHORS[field].low).toMatch(/^1 — /);
      expect(RATING_ANCHORS[field].high).toMatch(/^10 — /);
    }
  });
});
