import type {
  TodayBeforeSession,
  TodayCommitment,
  TodayNoContact,
  TodayOptions,
  TodayOverview,
  TodaySession,
  TodayWriteUp,
} from '../api/today';
import type { ClientDocument } from '../model/documents';
import { firstNotBelow, todayIndex } from './client-index';
import { commitmentTiming } from './commitment-timing';
import { localIsoDate, startOfLocalDay } from '../dates';
import { contactGap } from './no-contact';
import { sessionReadiness } from './readiness';
import { nextActionsDue } from './next-actions';
import { practiceOverdueSteps } from '../goals/overview';

/** How many calendar days, today included, Today looks ahead. */
export const TODAY_DAYS_AHEAD = 7;

/** How many calendar days before today Today looks back for sessions still to write up. */
export const TODAY_DAYS_BACK = 7;

const MINUTE_MS = 60_000;

function upcomingSessions(documents: readonly ClientDocument[], now: Date): TodaySession[] {
  const from = startOfLocalDay(now).getTime();
  const until = startOfLocalDay(now, TODAY_DAYS_AHEAD).getTime();
  const found: { entry: TodaySession; startsAt: number }[] = [];
  for (const document of documents) {
    const { sessions } = todayIndex(document);
    for (
      let at = firstNotBelow(sessions, from, (indexed) => indexed.startsAt);
      at < sessions.length && sessions[at].startsAt < until;
      at++
    ) {
      const { session, startsAt } = sessions[at];
      const agenda = document.agendas.find((candidate) => candidate.sessionId === session.id);
      const { id, durationMinutes, mode, location, status, materialsSentAt, reconfirmedAt, agendaSentAt } = session;
      found.push({
        entry: {
          clientId: document.client.id,
          clientName: document.client.name,
          clientTimeZone: document.client.timeZone,
          session: {
            id,
            startsAt: session.startsAt,
            durationMinutes,
            mode,
            location,
            status,
            materialsSentAt,
            reconfirmedAt,
            agendaSentAt,
          },
          readiness: sessionReadiness(session, agenda),
        },
        startsAt,
      });
    }
  }
  found.sort((a, b) => a.startsAt - b.startsAt || a.entry.clientName.localeCompare(b.entry.clientName));
  return found.map(({ entry }) => entry);
}

function pressingCommitments(documents: readonly ClientDocument[], now: Date): TodayCommitment[] {
  const today = localIsoDate(now);
  const result: TodayCommitment[] = [];
  for (const document of documents) {
    if (document.client.status === 'archived') continue;
    // Sorted by due date: every pressing commitment comes before the first one due after today.
    for (const commitment of todayIndex(document).openDated) {
      if (commitment.dueDate > today) break;
      const timing = commitmentTiming(commitment, now);
      if (timing !== 'overdue' && timing !== 'due-today') continue;
      const { id, text, owner, dueDate } = commitment;
      result.push({ clientId: document.client.id, clientName: document.client.name, commitment: { id, text, owner, dueDate }, timing });
    }
  }
  const ownerRank = (item: TodayCommitment) => (item.commitment.owner === 'coach' ? 0 : 1);
  return result.sort(
    (a, b) =>
      ownerRank(a) - ownerRank(b) ||
      (a.commitment.dueDate ?? '').localeCompare(b.commitment.dueDate ?? '') ||
      a.clientName.localeCompare(b.clientName),
  );
}

/**
 * Client commitments that fall due before the client's next session: due after today (overdue
 * and due-today ones are already under "Commitments due") and no later than the session's day.
 */
function dueBeforeSession(documents: readonly ClientDocument[], now: Date): TodayBeforeSession[] {
  const today = localIsoDate(now);
  const until = startOfLocalDay(now, TODAY_DAYS_AHEAD).getTime();
  const result: { entry: TodayBeforeSession; startsAt: number }[] = [];
  for (const document of documents) {
    if (document.client.status === 'archived') continue;
    const { sessions, openDated } = todayIndex(document);
    let next: (typeof sessions)[number] | undefined;
    for (let at = firstNotBelow(sessions, now.getTime(), (indexed) => indexed.startsAt); at < sessions.length; at++) {
      if (sessions[at].startsAt >= until) break;
      const { status } = sessions[at].session;
      if (status === 'planned' || status === 'confirmed') {
        next = sessions[at];
        break;
      }
    }
    if (!next) continue;
    const sessionDay = localIsoDate(new Date(next.startsAt));
    for (const commitment of openDated) {
      if (commitment.dueDate > sessionDay) break;
      if (commitment.owner !== 'client' || commitment.dueDate <= today) continue;
      const { id, text, owner, dueDate } = commitment;
      result.push({
        entry: {
          clientId: document.client.id,
          clientName: document.client.name,
          commitment: { id, text, owner, dueDate },
          session: { id: next.session.id, startsAt: next.session.startsAt },
        },
        startsAt: next.startsAt,
      });
    }
  }
  return result
    .sort(
      (a, b) =>
        a.entry.commitment.dueDate.localeCompare(b.entry.commitment.dueDate) ||
        a.startsAt - b.startsAt ||
        a.entry.clientName.localeCompare(b.entry.clientName),
    )
    .map(({ entry }) => entry);
}

/**
 * Sessions that ended within the last days and still lack notes or a reflection. A session
 * still marked planned once it is over counts too: it most likely took place and was not
 * marked held. Cancelled sessions and no-shows have nothing to write up.
 */
function sessionsToWriteUp(documents: readonly ClientDocument[], now: Date): TodayWriteUp[] {
  const from = startOfLocalDay(now, -TODAY_DAYS_BACK).getTime();
  const result: { entry: TodayWriteUp; startsAt: number }[] = [];
  for (const document of documents) {
    if (document.client.status === 'archived') continue;
    const { sessions } = todayIndex(document);
    for (let at = firstNotBelow(sessions, from, (indexed) => indexed.startsAt); at < sessions.length; at++) {
      const { session, startsAt } = sessions[at];
      if (startsAt > now.getTime()) break;
      if (session.status === 'no-show' || startsAt + session.durationMinutes * MINUTE_MS > now.getTime()) continue;
      const writtenUp = session.notes.trim() !== '';
      const reflected = session.reflection !== null;
      if (writtenUp && reflected) continue;
      const { id, durationMinutes, status } = session;
      result.push({
        entry: {
          clientId: document.client.id,
          clientName: document.client.name,
          session: { id, startsAt: session.startsAt, durationMinutes, status },
          writtenUp,
          reflected,
        },
        startsAt,
      });
    }
  }
  return result.sort((a, b) => b.startsAt - a.startsAt || a.entry.clientName.localeCompare(b.entry.clientName)).map(({ entry }) => entry);
}

function clientsWithoutContact(documents: readonly ClientDocument[], now: Date, thresholdDays: number): TodayNoContact[] {
  const result: TodayNoContact[] = [];
  for (const document of documents) {
    const gap = contactGap(document.client, todayIndex(document).lastContactAt, now, thresholdDays);
    if (!gap) continue;
    const { id, status } = document.client;
    result.push({ clientId: id, clientName: document.client.name, status, ...gap });
  }
  return result.sort((a, b) => b.days - a.days || a.clientName.localeCompare(b.clientName));
}

/**
 * Everything the Today page shows, derived from the client documents at `now`. Each client's
 * file is read through its Today index, so a refresh costs what it shows, not the practice's size.
 */
export function buildTodayOverview(
  documents: readonly ClientDocument[],
  now: Date,
  noContactDays: number,
  options: TodayOptions = {},
): TodayOverview {
  const commitments = pressingCommitments(documents, now);
  return {
    sessions: upcomingSessions(documents, now),
    commitments: options.commitmentsLimit === undefined ? commitments : commitments.slice(0, options.commitmentsLimit),
    commitmentsTotal: commitments.length,
    beforeSession: dueBeforeSession(documents, now),
    toWriteUp: sessionsToWriteUp(documents, now),
    noContact: clientsWithoutContact(documents, now, noContactDays),
    noContactDays,
    overdueStepsCount: practiceOverdueSteps(documents, localIsoDate(now)).length,
    nextActionsDueCount: nextActionsDue(documents, now).length,
    hasClients: documents.length > 0,
  };
}
