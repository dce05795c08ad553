import { describe, expect, it } from 'vitest';
import { offerScore } from '../../../shared/job-search/offers';

const pay = { id: '9f1c2b3a-4d5e-4f60-8a7b-1c2d3e4f5a6b', label: 'Pay', weight: 5 };
const commute = { id: '8e0b1a29-3c4d-4e5f-9a6b-0b1c2d3e4f5a', label: 'Commute', weight: 1 };

describe('offerScore', () => {
  it('weighs each rating by how much the criterion matters', () => {
    const result = offerScore(
      {
        ratings: [
          { criterionId: pay.id, score: 4 },
          { criterionId: commute.id, score: 1 },
        ],
      },
      [pay, commute],
    );
    // (4 × 5 + 1 × 1) / (5 × 5 + 5 × 1) = 21 / 30
    expect(result).toEqual({
      score: 70,
      rated: 2,
      criteria: 2,
      explanation: '70 of 100: ratings times weights add up to 21 of the 30 possible.',
    });
  });

  it('leaves unrated criteria out and says so', () => {
    const result = offerScore({ ratings: [{ criterionId: pay.id, score: 5 }] }, [pay, commute]);
    expect(result.score).toBe(100);
    expect(result.explanation).toMatch(/1 criterion is not rated yet and not counted/);
  });

  it('has no score without ratings or criteria', () => {
    expect(offerScore({ ratings: [] }, [pay]).score).toBeNull();
    expect(offerScore({ ratings: [] }, []).explanation).toMatch(/Add the client’s criteria/);
  });
});
