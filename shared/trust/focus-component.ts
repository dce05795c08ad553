import { MAX_RATING, MIN_RATING, checkRatings, type TrustComponent, type TrustRatings } from './quotient';

export interface ComponentGain {
  component: TrustComponent;
  /** How much the quotient would rise with a one-point improvement (0 when already at best). */
  gain: number;
}

/**
 * What a one-point improvement in each component would add to the quotient: raising C, R or I
 * adds 1/S; lowering S adds (C+R+I)/(S(S−1)). A component already at its best gains nothing.
 */
export function oneStepGains(ratings: TrustRatings): ComponentGain[] {
  const { credibility, reliability, intimacy, selfOrientation } = checkRatings(ratings);
  const sum = credibility + reliability + intimacy;
  const raise = (value: number) => (value >= MAX_RATING ? 0 : (Math.min(MAX_RATING, value + 1) - value) / selfOrientation);
  const lowered = Math.max(MIN_RATING, selfOrientation - 1);
  return [
    { component: 'credibility', gain: raise(credibility) },
    { component: 'reliability', gain: raise(reliability) },
    { component: 'intimacy', gain: raise(intimacy) },
    { component: 'selfOrientation', gain: sum / lowered - sum / selfOrientation },
  ];
}

/** Final tie-break: the component the app can help with most directly comes first. */
const TIE_ORDER: TrustComponent[] = ['reliability', 'intimacy', 'selfOrientation', 'credibility'];

/**
 * The component costing the most trust. Judged per point of raw gain, lowering
 * self-orientation nearly always wins (it divides), which would make the advice the same for
 * every client. So we take the weakest component on the common footing (self-orientation
 * inverted as 11 − S): each has the same nine points of room, and an uneven profile is weaker
 * than a balanced one. Ties go to the larger one-step gain in the quotient, then TIE_ORDER.
 * Null when every component is already at its best.
 */
export function costliestComponent(ratings: TrustRatings): TrustComponent | null {
  const checked = checkRatings(ratings);
  const candidates = oneStepGains(checked).filter((entry) => entry.gain > 0);
  if (candidates.length === 0) return null;
  const strength = (component: TrustComponent) =>
    component === 'selfOrientation' ? MAX_RATING + MIN_RATING - checked.selfOrientation : checked[component];
  candidates.sort(
    (a, b) =>
      strength(a.component) - strength(b.component) || b.gain - a.gain || TIE_ORDER.indexOf(a.component) - TIE_ORDER.indexOf(b.component),
  );
  return candidates[0].component;
}
