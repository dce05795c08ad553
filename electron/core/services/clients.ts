import type { ClientsApi } from '../../../shared/api/clients';
import { isKnownTimeZone } from '../../../shared/dates';
import { RapportError } from '../../../shared/errors';
import { byClientName, toClientSummary, type Client, type ClientCreateInput } from '../../../shared/model/client';
import { CLIENT_DOCUMENT_VERSION, type ClientDocument } from '../../../shared/model/documents';
import { emptyIntimacy } from '../../../shared/model/intimacy';
import { emptyJobSearch } from '../../../shared/model/job-search';
import type { ServiceContext } from './context';
import { newRecord } from './records';

const UNKNOWN_ZONE = 'Rapport does not know this time zone. Please choose one from the list.';

/** Refuses a time zone the pattern lets through but no calendar knows ("Mars/Olympus"). */
function checkTimeZone(timeZone: string | undefined): void {
  if (timeZone !== undefined && !isKnownTimeZone(timeZone)) {
    throw new RapportError('INVALID_INPUT', UNKNOWN_ZONE, [{ path: ['timeZone'], message: UNKNOWN_ZONE }]);
  }
}

function newClientDocument(context: ServiceContext, input: ClientCreateInput): ClientDocument {
  const now = context.timestamp();
  return {
    schemaVersion: CLIENT_DOCUMENT_VERSION,
    client: {
      ...newRecord(context, now),
      name: input.name,
      preferredName: input.preferredName ?? '',
      pronouns: input.pronouns ?? '',
      email: input.email ?? '',
      phone: input.phone ?? '',
      currentRole: input.currentRole ?? '',
      targetRole: input.targetRole ?? '',
      organisation: input.organisation ?? '',
      status: input.status ?? 'prospect',
      tags: input.tags ?? [],
      startDate: input.startDate ?? null,
      background: input.background ?? '',
      timeZone: input.timeZone ?? '',
      billing: input.billing ?? 'paid',
      terminology: [],
      notes: [],
      statusBeforeArchive: null,
      archivedAt: input.status === 'archived' ? now : null,
    },
    sessions: [],
    agendas: [],
    goals: [],
    commitments: [],
    assessments: [],
    questionsAsked: [],
    intimacy: emptyIntimacy(),
    jobSearch: emptyJobSearch(),
    documents: [],
  };
}

export function createClientsService(context: ServiceContext): ClientsApi {
  const { store } = context;

  async function setArchived(id: string, archived: boolean): Promise<Client> {
    const { document } = await store.updateClient(id, ({ client }) => {
      if ((client.status === 'archived') === archived) return;
      const now = context.timestamp();
      if (archived) {
        client.statusBeforeArchive = client.status;
        client.status = 'archived';
        client.archivedAt = now;
      } else {
        client.status = client.statusBeforeArchive ?? 'active';
        client.statusBeforeArchive = null;
        client.archivedAt = null;
      }
      client.updatedAt = now;
    });
    return document.client;
  }

  return {
    async list() {
      return store
        .allClients()
        .map((document) => toClientSummary(document.client))
        .sort(byClientName);
    },

    async get(id) {
      return store.client(id).client;
    },

    async create(input) {
      checkTimeZone(input.timeZone);
      const document = await store.createClient(newClientDocument(context, input));
      return document.client;
    },

    async update(id, patch) {
      if (patch.status === 'archived' || (patch.status && store.client(id).client.status === 'archived')) {
        throw new RapportError('INVALID_INPUT', 'Use Archive and Unarchive to change whether a client is archived.', [
          { path: ['status'], message: 'Use Archive and Unarchive to change whether a client is archived.' },
        ]);
      }
      checkTimeZone(patch.timeZone);
      const { document } = await store.updateClient(id, ({ client }) => {
        Object.assign(client, patch);
        client.updatedAt = context.timestamp();
      });
      return document.client;
    },

    archive: (id) => setArchived(id, true),
    unarchive: (id) => setArchived(id, false),

    async remove(id, confirmName) {
      const { name } = store.client(id).client;
      if (confirmName.trim() !== name.trim()) {
        const message = `To delete this client for good, type their name exactly: ${name}`;
        throw new RapportError('INVALID_INPUT', message, [{ path: ['confirmName'], message }]);
      }
      await store.deleteClient(id);
    },
  };
}
