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
  const documents = new Set(document.documents.map((attached) => attached.id));
  for (const application of document.jobSearch.applications) {
    if (application.cvDocumentId !== null && !documents.has(application.cvDocumentId)) return `application ${application.id}`;
    if (application.coverLetterDocumentId !== null && !documents.has(application.coverLetterDocumentId)) {
      return `application ${application.id}`;
    }
    for (const rating of application.offer?.ratings ?? []) {
      if (!criteria.has(rating.criterionId)) return `offer rating of application ${application.id}`;
    }
  }
  return danglingDocumentReference(document, sessions, goals);
}

/**
 * The first attached document that names a session, goal, application or earlier version this
 * client does not have, or whose version links do not form simple chains (each document is the
 * newer version of at most one other, and at most one document is the newer version of it, with
 * no loop), or null.
 */
function danglingDocumentReference(document: ClientDocument, sessions: Set<string>, goals: Set<string>): string | null {
  const applications = new Set(document.jobSearch.applications.map((application) => application.id));
  const previousOf = new Map(document.documents.map((attached) => [attached.id, attached.previousVersionId]));
  const hasNewer = new Set<string>();
  for (const attached of document.documents) {
    const where = `document ${attached.id}`;
    if (attached.sessionId !== null && !sessions.has(attached.sessionId)) return where;
    if (attached.goalId !== null && !goals.has(attached.goalId)) return where;
    if (attached.applicationId !== null && !applications.has(attached.applicationId)) return where;
    const previous = attached.previousVersionId;
    if (previous === null) continue;
    if (!previousOf.has(previous) || hasNewer.has(previous)) return where;
    hasNewer.add(previous);
  }
  // Every document is now the newer version of at most one and the older of at most one, so the
  // links form chains and loops: walking back from each newest version reaches every document
  // that is on a chain, and any left over sits on a loop.
  const onChain = new Set<string>();
  for (const attached of document.documents) {
    if (hasNewer.has(attached.id)) continue;
    for (let at: string | null = attached.id; at !== null; at = previousOf.get(at) ?? null) onChain.add(at);
  }
  const looped = document.documents.find((attached) => !onChain.has(attached.id));
  if (looped) return `document ${looped.id}`;
  return null;
}
