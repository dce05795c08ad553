import { z } from 'zod';
import { Billing } from './client';
import { LongText, ShortText, Timestamp, recordFields } from './primitives';

export const SESSION_MODES = ['in-person', 'video', 'phone'] as const;
export const SessionMode = z.enum(SESSION_MODES, { error: 'Please choose in person, video or phone.' });
export type SessionMode = z.infer<typeof SessionMode>;

export const SESSION_STATUSES = ['planned', 'confirmed', 'held', 'cancelled', 'no-show'] as const;
export const SessionStatus = z.enum(SESSION_STATUSES, { error: 'Please choose a session status.' });
export type SessionStatus = z.infer<typeof SessionStatus>;

/** Signs of self-orientation to watch for after a session (docs/method.md, "Self-orientation"). */
export const SELF_ORIENTATION_SIGNS = [
  'related-stories-to-self',
  'finished-sentences',
  'filled-silences',
  'dodged-direct-question',
  'avoided-i-dont-know',
  'name-dropped',
  'needed-last-word',
  'solved-too-soon',
] as const;
export const SelfOrientationSign = z.enum(SELF_ORIENTATION_SIGNS);
export type SelfOrientationSign = z.infer<typeof SelfOrientationSign>;

/** Habits that keep attention on the client (docs/method.md, "Self-orientation"). */
export const GOOD_HABITS = [
  'let-client-fill-silences',
  'asked-open-questions',
  'asked-what-lies-behind',
  'reflected-and-summarised',
  'owned-miscommunication',
] as const;
export const GoodHabit = z.enum(GOOD_HABITS);
export type GoodHabit = z.infer<typeof GoodHabit>;

export const Reflection = z.strictObject({
  signs: z.array(SelfOrientationSign).max(SELF_ORIENTATION_SIGNS.length),
  habits: z.array(GoodHabit).max(GOOD_HABITS.length),
  text: LongText,
  updatedAt: Timestamp,
});
export type Reflection = z.infer<typeof Reflection>;

export const sessionPlanFields = {
  startsAt: Timestamp,
  durationMinutes: z
    .number({ error: 'Please enter the length in minutes.' })
    .int({ error: 'Please enter whole minutes.' })
    .min(5, { error: 'A session lasts at least 5 minutes.' })
    .max(600, { error: 'A session lasts at most 10 hours.' }),
  mode: SessionMode,
  location: ShortText,
};

export const Session = z.strictObject({
  ...recordFields,
  ...sessionPlanFields,
  status: SessionStatus,
  reconfirmedAt: Timestamp.nullable(),
  materialsSentAt: Timestamp.nullable(),
  notes: LongText,
  reflection: Reflection.nullable(),
  /** When the agenda and the recap were sent to the client (version 3). */
  agendaSentAt: Timestamp.nullable(),
  recapSentAt: Timestamp.nullable(),
  /** Paid or pro bono for this session only; null follows the client's setting (version 3). */
  billing: Billing.nullable(),
  /** How many clients took part: 1 for individual coaching, more for a group (version 3). */
  groupSize: z
    .number({ error: 'Please enter how many people took part.' })
    .int({ error: 'Please enter a whole number.' })
    .min(1, { error: 'At least one person takes part.' })
    .max(100, { error: 'A group has at most 100 people.' }),
  /** The UID of the calendar event it was imported from, so a second import finds it (version 3). */
  calendarUid: z.string().max(1000).nullable(),
});
export type Session = z.infer<typeof Session>;

/** The order of a client's sessions everywhere: by start time, then by when each was entered. */
export function byStartTime(a: Pick<Session, 'startsAt' | 'createdAt'>, b: Pick<Session, 'startsAt' | 'createdAt'>): number {
  return Date.parse(a.startsAt) - Date.parse(b.startsAt) || a.createdAt.localeCompare(b.createdAt);
}
