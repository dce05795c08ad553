import type { Workspace } from '../../electron/core/workspace';
import type { ClientDocument } from '../../shared/model/documents';
import { findMethod } from '../harness/api-slots';

/** One durable one-document edit, applied the same way through the workspace and to the baselines' raw documents. */
export interface EditAction {
  description: string;
  viaWorkspace(workspace: Workspace, document: ClientDocument, round: number): Promise<void>;
  /** Applies the same change to a raw document; returns the top-level key it changed. */
  onDocument(document: ClientDocument, round: number, timestamp: string): keyof ClientDocument;
}

type SetDone = (clientId: string, commitmentId: string, done: boolean) => Promise<unknown>;

const tickCommitment: EditAction = {
  description: 'tick or untick a commitment (commitments.setDone)',
  async viaWorkspace(workspace, document, round) {
    const setDone = findMethod<SetDone>(workspace, 'commitments', 'setDone');
    if (!setDone) throw new Error('commitments.setDone is not available.');
    await setDone(document.client.id, document.commitments[0].id, round % 2 === 0);
  },
  onDocument(document, round, timestamp) {
    const commitment = document.commitments[0];
    commitment.doneAt = round % 2 === 0 ? timestamp : null;
    commitment.updatedAt = timestamp;
    return 'commitments';
  },
};

const retagClient: EditAction = {
  description: 'change a client’s tags (clients.update), standing in until commitments.setDone is merged',
  async viaWorkspace(workspace, document, round) {
    await workspace.clients.update(document.client.id, { tags: tagsFor(round) });
  },
  onDocument(document, round, timestamp) {
    document.client.tags = tagsFor(round);
    document.client.updatedAt = timestamp;
    return 'client';
  },
};

function tagsFor(round: number): string[] {
  return round % 2 === 0 ? ['leadership', 'benchmark'] : ['leadership'];
}

/** Ticking a commitment once the workspace can; until then a tag change, which is also a durable one-document edit. */
export function chooseEditAction(workspace: Workspace, document: ClientDocument): EditAction {
  const canTick = findMethod(workspace, 'commitments', 'setDone') !== null && document.commitments.length > 0;
  return canTick ? tickCommitment : retagClient;
}
