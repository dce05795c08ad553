import type { RouteLocationRaw } from 'vue-router';
import type { DocumentView } from '../../../../shared/api/documents';
import { useApi } from '../../api/client';
import { useKeyedLoader } from '../../composables/use-keyed-loader';
import { formatInstantDay, formatInstantTime } from '../../format';

/** A record of the client a document can be linked to, as a select and a chip name it. */
export interface LinkTarget {
  id: string;
  label: string;
}

export interface LinkTargets {
  sessions: LinkTarget[];
  goals: LinkTarget[];
  applications: LinkTarget[];
}

export type LinkKind = 'session' | 'goal' | 'application';

/** One link of a document, ready to show as a chip that opens the linked record. */
export interface DocumentLink {
  kind: LinkKind;
  id: string;
  label: string;
  to: RouteLocationRaw;
}

const TAB: Record<LinkKind, string> = { session: 'sessions', goal: 'goals', application: 'job-search' };
const KIND_NAME: Record<LinkKind, string> = { session: 'Session', goal: 'Goal', application: 'Application' };

export const noTargets = (): LinkTargets => ({ sessions: [], goals: [], applications: [] });

/** The client's sessions (newest first, by date), goals and job applications a document can link to. */
export function useLinkTargets(clientId: () => string) {
  const api = useApi();
  return useKeyedLoader({
    key: clientId,
    load: async (id): Promise<LinkTargets> => {
      const [sessions, goals, jobSearch] = await Promise.all([api.sessions.list(id), api.goals.list(id), api.jobSearch.get(id)]);
      return {
        sessions: [...sessions]
          .sort((a, b) => b.startsAt.localeCompare(a.startsAt))
          .map((session) => ({ id: session.id, label: `${formatInstantDay(session.startsAt)}, ${formatInstantTime(session.startsAt)}` })),
        goals: goals.map((goal) => ({ id: goal.id, label: goal.title })),
        applications: jobSearch.applications.map((application) => ({
          id: application.id,
          label: application.role ? `${application.organisation} — ${application.role}` : application.organisation,
        })),
      };
    },
    initial: noTargets(),
  });
}

/** The links of `document` that name a record still there, each with where its chip leads. */
export function linksOf(document: DocumentView, clientId: string, targets: LinkTargets): DocumentLink[] {
  const found: DocumentLink[] = [];
  const add = (kind: LinkKind, id: string | null, among: LinkTarget[]) => {
    const target = id === null ? undefined : among.find((candidate) => candidate.id === id);
    if (!target) return;
    found.push({
      kind,
      id: target.id,
      label: `${KIND_NAME[kind]}: ${target.label}`,
      to: { name: 'client', params: { id: clientId }, query: { tab: TAB[kind], focus: target.id } },
    });
  };
  add('session', document.sessionId, targets.sessions);
  add('goal', document.goalId, targets.goals);
  add('application', document.applicationId, targets.applications);
  return found;
}

/** Whether the document is linked to the record `id` (a session, goal or application). */
export const linkedTo = (document: DocumentView, id: string) =>
  document.sessionId === id || document.goalId === id || document.applicationId === id;
