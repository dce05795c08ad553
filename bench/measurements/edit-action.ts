import type { Workspace } from '../../electron/core/workspace';
import type { ClientDocument } from '../../shared/model/documents';

/** One durable one-document edit, applied the same way through the workspace and to the baselines' raw documents. */
export interface EditAction {
  description: string;
  viaWorkspace(workspace: Workspace, document: ClientDocument, round: number): Promise<void>;
  /** Applies the same change to a raw document; returns the top-level key it changed. */
  onDocument(document: ClientDocument, round: number, timestamp: string): keyof ClientDocument;
}

const tickCommitment: EditAction = {
  description: 'tick or untick a commitment (commitments.setDone)',
  async viaWorkspace(workspace, document, round) {
    await workspace.commitments.setDone(document.client.id, document.commitments[0].id, round % 2 === 0);
  },
  onDocument(document, round, timestamp) {
    const commitment = document.commitments[0];
    commitment.doneAt = round % 2 === 0 ? timestamp : null;
    commitment.updatedAt = timestamp;
    return 'commitments';
  },
};

const retagClient: EditAction = {
  description: 'change a client’s tags (clients.update), for a client without commitments',
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

/** Ticking a commitment; for a client without one, a tag change, which is also a durable one-document edit. */
export function chooseEditAction(document: ClientDocument): EditAction {
  return document.commitments.length > 0 ? tickCommitment : retagClient;
}
