import type { SearchHitKind, SearchTab } from '../api/search';
import type { ClientDocument } from '../model/documents';

type Add = (kind: SearchHitKind, field: string, text: string, tab: SearchTab, id?: string) => void;

/**
 * The coach's private intimacy texts: questions written for this client, phrasings and
 * way-out lines, first moves and what they noted afterwards. Each opens the Sessions tab at
 * the session it belongs to (for a question, the latest session it was planned for).
 */
export function addIntimacyEntries(document: ClientDocument, add: Add): void {
  const { intimacy } = document;
  const startOf = new Map(document.sessions.map((session) => [session.id, session.startsAt]));
  const latestSessionOf = new Map<string, { id: string; startsAt: string }>();
  for (const entry of intimacy.sessions) {
    const startsAt = startOf.get(entry.sessionId) ?? '';
    for (const { questionId } of entry.questions) {
      const known = latestSessionOf.get(questionId);
      if (!known || known.startsAt < startsAt) latestSessionOf.set(questionId, { id: entry.sessionId, startsAt });
    }
  }
  const sessionOf = (questionId: string) => latestSessionOf.get(questionId)?.id;
  for (const question of intimacy.clientQuestions) add('intimacy', 'clientQuestion', question.text, 'sessions', sessionOf(question.id));
  for (const phrasings of intimacy.phrasings) {
    for (const version of phrasings.versions) add('intimacy', 'phrasing', version, 'sessions', sessionOf(phrasings.questionId));
    if (phrasings.wayOut !== null) add('intimacy', 'wayOut', phrasings.wayOut, 'sessions', sessionOf(phrasings.questionId));
  }
  for (const entry of intimacy.sessions) {
    add('intimacy', 'firstMove', entry.firstMove, 'sessions', entry.sessionId);
    add('intimacy', 'clientResponse', entry.clientResponse, 'sessions', entry.sessionId);
    add('intimacy', 'heldBackWhy', entry.heldBackWhy, 'sessions', entry.sessionId);
  }
}
