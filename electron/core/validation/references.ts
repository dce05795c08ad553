import type { ClientDocument } from '../../../shared/model/documents';

/**
 * The first cross-reference in a client's document that points at no record of that document
 * (an agenda's session, an agenda item's goal, a commitment's session), or null. The app keeps
 * these consistent itself (removing a session or goal clears what pointed at it), so a document
 * that fails this came from elsewhere, perhaps pointing at another client's records.
 */
export function danglingReference(document: ClientDocument): string | null {
  const sessions = new Set(document.sessions.map((session) => session.id));
  const goals = new Set(document.goals.map((goal) => goal.id));
  for (const agenda of document.agendas) {
    if (!sessions.has(agenda.sessionId)) return `agenda ${agenda.id}`;
    for (const item of agenda.items) if (item.goalId !== null && !goals.has(item.goalId)) return `agenda item ${item.id}`;
  }
  for (const commitment of document.commitments) {
    if (commitment.sessionId !== null && !sessions.has(commitment.sessionId)) return `commitment ${commitment.id}`;
  }
  const criteria = new Set(document.jobSearch.criteria.map((criterion) => criterion.id));
  for (const application of document.jobSearch.applications) {
    // The client file holds no documents yet, so no application can name one it sent.
    if (application.cvDocumentId !== null || application.coverLetterDocumentId !== null) return `application ${application.id}`;
    for (const rating of application.offer?.ratings ?? []) {
      if (!criteria.has(rating.criterionId)) return `offer rating of application ${application.id}`;
    }
  }
  return null;
}
