import type { ClientDocument } from '../../../shared/model/documents';

/**
 * Clears what a client's documents say about a session, goal or application that is going away,
 * so that no document names a record the client no longer has (a backup holding one would be
 * refused as crossed with another client's).
 */
export function unlinkDocuments(document: ClientDocument, field: 'sessionId' | 'goalId' | 'applicationId', id: string, now: string): void {
  for (const attached of document.documents) {
    if (attached[field] !== id) continue;
    attached[field] = null;
    attached.updatedAt = now;
  }
}
