import type { TerminologyApi } from '../../../shared/api/terminology';
import type { ServiceContext } from './context';
import { findRecord, newRecord, removeRecord } from './records';

export function createTerminologyService(context: ServiceContext): TerminologyApi {
  const { store } = context;
  return {
    async create(clientId, { term, meaning }) {
      const { result } = await store.updateClient(clientId, ({ client }) => {
        const now = context.timestamp();
        const entry = { ...newRecord(context, now), term, meaning };
        client.terminology.push(entry);
        client.updatedAt = now;
        return entry;
      });
      return result;
    },

    async update(clientId, termId, { term, meaning }) {
      const { result } = await store.updateClient(clientId, ({ client }) => {
        const entry = findRecord(client.terminology, termId, 'term');
        Object.assign(entry, { term, meaning, updatedAt: context.timestamp() });
        client.updatedAt = entry.updatedAt;
        return entry;
      });
      return result;
    },

    async remove(clientId, termId) {
      await store.updateClient(clientId, ({ client }) => {
        removeRecord(client.terminology, termId, 'term');
        client.updatedAt = context.timestamp();
      });
    },
  };
}
