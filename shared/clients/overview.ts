import type { ClientOverview, OverviewCommitment, OverviewGoal, OverviewTrust } from '../api/clients';
import type { ClientActivity } from '../model/client';
import type { ClientDocument } from '../model/documents';
import type { Session } from '../model/session';
import { HOUR_MS, localIsoDate } from '../dates';
import { isPastTarget, overdueSteps, progress } from '../goals/derive';
import { commitmentTiming } from '../today/commitment-timing';
import { todayIndex } from '../today/client-index';
import { isReady, sessionReadiness } from '../today/readiness';
import { agendaRoute, suggestFocus } from '../trust/focus';
import { chronological, latestBySource, newestAssessment, ratingsOf } from '../trust/history';
import { trustQuotient } from '../trust/quotient';

/** How many open commitments of each side, and of the client's words, the overview sends. */
export const OVERVIEW_COMMITMENTS = 5;
export const OVERVIEW_TERMS = 8;

const MINUTE_MS = HOUR_MS / 60;

/** Statuses of a session that is still to come (held, cancelled and no-show ones are behind us). */
const COMING: readonly Session['status'][] = ['planned', 'confirmed'];

/**
 * The client's next session: the earliest planned or confirmed one that has not ended yet, so
 * that the session under way still shows with its agenda. Cancelled and held ones never count.
 */
export function nextSessionOf(document: Pick<ClientDocument, 'sessions'>, now: Date): Session | null {
  let next: Session | null = null;
  let nextStart = Infinity;
  for (const session of document.sessions) {
    if (!COMING.includes(session.status)) continue;
    const start = Date.parse(session.startsAt);
    if (start + session.durationMinutes * MINUTE_MS <= now.getTime()) continue;
    if (start < nextStart) [next, nextStart] = [session, start];
  }
  return next;
}

/** What the client list sorts by: the next session and the last contact. */
export function clientActivity(document: ClientDocument, now: Date): ClientActivity {
  return { nextSessionAt: nextSessionOf(document, now)?.startsAt ?? null, lastContactAt: todayIndex(document).lastContactAt };
}

function openCommitments(document: ClientDocument, owner: 'coach' | 'client', now: Date): { items: OverviewCommitment[]; total: number } {
  const open = document.commitments
    .filter((commitment) => commitment.owner === owner && commitment.doneAt === null)
    // Dated ones first, earliest due first: an overdue one always leads.
    .sort((a, b) => (a.dueDate ?? '\uffff').localeCompare(b.dueDate ?? '\uffff') || a.createdAt.localeCompare(b.createdAt));
  const items = open.slice(0, OVERVIEW_COMMITMENTS).map(({ id, text, dueDate }) => {
    const timing = commitmentTiming({ dueDate, doneAt: null }, now);
    return { id, text, dueDate, overdue: timing === 'overdue', dueToday: timing === 'due-today' };
  });
  return { items, total: open.length };
}

function activeGoals(document: ClientDocument, now: Date): OverviewGoal[] {
  const today = localIsoDate(now);
  return document.goals
    .filter((goal) => goal.status === 'active')
    .map((goal) => ({
      id: goal.id,
      title: goal.title,
      targetDate: goal.targetDate,
      progress: progress(goal),
      overdueSteps: overdueSteps(goal, today).length,
      pastTarget: isPastTarget(goal, today),
    }));
}

function trustOf(document: ClientDocument, now: Date, noContactDays: number): OverviewTrust {
  const history = chronological(document.assessments);
  const trend = history.map((entry) => ({
    assessmentId: entry.id,
    date: entry.date,
    source: entry.source,
    quotient: trustQuotient(ratingsOf(entry)),
  }));
  const latest = trend.at(-1) ?? null;
  const previous = latest ? trend.slice(0, -1).findLast((point) => point.source === latest.source) : undefined;
  const newest = newestAssessment(latestBySource(history));
  return {
    latest,
    change: latest && previous ? latest.quotient - previous.quotient : null,
    trend,
    focus: newest ? suggestFocus(document, { source: newest.source, ratings: ratingsOf(newest) }, { now, noContactDays }) : null,
  };
}

/** Everything the first tab of a client's file shows, derived from their document at `now`. */
export function buildClientOverview(document: ClientDocument, now: Date, noContactDays: number): ClientOverview {
  const { client } = document;
  const next = nextSessionOf(document, now);
  const agenda = next ? document.agendas.find((candidate) => candidate.sessionId === next.id) : undefined;
  const readiness = next ? sessionReadiness(next, agenda) : null;
  const lastNote = client.notes.reduce<(typeof client.notes)[number] | null>(
    (latest, note) => (latest === null || note.createdAt > latest.createdAt ? note : latest),
    null,
  );
  const terms = [...client.terminology].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return {
    clientId: client.id,
    nextSession:
      next && readiness
        ? {
            id: next.id,
            startsAt: next.startsAt,
            durationMinutes: next.durationMinutes,
            mode: next.mode,
            location: next.location,
            status: next.status,
            readiness,
            ready: isReady(readiness),
            agendaItems: agenda?.items.length ?? 0,
            agendaRoute: agendaRoute(client.id, next.id),
          }
        : null,
    sessionsHeld: document.sessions.filter((session) => session.status === 'held').length,
    lastContactAt: todayIndex(document).lastContactAt,
    commitments: { coach: openCommitments(document, 'coach', now), client: openCommitments(document, 'client', now) },
    goals: activeGoals(document, now),
    trust: trustOf(document, now, noContactDays),
    lastNote: lastNote ? { id: lastNote.id, text: lastNote.text, createdAt: lastNote.createdAt } : null,
    terms: terms.slice(0, OVERVIEW_TERMS).map(({ id, term, meaning }) => ({ id, term, meaning })),
    termsTotal: terms.length,
  };
}
