import type { TrustComponent } from './quotient';

export interface FeedbackStatement {
  component: TrustComponent;
  statement: string;
  /** What 1 and 10 mean for this statement, printed under the scale. */
  low: string;
  high: string;
}

/**
 * The four statements a client scores on the printed feedback sheet. Each score goes straight
 * into the rating of the same name: the self-orientation statement is worded so that a high
 * score means much self-focus, so the coach never has to invert a number.
 */
export const FEEDBACK_STATEMENTS: readonly FeedbackStatement[] = [
  {
    component: 'credibility',
    statement: 'I believe what my coach tells me, and I trust their advice enough to act on it.',
    low: 'Not at all',
    high: 'Completely',
  },
  {
    component: 'reliability',
    statement: 'My coach does what they say they will do, when they said they would.',
    low: 'Rarely',
    high: 'Always',
  },
  {
    component: 'intimacy',
    statement: 'I feel safe raising personal or difficult matters with my coach.',
    low: 'Not at all',
    high: 'Completely',
  },
  {
    component: 'selfOrientation',
    statement: 'In our sessions, my coach’s own stories, opinions or image take up time that should be about me.',
    low: 'Never',
    high: 'Very often',
  },
];
