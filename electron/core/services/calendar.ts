import type { CalendarApi, ImportProposal } from '../../../shared/api/calendar';
import type { ClientDocument } from '../../../shared/model/documents';
import { MAX_SHORT_TEXT } from '../../../shared/model/primitives';
import type { Session } from '../../../shared/model/session';
import { safeFileName } from '../../../shared/file-name';
import { localIsoDate } from '../../../shared/dates';
import { readUpcomingEvents, type UpcomingEvent } from '../calendar/read';
import { buildCalendar, sessionIdOfUid, type SessionForCalendar } from '../calendar/write';
import type { ServiceContext } from './context';
import { findRecord, newRecord } from './records';

const UPCOMING_STATUSES: ReadonlySet<Session['status']> = new Set(['planned', 'confirmed']);
const MIN_MINUTES = 5;
const MAX_MINUTES = 600;

const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether `name` appears in `title` as whole words, ignoring case ("Ana" is not in "Banana"). */
function nameIn(title: string, name: string): boolean {
  const trimmed = name.trim();
  if (trimmed.length < 2) return false;
  return new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(trimmed)}($|[^\\p{L}\\p{N}])`, 'iu').test(title);
}

/** The client an event is for: one whose email is among its attendees, else one whose name is in its title. */
function matchClient(event: UpcomingEvent, clients: ClientDocument[]): Pick<ImportProposal, 'clientId' | 'matchedBy'> {
  const byEmail = clients.filter(({ client }) => client.email !== '' && event.emails.includes(client.email.toLowerCase()));
  if (byEmail.length === 1) return { clientId: byEmail[0].client.id, matchedBy: 'email' };
  const byName = clients.filter(({ client }) => nameIn(event.summary, client.name));
  if (byName.length === 1) return { clientId: byName[0].client.id, matchedBy: 'name' };
  return { clientId: null, matchedBy: null };
}

function asSessionPlan(event: UpcomingEvent): Pick<ImportProposal, 'durationMinutes' | 'mode' | 'location'> {
  const minutes = Math.round((event.end - event.start) / 60_000);
  // A meeting link beats a place: Outlook writes "Microsoft Teams Meeting" as the location.
  const link = /^https?:\/\//i.test(event.location) ? event.location : event.url;
  return {
    durationMinutes: Math.min(MAX_MINUTES, Math.max(MIN_MINUTES, minutes)),
    mode: link !== '' ? 'video' : 'in-person',
    location: (link || event.location.replace(/\s*\n\s*/g, ', ')).slice(0, MAX_SHORT_TEXT),
  };
}

export function createCalendarService(context: ServiceContext): CalendarApi {
  const { store } = context;

  const coachName = () => store.practice().settings.coachName;

  /** Every calendar UID Rapport already holds: those imported, and its own for every session. */
  function knownUids(): Set<string> {
    const uids = new Set<string>();
    for (const { sessions } of store.allClients()) {
      for (const session of sessions) {
        if (session.calendarUid !== null) uids.add(session.calendarUid);
        uids.add(`own:${session.id}`);
      }
    }
    return uids;
  }

  const isKnown = (uids: Set<string>, calendarUid: string) => {
    const own = sessionIdOfUid(calendarUid.split('|')[0]);
    return uids.has(calendarUid) || (own !== null && uids.has(`own:${own}`));
  };

  return {
    async sessionEvent(clientId, sessionId) {
      const document = store.client(clientId);
      const session = findRecord(document.sessions, sessionId, 'session');
      const agenda = document.agendas.find((candidate) => candidate.sessionId === sessionId) ?? null;
      const text = buildCalendar([{ session, clientName: document.client.name, agenda }], coachName(), context.now());
      const fileName = safeFileName(`Session ${localIsoDate(Date.parse(session.startsAt))} – ${document.client.name}`, {
        extension: '.ics',
        fallback: 'Session',
      });
      return { fileName, text, events: 1 };
    },

    async upcomingEvents() {
      const now = context.now().getTime();
      const entries: SessionForCalendar[] = [];
      for (const document of store.allClients()) {
        if (document.client.status !== 'active') continue;
        for (const session of document.sessions) {
          if (!UPCOMING_STATUSES.has(session.status) || Date.parse(session.startsAt) <= now) continue;
          const agenda = document.agendas.find((candidate) => candidate.sessionId === session.id) ?? null;
          entries.push({ session, clientName: document.client.name, agenda });
        }
      }
      entries.sort((a, b) => Date.parse(a.session.startsAt) - Date.parse(b.session.startsAt));
      const text = buildCalendar(entries, coachName(), context.now());
      const fileName = safeFileName(`Upcoming sessions ${localIsoDate(now)}`, { extension: '.ics', fallback: 'Upcoming sessions' });
      return { fileName, text, events: entries.length };
    },

    async previewImport(text) {
      const { events, ignored } = readUpcomingEvents(text, context.now().getTime());
      const clients = store.allClients().filter(({ client }) => client.status !== 'archived');
      const uids = knownUids();
      const proposals = events.map((event): ImportProposal => ({
        calendarUid: event.key,
        summary: event.summary.slice(0, MAX_SHORT_TEXT),
        startsAt: new Date(event.start).toISOString(),
        ...asSessionPlan(event),
        ...matchClient(event, clients),
        alreadyInRapport: isKnown(uids, event.key),
      }));
      return { proposals, ignored };
    },

    async importSessions(choices) {
      for (const choice of choices) store.client(choice.clientId);
      const uids = knownUids();
      const fresh = choices.filter((choice) => {
        if (isKnown(uids, choice.calendarUid)) return false;
        uids.add(choice.calendarUid);
        return true;
      });
      const byClient = new Map<string, typeof fresh>();
      for (const choice of fresh) byClient.set(choice.clientId, [...(byClient.get(choice.clientId) ?? []), choice]);
      const created: { clientId: string; session: Session }[] = [];
      for (const [clientId, list] of byClient) {
        const { result } = await store.updateClient(clientId, ({ sessions }) =>
          list.map((choice) => {
            const session: Session = {
              ...newRecord(context),
              startsAt: choice.startsAt,
              durationMinutes: choice.durationMinutes,
              mode: choice.mode,
              location: choice.location,
              status: 'planned',
              reconfirmedAt: null,
              materialsSentAt: null,
              notes: '',
              reflection: null,
              agendaSentAt: null,
              recapSentAt: null,
              billing: null,
              groupSize: 1,
              calendarUid: choice.calendarUid,
            };
            sessions.push(session);
            return session;
          }),
        );
        for (const session of result) created.push({ clientId, session });
      }
      return { created, skipped: choices.length - fresh.length };
    },
  };
}
