import type { CommitmentsApi } from '../../../shared/api/commitments';
import { RapportError } from '../../../shared/errors';
import type { Commitment } from '../../../shared/model/commitment';
import type { ClientDocument } from '../../../shared/model/documents';
import type { ServiceContext } from './context';
import { findRecord, newRecord, removeRecord } from './records';

/** Open commitments first, by due date (undated last); then done ones, most recent first. */
function listOrder(a: Commitment, b: Commitment): number {
  if ((a.doneAt === null) !== (b.doneAt === null)) return a.doneAt === null ? -1 : 1;
  if (a.doneAt !== null && b.doneAt !== null) return b.doneAt.localeCompare(a.doneAt);
  return (a.dueDate ?? '9999-12-31').localeCompare(b.dueDate ?? '9999-12-31') || a.createdAt.localeCompare(b.createdAt);
}

function checkSession(document: ClientDocument, sessionId: string | null | undefined): void {
  if (sessionId == null || document.sessions.some((session) => session.id === sessionId)) return;
  const message = 'That session is not in this client’s file. Choose one of their sessions or none.';
  throw new RapportError('INVALID_INPUT', message, [{ path: ['sessionId'], message }]);
}

export function createCommitmentsService(context: ServiceContext): CommitmentsApi {
  const { store } = context;

  async function changeCommitment(clientId: string, id: string, change: (commitment: Commitment, document: ClientDocument) => void) {
    const { result } = await store.updateClient(clientId, (document) => {
      const commitment = findRecord(document.commitments, id, 'commitment');
      change(commitment, document);
      commitment.updatedAt = context.timestamp();
      return commitment;
    });
    return result;
  }

  return {
    async list(clientId) {
      return [...store.client(clientId).commitments].sort(listOrder);
    },

    async create(clientId, input) {
      const { result } = await store.updateClient(clientId, (document) => {
        checkSession(document, input.sessionId);
        const commitment: Commitment = {
          ...newRecord(context),
          text: input.text,
          owner: input.owner,
          dueDate: input.dueDate ?? null,
          doneAt: null,
          sessionId: input.sessionId ?? null,
        };
        document.commitments.push(commitment);
        return commitment;
      });
      return result;
    },

    update: (clientId, id, patch) =>
      changeCommitment(clientId, id, (commitment, document) => {
        checkSession(document, patch.sessionId);
        Object.assign(commitment, patch);
      }),

    setDone: (clientId, id, done) =>
      changeCommitment(clientId, id, (commitment) => {
        if (!done) commitment.doneAt = null;
        else commitment.doneAt ??= context.timestamp();
      }),

    async remove(clientId, id) {
      await store.updateClient(clientId, (document) => {
        removeRecord(document.commitments, id, 'commitment');
      });
    },
  };
}
