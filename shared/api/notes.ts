import { z } from 'zod';
import { ClientNote } from '../model/client';
import { Id } from '../model/primitives';

const NoteText = ClientNote.shape.text;

/** Timestamped Markdown notes in a client's file. */
export interface NotesApi {
  create(clientId: string, text: string): Promise<ClientNote>;
  update(clientId: string, noteId: string, text: string): Promise<ClientNote>;
  remove(clientId: string, noteId: string): Promise<void>;
}

export const notesContract = {
  create: z.tuple([Id, NoteText]),
  update: z.tuple([Id, Id, NoteText]),
  remove: z.tuple([Id, Id]),
};

export type { ClientNote };
