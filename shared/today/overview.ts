import type { TodayCommitment, TodayNoContact, TodayOverview, TodaySession } from '../api/today';
import type { ClientDocument } from '../model/documents';
import { commitmentTiming } from './commitment-timing';
import { startOfLocalDay } from './dates';
import { noContact } from './no-contact';
import { parsedTime } from './parsed-time';
import { sessionReadiness } from './readiness';

/** How many calendar days, today included, Today looks ahead. */
export const TODAY_DAYS_AHEAD = 7;

function upcomingSessions(documents: ClientDocument[], now: Date): TodaySession[] {
  const from = startOfLocalDay(now).getTime();
  const until = startOfLocalDay(now, TODAY_DAYS_AHEAD).getTime();
  const found: { entry: TodaySession; startsAt: number }[] = [];
  for (const document of documents) {
    for (const session of document.sessions) {
      const startsAt = parsedTime(session, 'startsAt');
      if (startsAt < from || startsAt >= until || session.status === 'cancelled') continue;
      const agenda = document.agendas.find((candidate) => candidate.sessionId === session.id);
      const readiness = sessionReadiness(session, agenda);
      found.push({ entry: { clientId: document.client.id, clientName: document.client.name, session, readiness }, startsAt });
    }
  }
  found.sort((a, b) => a.startsAt - b.startsAt || a.entry.clientName.localeCompare(b.entry.clientName));
  return found.map(({ entry }) => entry);
}

function pressingCommitments(documents: ClientDocument[], now: Date): TodayCommitment[] {
  const result: TodayCommitment[] = [];
  for (const document of documents) {
    if (document.client.status === 'archived') continue;
    for (const commitment of document.commitments) {
      const timing = commitmentTiming(commitment, now);
      if (timing !== 'overdue' && timing !== 'due-today') continue;
      result.push({ clientId: document.client.id, clientName: document.client.name, commitment, timing });
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

function clientsWithoutContact(documents: ClientDocument[], now: Date, thresholdDays: number): TodayNoContact[] {
  const result: TodayNoContact[] = [];
  for (const document of documents) {
    const gap = noContact(document, now, thresholdDays);
    if (!gap) continue;
    const { id, status } = document.client;
    result.push({ clientId: id, clientName: document.client.name, status, ...gap });
  }
  return result.sort((a, b) => b.days - a.days || a.clientName.localeCompare(b.clientName));
}

/** Everything the Today page shows, derived from the client documents at `now`. */
export function buildTodayOverview(documents: ClientDocument[], now: Date, noContactDays: number): TodayOverview {
  return {
    sessions: upcomingSessions(documents, now),
    commitments: pressingCommitments(documents, now),
    noContact: clientsWithoutContact(documents, now, noContactDays),
    noContactDays,
    hasClients: documents.length > 0,
  };
}
