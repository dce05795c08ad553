import type { NotesApi } from '../../../shared/api/notes';
import type { ServiceContext } from './context';
import { findRecord, newRecord, removeRecord } from './records';

export function createNotesService(context: ServiceContext): NotesApi {
  const { store } = context;
  return {
    async create(clientId, text) {
      const { result } = await store.updateClient(clientId, ({ client }) => {
        const now = context.timestamp();
        const note = { ...newRecord(context, now), text };
        client.notes.push(note);
        client.updatedAt = now;
        return note;
      });
      return result;
    },

    async update(clientId, noteId, text) {
      const { result } = await store.updateClient(clientId, ({ client }) => {
        const note = findRecord(client.notes, noteId, 'note');
        note.text = text;
        note.updatedAt = context.timestamp();
        client.updatedAt = note.updatedAt;
        return note;
      });
      return result;
    },

    async remove(clientId, noteId) {
      await store.updateClient(clientId, ({ client }) => {
        removeRecord(client.notes, noteId, 'note');
        client.updatedAt = context.timestamp();
      });
    },
  };
}
