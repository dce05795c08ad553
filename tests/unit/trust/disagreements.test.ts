import { describe, expect, it } from 'vitest';
import type { TrustRatings } from '../../../shared/trust/quotient';
import { findDisagreements } from '../../../shared/trust/disagreements';
import type { EvidenceIndicator, IndicatorId } from '../../../shared/trust/evidence';

const rated = (reliability: number, selfOrientation = 5): TrustRatings => ({ credibility: 6, reliability, intimacy: 6, selfOrientation });

function evidence(id: IndicatorId, numerator: number, denominator: number, text = `${numerator} of ${denominator}`): EvidenceIndicator {
  const component = id === 'self-orientation-signs' ? 'selfOrientation' : 'reliability';
  return { id, component, label: id, numerator, denominator, ratio: numerator / denominator, text };
}

describe('disagreements between ratings and evidence', () => {
  it('flags reliability rated 8 or more when under 60% of commitments were on time', () => {
    const found = findDisagreements({ coach: rated(9) }, [evidence('commitments-on-time', 4, 9, '4 of 9 commitments on time')]);
    expect(found).toEqual([
      {
        source: 'coach',
        component: 'reliability',
        indicatorId: 'commitments-on-time',
        direction: 'rated-higher',
        message: 'Your own rating gives reliability 9, but the records show only 4 of 9 commitments on time in the last 90 days.',
      },
    ]);
  });

  it('stays quiet right at the thresholds', () => {
    // 3 of 5 = 60% is not below 60%; a rating of 7 is not high.
    expect(findDisagreements({ coach: rated(9) }, [evidence('commitments-on-time', 3, 5)])).toEqual([]);
    expect(findDisagreements({ coach: rated(7) }, [evidence('commitments-on-time', 1, 5)])).toEqual([]);
  });

  it('needs at least three commitments before arguing with a high rating', () => {
    expect(findDisagreements({ coach: rated(10) }, [evidence('commitments-on-time', 0, 2)])).toEqual([]);
    expect(findDisagreements({ coach: rated(10) }, [evidence('commitments-on-time', 0, 3)])).toHaveLength(1);
  });

  it('flags reliability rated 4 or less when 90% or more were on time, with at least five cases', () => {
    const found = findDisagreements({ client: rated(4) }, [evidence('commitments-on-time', 9, 10, '9 of 10 commitments on time')]);
    expect(found).toEqual([
      expect.objectContaining({
        source: 'client',
        direction: 'rated-lower',
        message:
          'The client’s feedback gives reliability 4, yet the records show 9 of 10 commitments on time in the last 90 days — it may deserve more credit.',
      }),
    ]);
    expect(findDisagreements({ client: rated(4) }, [evidence('commitments-on-time', 4, 4)])).toEqual([]);
    expect(findDisagreements({ client: rated(5) }, [evidence('commitments-on-time', 10, 10)])).toEqual([]);
  });

  it('flags high reliability when fewer than half of the sessions were reconfirmed', () => {
    const found = findDisagreements({ coach: rated(8) }, [
      evidence('sessions-reconfirmed', 1, 4, '1 of 4 sessions reconfirmed beforehand'),
    ]);
    expect(found.map((entry) => entry.indicatorId)).toEqual(['sessions-reconfirmed']);
    expect(findDisagreements({ coach: rated(8) }, [evidence('sessions-reconfirmed', 2, 4)])).toEqual([]);
  });

  it('flags low self-orientation against many signs of self-focus, and the reverse', () => {
    const many = evidence('self-orientation-signs', 7, 3, '2.3 signs of self-focus per session (7 over 3 reflections)');
    expect(findDisagreements({ coach: rated(6, 3) }, [many])).toEqual([
      expect.objectContaining({
        component: 'selfOrientation',
        direction: 'rated-higher',
        message:
          'Your own rating gives self-orientation 3 (little self-focus), but the session reflections show 2.3 signs of self-focus per session (7 over 3 reflections).',
      }),
    ]);
    const few = evidence('self-orientation-signs', 1, 4);
    expect(findDisagreements({ coach: rated(6, 8) }, [few])).toEqual([expect.objectContaining({ direction: 'rated-lower' })]);
    expect(findDisagreements({ coach: rated(6, 4) }, [many, few])).toEqual([]);
  });

  it('checks each source separately and never needs a rating that is absent', () => {
    const late = [evidence('commitments-on-time', 1, 5)];
    const found = findDisagreements({ coach: rated(9), client: rated(3) }, late);
    expect(found.map((entry) => entry.source)).toEqual(['coach']);
    expect(findDisagreements({}, late)).toEqual([]);
  });
});
