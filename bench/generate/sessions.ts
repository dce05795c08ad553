import type { Agenda, AgendaHistoryEntry } from '../../shared/model/agenda';
import { GOOD_HABITS, SELF_ORIENTATION_SIGNS, type Session, type SessionStatus } from '../../shared/model/session';
import { isPast, timestampAt } from './calendar';
import type { Random } from './random';
import { paragraph, sentence, sessionNotes } from './text';
import { HISTORY_SUMMARIES, ITEM_TITLES, LOCATIONS, MEETING_GOALS, OUTCOMES, VIDEO_LOCATIONS } from './vocabulary';

function statusFor(random: Random, day: number): SessionStatus {
  if (!isPast(day)) return random.chance(0.5) ? 'confirmed' : 'planned';
  const roll = random.next();
  if (roll < 0.9) return 'held';
  return roll < 0.95 ? 'cancelled' : 'no-show';
}

export function generateSession(random: Random, day: number): Session {
  const minutes = random.int(16, 36) * 30;
  const startsAt = timestampAt(day, minutes);
  const createdAt = timestampAt(day - random.int(3, 20), random.int(480, 1080));
  const status = statusFor(random, day);
  const held = status === 'held';
  const mode = random.pick(['in-person', 'video', 'video', 'phone'] as const);
  return {
    id: random.uuid(),
    createdAt,
    updatedAt: held ? timestampAt(day, minutes + 150) : createdAt,
    startsAt,
    durationMinutes: random.pick([45, 60, 60, 60, 90]),
    mode,
    location: mode === 'in-person' ? random.pick(LOCATIONS) : mode === 'video' ? random.pick(VIDEO_LOCATIONS) : '',
    status,
    reconfirmedAt: status === 'held' || status === 'confirmed' ? timestampAt(day - 1, random.int(480, 1080)) : null,
    materialsSentAt: random.chance(0.5) ? timestampAt(day - 2, random.int(480, 1080)) : null,
    notes: held ? sessionNotes(random) : random.chance(0.3) ? sentence(random) : '',
    reflection:
      held && random.chance(0.8)
        ? {
            signs: random.sample(SELF_ORIENTATION_SIGNS, random.int(0, 2)),
            habits: random.sample(GOOD_HABITS, random.int(1, 4)),
            text: paragraph(random, random.int(40, 200)),
            updatedAt: timestampAt(day, minutes + 120),
          }
        : null,
    agendaSentAt: null,
    recapSentAt: held ? timestampAt(day, minutes + 180) : null,
    billing: null,
    groupSize: 1,
    calendarUid: null,
  };
}

function history(random: Random, session: Session): AgendaHistoryEntry[] {
  const created = Date.parse(session.createdAt);
  const span = Math.max(1, Date.parse(session.startsAt) - created);
  return Array.from({ length: random.int(1, 5) }, (_, index) => ({
    id: random.uuid(),
    at: new Date(created + Math.floor((span * index) / 5)).toISOString(),
    author: index > 0 && random.chance(0.3) ? ('client' as const) : ('coach' as const),
    summary: index === 0 ? HISTORY_SUMMARIES[0] : random.pick(HISTORY_SUMMARIES),
  }));
}

export function generateAgenda(random: Random, session: Session, clientGoalIds: readonly string[]): Agenda {
  const held = session.status === 'held';
  const entries = history(random, session);
  return {
    id: random.uuid(),
    createdAt: session.createdAt,
    updatedAt: entries[entries.length - 1].at,
    sessionId: session.id,
    goals: random.sample(MEETING_GOALS, random.int(2, 4)).map((text) => ({
      id: random.uuid(),
      text,
      met: held ? random.pick(['yes', 'yes', 'partly', 'no'] as const) : ('unset' as const),
    })),
    items: random.sample(ITEM_TITLES, random.int(4, 8)).map((title) => ({
      id: random.uuid(),
      title,
      details: random.chance(0.7) ? paragraph(random, random.int(30, 140)) : '',
      minutes: random.pick([5, 10, 10, 15, 15, 20, 30]),
      proposedBy: random.chance(0.25) ? ('client' as const) : ('coach' as const),
      goalId: clientGoalIds.length > 0 && random.chance(0.3) ? random.pick(clientGoalIds) : null,
      outcome: held ? random.pick(OUTCOMES) : '',
    })),
    sharedAt: random.chance(0.6) ? new Date((Date.parse(session.createdAt) + Date.parse(session.startsAt)) / 2).toISOString() : null,
    reviewedWithClientAt: held && random.chance(0.5) ? session.startsAt : null,
    history: entries,
  };
}
