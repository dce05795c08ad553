import { z } from 'zod';
import { TermEntry } from '../model/client';
import { Id } from '../model/primitives';

export const TermInput = z.strictObject({ term: TermEntry.shape.term.trim(), meaning: TermEntry.shape.meaning });
export type TermInput = z.infer<typeof TermInput>;

/** The client's own words for things. */
export interface TerminologyApi {
  create(clientId: string, input: TermInput): Promise<TermEntry>;
  update(clientId: string, termId: string, input: TermInput): Promise<TermEntry>;
  remove(clientId: string, termId: string): Promise<void>;
}

export const terminologyContract = {
  create: z.tuple([Id, TermInput]),
  update: z.tuple([Id, Id, TermInput]),
  remove: z.tuple([Id, Id]),
};

export type { TermEntry };
