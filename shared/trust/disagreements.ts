import type { AssessmentSource } from '../model/assessment';
import { COMPONENT_LABELS, type TrustComponent, type TrustRatings } from './quotient';
import type { EvidenceIndicator, IndicatorId } from './evidence';

export interface Disagreement {
  source: AssessmentSource;
  component: TrustComponent;
  indicatorId: IndicatorId;
  /** The rating is higher than the records suggest, or lower. */
  direction: 'rated-higher' | 'rated-lower';
  message: string;
}

interface Rule {
  indicatorId: IndicatorId;
  component: TrustComponent;
  /** Below this many cases the evidence is too thin to argue with a rating. */
  minimumCases: number;
  ratedHigher: (rating: number, evidence: EvidenceIndicator) => boolean;
  ratedLower: (rating: number, evidence: EvidenceIndicator) => boolean;
}

/**
 * Only clear contradictions: a high rating against poor records, or a low rating against
 * excellent ones. Self-orientation is "high is bad", so its rules run the other way.
 */
export const DISAGREEMENT_RULES: readonly Rule[] = [
  {
    indicatorId: 'commitments-on-time',
    component: 'reliability',
    minimumCases: 3,
    ratedHigher: (rating, { ratio }) => rating >= 8 && ratio < 0.6,
    // Praise needs more data than criticism: one good month is not a track record.
    ratedLower: (rating, { ratio, denominator }) => rating <= 4 && ratio >= 0.9 && denominator >= 5,
  },
  {
    indicatorId: 'sessions-reconfirmed',
    component: 'reliability',
    minimumCases: 3,
    ratedHigher: (rating, { ratio }) => rating >= 8 && ratio < 0.5,
    ratedLower: () => false,
  },
  {
    indicatorId: 'self-orientation-signs',
    component: 'selfOrientation',
    minimumCases: 3,
    // A low self-orientation rating claims attention on the client; two or more signs per session say otherwise.
    ratedHigher: (rating, { ratio: perSession }) => rating <= 3 && perSession >= 2,
    ratedLower: (rating, { ratio: perSession }) => rating >= 8 && perSession < 0.5,
  },
];

const WHOSE: Record<AssessmentSource, string> = { coach: 'Your own rating', client: 'The client’s feedback' };

function describe(
  source: AssessmentSource,
  component: TrustComponent,
  rating: number,
  evidence: EvidenceIndicator,
  higher: boolean,
): string {
  const label = COMPONENT_LABELS[component].toLowerCase();
  const ratingText = `${WHOSE[source]} gives ${label} ${rating}`;
  if (component === 'selfOrientation') {
    return higher
      ? `${ratingText} (little self-focus), but the session reflections show ${evidence.text}.`
      : `${ratingText} (much self-focus), yet the session reflections show only ${evidence.text}.`;
  }
  return higher
    ? `${ratingText}, but the records show only ${evidence.text} in the last 90 days.`
    : `${ratingText}, yet the records show ${evidence.text} in the last 90 days — it may deserve more credit.`;
}

/** Plain-words messages where a rating and the evidence clearly disagree. Never changes a rating. */
export function findDisagreements(
  ratings: Partial<Record<AssessmentSource, TrustRatings>>,
  evidence: readonly EvidenceIndicator[],
): Disagreement[] {
  const found: Disagreement[] = [];
  for (const source of ['coach', 'client'] as const) {
    const rated = ratings[source];
    if (!rated) continue;
    for (const rule of DISAGREEMENT_RULES) {
      const indicator = evidence.find((entry) => entry.id === rule.indicatorId);
      if (!indicator || indicator.denominator < rule.minimumCases) continue;
      const rating = rated[rule.component];
      const higher = rule.ratedHigher(rating, indicator);
      if (!higher && !rule.ratedLower(rating, indicator)) continue;
      found.push({
        source,
        component: rule.component,
        indicatorId: rule.indicatorId,
        direction: higher ? 'rated-higher' : 'rated-lower',
        message: describe(source, rule.component, rating, indicator, higher),
      });
    }
  }
  return found;
}
