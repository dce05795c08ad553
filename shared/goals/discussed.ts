import type { ClientDocument } from '../model/documents';
import type { SessionStatus } from '../model/session';

/** A session whose agenda has at least one item linked to the goal. */
export interface GoalDiscussion {
  sessionId: string;
  startsAt: string;
  status: SessionStatus;
  /** Titles of the agenda items linked to the goal, in agenda order. */
  itemTitles: string[];
}

/**
 * Sessions where the goal was (or will be) discussed, most recent first. Cancelled and
 * missed sessions are left out: the goal was not discussed there.
 */
export function goalDiscussions(document: ClientDocument, goalId: string): GoalDiscussion[] {
  const sessions = new Map(document.sessions.map((session) => [session.id, session]));
  const discussions: GoalDiscussion[] = [];
  for (const agenda of document.agendas) {
    const session = sessions.get(agenda.sessionId);
    if (!session || session.status === 'cancelled' || session.status === 'no-show') continue;
    const itemTitles = agenda.items.filter((item) => item.goalId === goalId).map((item) => item.title);
    if (itemTitles.length === 0) continue;
    discussions.push({ sessionId: session.id, startsAt: session.startsAt, status: session.status, itemTitles });
  }
  return discussions.sort((a, b) => Date.parse(b.startsAt) - Date.parse(a.startsAt));
}
