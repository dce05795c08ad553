import type { JobSearchApi } from '../../../shared/api/job-search';
import { RapportError } from '../../../shared/errors';
import { practiceJobSearch } from '../../../shared/job-search/practice';
import { nextActionsDue } from '../../../shared/today/next-actions';
import type { ClientDocument } from '../../../shared/model/documents';
import { MAX_CRITERIA, type Application, type OfferCriterion } from '../../../shared/model/job-search';
import type { ServiceContext } from './context';
import { findRecord, newRecord, removeRecord } from './records';
import { unlinkDocuments } from './document-links';

/** As many moves as the schema keeps for one application. */
const MAX_MOVES = 500;

function invalid(field: string, message: string): RapportError {
  return new RapportError('INVALID_INPUT', message, [{ path: [field], message }]);
}

const lastMove = (application: Application) => application.stageHistory[application.stageHistory.length - 1].at;

/** Most recently moved first, so the applications that are alive come first. */
function listOrder(a: Application, b: Application): number {
  return lastMove(b).localeCompare(lastMove(a)) || a.organisation.localeCompare(b.organisation);
}

export function createJobSearchService(context: ServiceContext): JobSearchApi {
  const { store } = context;

  async function changeApplication(clientId: string, id: string, change: (application: Application, document: ClientDocument) => void) {
    const { result } = await store.updateClient(clientId, (document) => {
      const application = findRecord(document.jobSearch.applications, id, 'application');
      change(application, document);
      application.updatedAt = context.timestamp();
      return application;
    });
    return result;
  }

  async function changeCriterion(clientId: string, id: string, change: (criterion: OfferCriterion) => void) {
    const { result } = await store.updateClient(clientId, (document) => {
      const criterion = findRecord(document.jobSearch.criteria, id, 'criterion');
      change(criterion);
      return criterion;
    });
    return result;
  }

  return {
    async get(clientId) {
      const { applications, criteria } = store.client(clientId).jobSearch;
      return { applications: [...applications].sort(listOrder), criteria: [...criteria] };
    },

    async createApplication(clientId, input) {
      const { result } = await store.updateClient(clientId, (document) => {
        const record = newRecord(context);
        const stage = input.stage ?? 'interested';
        const application: Application = {
          ...record,
          organisation: input.organisation,
          role: input.role ?? '',
          link: input.link ?? '',
          source: input.source ?? 'posting',
          notes: input.notes ?? '',
          stage,
          stageHistory: [{ stage, at: record.createdAt }],
          contacts: [],
          nextAction: null,
          cvDocumentId: null,
          coverLetterDocumentId: null,
          offer: null,
        };
        document.jobSearch.applications.push(application);
        return application;
      });
      return result;
    },

    updateApplication: (clientId, id, patch) =>
      changeApplication(clientId, id, (application) => {
        Object.assign(application, patch);
      }),

    async removeApplication(clientId, id) {
      await store.updateClient(clientId, (document) => {
        removeRecord(document.jobSearch.applications, id, 'application');
        unlinkDocuments(document, 'applicationId', id, context.timestamp());
      });
    },

    async moveApplication(clientId, id, stage) {
      const current = findRecord(store.client(clientId).jobSearch.applications, id, 'application');
      if (current.stage === stage) return current;
      return changeApplication(clientId, id, (application) => {
        if (application.stage === stage) return;
        if (application.stageHistory.length >= MAX_MOVES) {
          throw invalid('stage', `This application has already been moved ${MAX_MOVES} times; Rapport keeps no more moves for it.`);
        }
        application.stage = stage;
        application.stageHistory.push({ stage, at: context.timestamp() });
      });
    },

    addContact: (clientId, id, input) =>
      changeApplication(clientId, id, (application) => {
        if (application.contacts.length >= 50) throw invalid('name', 'An application can hold up to 50 contacts.');
        application.contacts.push({
          id: context.newId(),
          name: input.name,
          role: input.role ?? '',
          email: input.email ?? '',
          phone: input.phone ?? '',
        });
      }),

    updateContact: (clientId, id, contactId, patch) =>
      changeApplication(clientId, id, (application) => {
        Object.assign(findRecord(application.contacts, contactId, 'contact'), patch);
      }),

    removeContact: (clientId, id, contactId) =>
      changeApplication(clientId, id, (application) => {
        removeRecord(application.contacts, contactId, 'contact');
      }),

    setNextAction: (clientId, id, input) =>
      changeApplication(clientId, id, (application) => {
        const previous = application.nextAction;
        const doneAt = previous !== null && previous.text === input.text ? previous.doneAt : null;
        application.nextAction = { text: input.text, dueDate: input.dueDate, doneAt };
      }),

    clearNextAction: (clientId, id) =>
      changeApplication(clientId, id, (application) => {
        application.nextAction = null;
      }),

    completeNextAction: (clientId, id, done) =>
      changeApplication(clientId, id, (application) => {
        const action = application.nextAction;
        if (action === null) throw invalid('nextAction', 'This application has no next action to mark.');
        if (!done) action.doneAt = null;
        else action.doneAt ??= context.timestamp();
      }),

    setOffer: (clientId, id, terms) =>
      changeApplication(clientId, id, (application) => {
        application.offer = { ...terms, ratings: application.offer?.ratings ?? [] };
      }),

    clearOffer: (clientId, id) =>
      changeApplication(clientId, id, (application) => {
        application.offer = null;
      }),

    rateOffer: (clientId, id, criterionId, score) =>
      changeApplication(clientId, id, (application, document) => {
        const offer = application.offer;
        if (offer === null) throw invalid('offer', 'Record the offer before rating it.');
        findRecord(document.jobSearch.criteria, criterionId, 'criterion');
        offer.ratings = offer.ratings.filter((rating) => rating.criterionId !== criterionId);
        if (score !== null) offer.ratings.push({ criterionId, score });
      }),

    async addCriterion(clientId, input) {
      const { result } = await store.updateClient(clientId, (document) => {
        if (document.jobSearch.criteria.length >= MAX_CRITERIA) throw invalid('label', 'A client can weigh offers by up to 20 criteria.');
        const criterion: OfferCriterion = { id: context.newId(), label: input.label, weight: input.weight };
        document.jobSearch.criteria.push(criterion);
        return criterion;
      });
      return result;
    },

    updateCriterion: (clientId, id, patch) =>
      changeCriterion(clientId, id, (criterion) => {
        Object.assign(criterion, patch);
      }),

    async removeCriterion(clientId, id) {
      await store.updateClient(clientId, (document) => {
        removeRecord(document.jobSearch.criteria, id, 'criterion');
        const now = context.timestamp();
        for (const application of document.jobSearch.applications) {
          const offer = application.offer;
          if (offer === null || !offer.ratings.some((rating) => rating.criterionId === id)) continue;
          offer.ratings = offer.ratings.filter((rating) => rating.criterionId !== id);
          application.updatedAt = now;
        }
      });
    },

    async reorderCriteria(clientId, ids) {
      const { result } = await store.updateClient(clientId, (document) => {
        const { criteria } = document.jobSearch;
        const byId = new Map(criteria.map((criterion) => [criterion.id, criterion]));
        if (ids.length !== criteria.length || new Set(ids).size !== ids.length || ids.some((id) => !byId.has(id))) {
          throw new RapportError('CONFLICT', 'The criteria changed while you were reordering them. Please try again.');
        }
        document.jobSearch.criteria = ids.map((id) => byId.get(id) as OfferCriterion);
        return document.jobSearch.criteria;
      });
      return result;
    },

    async practice() {
      return practiceJobSearch(store.allClients(), context.now());
    },

    async nextActionsDue() {
      return nextActionsDue(store.allClients(), context.now());
    },
  };
}
