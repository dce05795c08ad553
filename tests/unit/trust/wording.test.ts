import { describe, expect, it } from 'vitest';
import type { TrustRatings } from '../../../shared/trust/quotient';
import { changeSincePrevious, changeWording, QUOTIENT_EXPLAINER, quotientBand, trustReading } from '../../../shared/trust/wording';

const ratings = (credibility: number, reliability: number, intimacy: number, selfOrientation: number): TrustRatings => ({
  credibility,
  reliability,
  intimacy,
  selfOrientation,
});

describe('quotientBand', () => {
  it('names each band at and around its edges', () => {
    const band = (quotient: number) => quotientBand(quotient).band;
    expect(band(0.3)).toBe('low');
    expect(band(2.9)).toBe('low');
    expect(band(2.94)).toBe('low');
    // Shown as 3.0, so not called low.
    expect(band(2.95)).toBe('middling');
    expect(band(3)).toBe('middling');
    expect(band(7.9)).toBe('middling');
    expect(band(7.94)).toBe('middling');
    expect(band(7.95)).toBe('strong');
    expect(band(8)).toBe('strong');
    expect(band(30)).toBe('strong');
  });

  it('says what each band means and where it runs', () => {
    expect(quotientBand(1)).toMatchObject({ label: 'Low', range: 'under 3' });
    expect(quotientBand(5)).toMatchObject({ label: 'Middling', range: '3 to under 8' });
    expect(quotientBand(12)).toMatchObject({ label: 'Strong', range: '8 or more' });
    for (const quotient of [1, 5, 12]) expect(quotientBand(quotient).meaning).toMatch(/^[A-Z].*\.$/);
  });

  it('matches the worked examples of the bands: every part level, and good ratings', () => {
    expect(quotientBand((5 + 5 + 5) / 5).band).toBe('middling');
    expect(quotientBand((5 + 5 + 5) / 6).band).toBe('low');
    expect(quotientBand((8 + 8 + 8) / 3).band).toBe('strong');
    expect(quotientBand((8 + 8 + 7) / 3).band).toBe('middling');
    expect(QUOTIENT_EXPLAINER).toContain('from 0.3 to 30');
  });
});

describe('trustReading', () => {
  const text = (r: TrustRatings) => trustReading(r).text;

  it('calls self-orientation high from 6, and names it as the room left below that', () => {
    expect(trustReading(ratings(8, 8, 8, 6))).toEqual({ focus: 'selfOrientation', text: 'Self-orientation is high (6 of 10).' });
    expect(text(ratings(9, 9, 9, 10))).toBe('Self-orientation is high (10 of 10).');
    expect(trustReading(ratings(9, 9, 9, 5))).toEqual({
      focus: 'selfOrientation',
      text: 'Self-orientation (5 of 10) has the most room to come down.',
    });
    expect(text(ratings(10, 10, 10, 2))).toBe('Self-orientation (2 of 10) has the most room to come down.');
  });

  it('names the lowest of credibility, reliability and intimacy', () => {
    expect(trustReading(ratings(8, 4, 7, 2))).toEqual({ focus: 'reliability', text: 'Reliability is the lowest of the three (4 of 10).' });
    expect(text(ratings(3, 8, 7, 2))).toBe('Credibility is the lowest of the three (3 of 10).');
    expect(text(ratings(8, 8, 5, 3))).toBe('Intimacy is the lowest of the three (5 of 10).');
  });

  it('says which two are tied lowest and where to start', () => {
    // Tied on strength and on gain: the tie order puts reliability first, then intimacy.
    expect(trustReading(ratings(8, 5, 5, 2))).toEqual({
      focus: 'reliability',
      text: 'Reliability and intimacy are the lowest of the three (5 of 10); start with reliability.',
    });
    expect(text(ratings(5, 8, 5, 2))).toBe('Credibility and intimacy are the lowest of the three (5 of 10); start with intimacy.');
    expect(text(ratings(4, 4, 8, 2))).toBe('Credibility and reliability are the lowest of the three (4 of 10); start with reliability.');
  });

  it('says when all three are level', () => {
    expect(trustReading(ratings(6, 6, 6, 2))).toEqual({
      focus: 'reliability',
      text: 'Credibility, reliability and intimacy are level (6 of 10); start with reliability.',
    });
  });

  it('names self-orientation as just as weak when it ties with the lowest of the three', () => {
    // Reliability 4 and self-orientation 7 (4 on the same footing): lowering self-orientation
    // lifts the quotient more, so it leads, and reliability is named beside it.
    expect(trustReading(ratings(8, 4, 8, 7))).toEqual({
      focus: 'selfOrientation',
      text: 'Self-orientation is high (7 of 10). Reliability is just as low (4 of 10).',
    });
    expect(text(ratings(5, 5, 5, 6))).toBe(
      'Self-orientation is high (6 of 10). Credibility, reliability and intimacy are just as low (5 of 10).',
    );
    expect(text(ratings(9, 9, 9, 2))).toBe(
      'Self-orientation (2 of 10) has the most room to come down. Credibility, reliability and intimacy are just as low (9 of 10).',
    );
  });

  it('says every part is at its best when nothing is left to improve', () => {
    expect(trustReading(ratings(10, 10, 10, 1))).toEqual({ focus: null, text: 'Every part is at its best.' });
  });

  it('never speaks of points ahead or behind', () => {
    for (const r of [ratings(9, 9, 8, 9), ratings(7, 8, 5, 4), ratings(1, 10, 10, 1), ratings(10, 1, 10, 1)]) {
      expect(text(r)).not.toMatch(/point|ahead|behind/);
    }
  });

  it('refuses ratings off the scale', () => {
    expect(() => trustReading(ratings(0, 5, 5, 5))).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});

describe('changeWording and changeSincePrevious', () => {
  it('reads a change in words', () => {
    expect(changeWording(null)).toBe('First assessment');
    expect(changeWording(0.04)).toBe('Unchanged since the last assessment');
    expect(changeWording(-0.04)).toBe('Unchanged since the last assessment');
    expect(changeWording(1.25)).toBe('Up 1.3 since the last assessment');
    expect(changeWording(-2)).toBe('Down 2.0 since the last assessment');
  });

  it('compares with the previous point from the same source only', () => {
    const trend = [
      { assessmentId: 'a', source: 'coach', quotient: 4 },
      { assessmentId: 'b', source: 'client', quotient: 9 },
      { assessmentId: 'c', source: 'coach', quotient: 5.5 },
    ];
    expect(changeSincePrevious(trend, 'a')).toBeNull();
    expect(changeSincePrevious(trend, 'b')).toBeNull();
    expect(changeSincePrevious(trend, 'c')).toBe(1.5);
    expect(changeSincePrevious(trend, 'missing')).toBeNull();
  });
});
