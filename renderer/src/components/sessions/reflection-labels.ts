import type { GoodHabit, SelfOrientationSign } from '../../../../shared/model/session';

/** The signs that attention drifted to the coach (docs/method.md, "Self-orientation"), as a coach reads them. */
export const SIGN_LABELS: Record<SelfOrientationSign, string> = {
  'related-stories-to-self': 'I related their stories to my own',
  'finished-sentences': 'I finished their sentences',
  'filled-silences': 'I filled silences',
  'dodged-direct-question': 'I did not answer a direct question directly',
  'avoided-i-dont-know': 'I avoided saying “I don’t know”',
  'name-dropped': 'I dropped names',
  'needed-last-word': 'I needed the last word',
  'solved-too-soon': 'I offered solutions before I understood',
};

/** Habits that keep the attention on the client. */
export const HABIT_LABELS: Record<GoodHabit, string> = {
  'let-client-fill-silences': 'I let them fill silences',
  'asked-open-questions': 'I asked open questions',
  'asked-what-lies-behind': 'I asked what lies behind the issue',
  'reflected-and-summarised': 'I reflected back and summarised',
  'owned-miscommunication': 'I took responsibility when we misunderstood each other',
};
