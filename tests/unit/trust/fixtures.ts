import { randomUUID } from 'node:crypto';
import type { Agenda, AgendaItem, MeetingGoal } from '../../../shared/model/agenda';
import type { TrustAssessment } from '../../../shared/model/assessment';
import type { Commitment } from '../../../shared/model/commitment';
import { CLIENT_DOCUMENT_VERSION, ClientDocument } from '../../../shared/model/documents';
import { emptyIntimacy } from '../../../shared/model/intimacy';
import { emptyJobSearch } from '../../../shared/model/job-search';
import type { Reflection, Session } from '../../../shared/model/session';

const CREATED = '2026-01-01T09:00:00.000Z';
const record = () => ({ id: randomUUID(), createdAt: CREATED, updatedAt: CREATED });

/** A local-time instant as ISO, so due-date (end of local day) rules hold in any time zone. */
export function local(year: number, month: number, day: number, hour = 12, minute = 0): string {
  return new Date(year, month - 1, day, hour, minute).toISOString();
}

export function clientDocument(parts: Partial<Omit<ClientDocument, 'client'>> & { notes?: string[] } = {}): ClientDocument {
  const { notes = [], ...rest } = parts;
  const document: ClientDocument = {
    schemaVersion: CLIENT_DOCUMENT_VERSION,
    client: {
      ...record(),
      name: 'Amara Okafor',
      preferredName: 'Amara',
      pronouns: '',
      email: '',
      phone: '',
      currentRole: '',
      targetRole: '',
      organisation: '',
      status: 'active',
      tags: [],
      startDate: null,
      background: '',
      timeZone: '',
      billing: 'paid',
      terminology: [],
      notes: notes.map((createdAt) => ({ id: randomUUID(), createdAt, updatedAt: createdAt, text: 'Call' })),
      statusBeforeArchive: null,
      archivedAt: null,
    },
    sessions: [],
    agendas: [],
    goals: [],
    commitments: [],
    assessments: [],
    questionsAsked: [],
    intimacy: emptyIntimacy(),
    jobSearch: emptyJobSearch(),
    documents: [],
    ...rest,
  };
  return ClientDocument.parse(document);
}

export function session(startsAt: string, fields: Partial<Session> = {}): Session {
  return {
    ...record(),
    startsAt,
    durationMinutes: 60,
    mode: 'video',
    location: '',
    status: 'held',
    reconfirmedAt: null,
    materialsSentAt: null,
    notes: '',
    reflection: null,
    agendaSentAt: null,
    recapSentAt: null,
    billing: null,
    groupSize: 1,
    calendarUid: null,
    ...fields,
  };
}

export function reflection(signs: Reflection['signs'], habits: Reflection['habits']): Reflection {
  return { signs, habits, text: '', updatedAt: CREATED };
}

export function commitment(dueDate: string | null, doneAt: string | null, owner: Commitment['owner'] = 'coach'): Commitment {
  return { ...record(), text: 'Send the CV template', owner, dueDate, doneAt, sessionId: null };
}

export function agendaItem(fields: Partial<AgendaItem> = {}): AgendaItem {
  return { id: randomUUID(), title: 'Item', details: '', minutes: 10, proposedBy: 'coach', goalId: null, outcome: '', ...fields };
}

export function agenda(
  sessionId: string,
  fields: { goals?: MeetingGoal['met'][]; items?: AgendaItem['proposedBy'][]; reviewedWithClientAt?: string | null } = {},
): Agenda {
  return {
    ...record(),
    sessionId,
    goals: (fields.goals ?? []).map((met) => ({ id: randomUUID(), text: 'Decide on the next step', met })),
    items: (fields.items ?? []).map((proposedBy) => agendaItem({ proposedBy })),
    sharedAt: null,
    reviewedWithClientAt: fields.reviewedWithClientAt ?? null,
    history: [],
  };
}

export function assessment(
  date: string,
  source: TrustAssessment['source'],
  [credibility, reliability, intimacy, selfOrientation]: [number, number, number, number],
): TrustAssessment {
  return { ...record(), date, source, credibility, reliability, intimacy, selfOrientation, note: '' };
}
