import { RapportError } from '../errors';

/** The four parts of the trust equation (docs/method.md), in the order they are shown. */
export const TRUST_COMPONENTS = ['credibility', 'reliability', 'intimacy', 'selfOrientation'] as const;
export type TrustComponent = (typeof TRUST_COMPONENTS)[number];

export type TrustRatings = Record<TrustComponent, number>;

export const MIN_RATING = 1;
export const MAX_RATING = 10;

export const COMPONENT_LABELS: Record<TrustComponent, string> = {
  credibility: 'Credibility',
  reliability: 'Reliability',
  intimacy: 'Intimacy',
  selfOrientation: 'Self-orientation',
};

/** One line for each end of each scale, rated as the client would see the coach. */
export const RATING_ANCHORS: Record<TrustComponent, { low: string; high: string }> = {
  credibility: {
    low: '1 — The client doubts what I tell them.',
    high: '10 — The client takes my word and acts on it.',
  },
  reliability: {
    low: '1 — The client cannot count on me to do what I said.',
    high: '10 — The client knows I will do what I said, when I said.',
  },
  intimacy: {
    low: '1 — The client keeps anything personal or difficult to themself.',
    high: '10 — The client brings me their hardest, most personal questions.',
  },
  selfOrientation: {
    low: '1 — My attention stays on the client and their situation.',
    high: '10 — I am mostly thinking about myself, my image or my next point.',
  },
};

function invalidRating(field: TrustComponent, message: string): RapportError {
  return new RapportError('INVALID_INPUT', `${COMPONENT_LABELS[field]}: ${message}`, [{ path: [field], message }]);
}

/** Checks that every component is a finite number from 1 to 10; throws naming the first bad field. */
export function checkRatings(input: unknown): TrustRatings {
  if (typeof input !== 'object' || input === null) {
    throw new RapportError('INVALID_INPUT', 'Please give all four ratings from 1 to 10.');
  }
  const record = input as Record<string, unknown>;
  for (const field of TRUST_COMPONENTS) {
    const value = record[field];
    if (value === undefined || value === null) throw invalidRating(field, 'a rating from 1 to 10 is missing.');
    if (typeof value !== 'number' || !Number.isFinite(value)) throw invalidRating(field, 'the rating must be a number from 1 to 10.');
    if (value < MIN_RATING || value > MAX_RATING) throw invalidRating(field, `the rating must be from 1 to 10, not ${value}.`);
  }
  const { credibility, reliability, intimacy, selfOrientation } = record as TrustRatings;
  return { credibility, reliability, intimacy, selfOrientation };
}

/** (credibility + reliability + intimacy) / self-orientation, from 0.3 to 30. */
export function trustQuotient(ratings: TrustRatings): number {
  const { credibility, reliability, intimacy, selfOrientation } = checkRatings(ratings);
  return (credibility + reliability + intimacy) / selfOrientation;
}

/** Each component on the same footing: higher is better, so self-orientation becomes 11 − S. */
export function strengths(ratings: TrustRatings): TrustRatings {
  const checked = checkRatings(ratings);
  return { ...checked, selfOrientation: MAX_RATING + MIN_RATING - checked.selfOrientation };
}

export const BALANCE_LABELS = ['balanced', 'a little uneven', 'uneven'] as const;
export type BalanceLabel = (typeof BALANCE_LABELS)[number];

export interface Balance {
  /** Points between the strongest and the weakest component (0–9), self-orientation inverted. */
  spread: number;
  label: BalanceLabel;
  strongest: TrustComponent;
  weakest: TrustComponent;
}

/** Spreads up to this many points read as balanced; up to UNEVEN_FROM − 1 as a little uneven. */
const BALANCED_UP_TO = 2;
const UNEVEN_FROM = 5;

/** How uneven the profile is: the gap between the strongest and weakest component. */
export function trustBalance(ratings: TrustRatings): Balance {
  const values = strengths(ratings);
  const scores = TRUST_COMPONENTS.map((component) => values[component]);
  // On ties, the first component in the usual order is named.
  const weakest = TRUST_COMPONENTS.find((component) => values[component] === Math.min(...scores)) ?? 'credibility';
  const strongest = TRUST_COMPONENTS.find((component) => values[component] === Math.max(...scores)) ?? 'credibility';
  const spread = values[strongest] - values[weakest];
  const label: BalanceLabel = spread <= BALANCED_UP_TO ? 'balanced' : spread < UNEVEN_FROM ? 'a little uneven' : 'uneven';
  // In words, the weakest part is said by trustReading (shared/trust/wording.ts), never as points.
  return { spread, label, strongest, weakest };
}

/** The quotient as a coach reads it: one decimal place. */
export function formatQuotient(quotient: number): string {
  return (Math.round(quotient * 10) / 10).toFixed(1);
}
