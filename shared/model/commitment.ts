import { z } from 'zod';
import { Id, IsoDate, Owner, ShortText, Timestamp, recordFields } from './primitives';

export const Commitment = z.strictObject({
  ...recordFields,
  text: ShortText.min(1, { error: 'Please describe the commitment.' }),
  owner: Owner,
  dueDate: IsoDate.nullable(),
  doneAt: Timestamp.nullable(),
  /** The session where it was made, if any. */
  sessionId: Id.nullable(),
});
export type Commitment = z.infer<typeof Commitment>;
