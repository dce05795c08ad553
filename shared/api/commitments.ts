import { z } from 'zod';
import { Commitment } from '../model/commitment';
import { Id } from '../model/primitives';

const editable = {
  text: Commitment.shape.text,
  owner: Commitment.shape.owner,
  dueDate: Commitment.shape.dueDate,
  sessionId: Commitment.shape.sessionId,
};

export const CommitmentCreateInput = z.strictObject(editable).partial({ dueDate: true, sessionId: true });
export type CommitmentCreateInput = z.infer<typeof CommitmentCreateInput>;

export const CommitmentPatch = z.strictObject(editable).partial();
export type CommitmentPatch = z.infer<typeof CommitmentPatch>;

export interface CommitmentsApi {
  /** The client's commitments: open ones first by due date, then done ones. */
  list(clientId: string): Promise<Commitment[]>;
  create(clientId: string, input: CommitmentCreateInput): Promise<Commitment>;
  update(clientId: string, commitmentId: string, patch: CommitmentPatch): Promise<Commitment>;
  /** Marks done (stamping `doneAt`) or not done (clearing it). */
  setDone(clientId: string, commitmentId: string, done: boolean): Promise<Commitment>;
  remove(clientId: string, commitmentId: string): Promise<void>;
}

export const commitmentsContract = {
  list: z.tuple([Id]),
  create: z.tuple([Id, CommitmentCreateInput]),
  update: z.tuple([Id, Id, CommitmentPatch]),
  setDone: z.tuple([Id, Id, z.boolean()]),
  remove: z.tuple([Id, Id]),
};

export type { Commitment };
