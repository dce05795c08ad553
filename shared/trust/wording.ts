import { costliestComponent } from './focus-component';
import { COMPONENT_LABELS, MAX_RATING, MIN_RATING, checkRatings, formatQuotient, type TrustComponent, type TrustRatings } from './quotient';

/*
 * The trust quotient and its ratings in plain words, for every place that shows them (the trust
 * tab, the trust overview, the client's overview). docs/method.md explains the bands.
 */

export const QUOTIENT_BANDS = ['low', 'middling', 'strong'] as const;
export type QuotientBand = (typeof QUOTIENT_BANDS)[number];

/**
 * Where the bands start. 3 is the quotient when self-orientation is rated as high as the other
 * three (every part at 5, say): below it, attention on yourself outweighs what you bring. 8 is
 * (8 + 8 + 8) ÷ 3: credibility, reliability and intimacy high and self-orientation low.
 */
export const MIDDLING_FROM = 3;
export const STRONG_FROM = 8;

export interface QuotientReading {
  band: QuotientBand;
  /** "Low", "Middling", "Strong". */
  label: string;
  /** Where the band runs, in the quotient's own numbers: "3 to under 8". */
  range: string;
  /** What the band says about the relationship, in one sentence. */
  meaning: string;
}

const BANDS: Record<QuotientBand, Omit<QuotientReading, 'band'>> = {
  low: {
    label: 'Low',
    range: `under ${MIDDLING_FROM}`,
    meaning: 'Attention on yourself weighs as much as everything you bring: the client has little reason yet to rely on you.',
  },
  middling: {
    label: 'Middling',
    range: `${MIDDLING_FROM} to under ${STRONG_FROM}`,
    meaning: 'The client trusts you in part; one part is usually holding the rest back.',
  },
  strong: {
    label: 'Strong',
    range: `${STRONG_FROM} or more`,
    meaning: 'Credibility, reliability and intimacy are high and your attention stays on the client.',
  },
};

/** One line that says how to read the number, wherever it is shown. */
export const QUOTIENT_EXPLAINER =
  'Trust = (credibility + reliability + intimacy) ÷ self-orientation, each rated 1 to 10, so it runs from 0.3 to 30. ' +
  `Under ${MIDDLING_FROM} is low, ${MIDDLING_FROM} to under ${STRONG_FROM} middling, ${STRONG_FROM} or more strong.`;

/**
 * The band of a quotient. It is judged on the number the coach sees (one decimal place), so a
 * quotient shown as 3.0 is never called low.
 */
export function quotientBand(quotient: number): QuotientReading {
  const shown = Number(formatQuotient(quotient));
  const band: QuotientBand = shown < MIDDLING_FROM ? 'low' : shown < STRONG_FROM ? 'middling' : 'strong';
  return { band, ...BANDS[band] };
}

/** Self-orientation from this rating up reads as high (above the middle of the 1–10 scale). */
export const HIGH_SELF_ORIENTATION_FROM = 6;

export interface TrustReading {
  /** The component that needs work most (the suggested focus); null when every part is at its best. */
  focus: TrustComponent | null;
  /** "Reliability is the lowest of the three (4 of 10)." and, on a tie, what is just as weak. */
  text: string;
}

const THE_THREE: readonly TrustComponent[] = ['credibility', 'reliability', 'intimacy'];

function listed(components: readonly TrustComponent[]): string {
  const names = components.map((component, index) =>
    index === 0 ? COMPONENT_LABELS[component] : COMPONENT_LABELS[component].toLowerCase(),
  );
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** Self-orientation on the same footing as the others: higher is better. */
const strengthOf = (ratings: TrustRatings, component: TrustComponent) =>
  component === 'selfOrientation' ? MAX_RATING + MIN_RATING - ratings.selfOrientation : ratings[component];

/**
 * Which part of the relationship needs work, in words: the component the suggested focus names
 * (`costliestComponent`), said the way a coach would say it ("Self-orientation is high",
 * "Reliability is the lowest of the three"), never as a gap in points.
 */
export function trustReading(input: TrustRatings): TrustReading {
  const ratings = checkRatings(input);
  const focus = costliestComponent(ratings);
  if (focus === null) return { focus, text: 'Every part is at its best.' };
  const sentences: string[] = [];
  const self = ratings.selfOrientation;
  if (focus === 'selfOrientation') {
    sentences.push(
      self >= HIGH_SELF_ORIENTATION_FROM
        ? `Self-orientation is high (${self} of 10).`
        : `Self-orientation (${self} of 10) has the most room to come down.`,
    );
    const asLow = THE_THREE.filter((component) => strengthOf(ratings, component) === strengthOf(ratings, focus));
    if (asLow.length > 0) sentences.push(`${listed(asLow)} ${asLow.length === 1 ? 'is' : 'are'} just as low (${ratings[asLow[0]]} of 10).`);
  } else {
    const lowest = Math.min(...THE_THREE.map((component) => ratings[component]));
    const tied = THE_THREE.filter((component) => ratings[component] === lowest);
    if (tied.length === 1) sentences.push(`${COMPONENT_LABELS[focus]} is the lowest of the three (${lowest} of 10).`);
    else if (tied.length === 2) {
      sentences.push(`${listed(tied)} are the lowest of the three (${lowest} of 10); start with ${COMPONENT_LABELS[focus].toLowerCase()}.`);
    } else
      sentences.push(
        `Credibility, reliability and intimacy are level (${lowest} of 10); start with ${COMPONENT_LABELS[focus].toLowerCase()}.`,
      );
    if (strengthOf(ratings, 'selfOrientation') === lowest) sentences.push(`Self-orientation is just as high (${self} of 10).`);
  }
  return { focus, text: sentences.join(' ') };
}

/** The change since the previous assessment from the same source, in words. */
export function changeWording(change: number | null): string {
  if (change === null) return 'First assessment';
  const rounded = Math.round(change * 10) / 10;
  if (rounded === 0) return 'Unchanged since the last assessment';
  return `${rounded > 0 ? 'Up' : 'Down'} ${Math.abs(rounded).toFixed(1)} since the last assessment`;
}

/** The change from the previous point of the same source, or null for the first one. */
export function changeSincePrevious(
  trend: readonly { assessmentId: string; source: string; quotient: number }[],
  assessmentId: string,
): number | null {
  const index = trend.findIndex((point) => point.assessmentId === assessmentId);
  if (index < 0) return null;
  const previous = trend.slice(0, index).findLast((point) => point.source === trend[index].source);
  return previous ? trend[index].quotient - previous.quotient : null;
}
