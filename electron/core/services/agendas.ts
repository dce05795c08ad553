import { applyChanges, exportAgendaText } from '../../../shared/agenda';
import { applyDraft, summariseEdit } from '../../../shared/agenda/draft';
import { readReply, replyUndoFor, textContext, type ReplyUndo } from '../../../shared/agenda/read-reply';
import type { AgendasApi } from '../../../shared/api/agendas';
import { RapportError } from '../../../shared/errors';
import type { Agenda, AgendaHistoryEntry } from '../../../shared/model/agenda';
import type { ClientDocument } from '../../../shared/model/documents';
import type { Session } from '../../../shared/model/session';
import type { ServiceContext } from './context';
import { findRecord } from './records';
import { findTemplate } from './templates';

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function findSession(document: ClientDocument, sessionId: string): Session {
  return findRecord(document.sessions, sessionId, 'session');
}

function agendaIndex(document: ClientDocument, sessionId: string): number {
  findSession(document, sessionId);
  return document.agendas.findIndex((agenda) => agenda.sessionId === sessionId);
}

function requireAgenda(document: ClientDocument, sessionId: string): Agenda {
  const index = agendaIndex(document, sessionId);
  if (index < 0) throw new RapportError('NOT_FOUND', 'There is no agenda for this session yet. Draft one first.');
  return document.agendas[index];
}

/** How long a reply may take to read before Rapport refuses it rather than keep the app waiting. */
const READ_BUDGET_MS = 2000;

const SHARED = 'Shared the agenda with the client for review';

export function createAgendasService(context: ServiceContext): AgendasApi {
  const { store } = context;
  /**
   * The last applied reply of each agenda, for undo. Kept while the workspace is open: undo
   * is offered right after applying, and refused once the agenda was changed since.
   */
  const lastApplied = new Map<string, ReplyUndo>();
  const undoKey = (clientId: string, sessionId: string) => `${clientId}/${sessionId}`;

  /** Reads a reply against the session's agenda, within a time budget (never blocks the app for long). */
  function read(clientId: string, sessionId: string, text: string) {
    const document = store.client(clientId);
    const session = findSession(document, sessionId);
    const agenda = requireAgenda(document, sessionId);
    const clock = () => performance.now();
    return readReply(agenda, text, {
      text: textContext(document, session, store.practice().settings),
      now: clock,
      deadline: clock() + READ_BUDGET_MS,
    });
  }

  /** A history entry for something the coach did. */
  function entry(summary: string): AgendaHistoryEntry {
    return { id: context.newId(), at: context.timestamp(), author: 'coach', summary };
  }

  /** Changes the existing agenda of a session; `change` returns null when nothing changed. */
  async function updateAgenda(clientId: string, sessionId: string, change: (agenda: Agenda) => Agenda | null): Promise<Agenda> {
    const { result } = await store.updateClient(clientId, (document) => {
      const index = agendaIndex(document, sessionId);
      if (index < 0) throw new RapportError('NOT_FOUND', 'There is no agenda for this session yet. Draft one first.');
      const next = change(document.agendas[index]);
      if (next === null) return document.agendas[index];
      const updated = { ...next, updatedAt: context.timestamp() };
      document.agendas[index] = updated;
      return updated;
    });
    return result;
  }

  /** Creates the agenda when missing, or replaces it with what `build` returns (null: unchanged). */
  async function upsertAgenda(
    clientId: string,
    sessionId: string,
    build: (current: Agenda | null, document: ClientDocument) => Agenda | null,
  ): Promise<Agenda> {
    const { result } = await store.updateClient(clientId, (document) => {
      const index = agendaIndex(document, sessionId);
      const next = build(index < 0 ? null : document.agendas[index], document);
      if (next === null) return document.agendas[index];
      if (index < 0) document.agendas.push(next);
      else document.agendas[index] = next;
      return next;
    });
    return result;
  }

  return {
    async get(clientId, sessionId) {
      const document = store.client(clientId);
      const index = agendaIndex(document, sessionId);
      return index < 0 ? null : document.agendas[index];
    },

    async context(clientId, sessionId) {
      const document = store.client(clientId);
      const session = findSession(document, sessionId);
      return {
        session,
        clientName: document.client.name,
        terminology: document.client.terminology.map(({ term, meaning }) => ({ term, meaning })),
        goals: document.goals.map(({ id, title }) => ({ id, title })),
        sessionMinutes: session.durationMinutes,
      };
    },

    async save(clientId, sessionId, draft) {
      return upsertAgenda(clientId, sessionId, (current, document) => {
        const now = context.timestamp();
        const clientGoalIds = new Set(document.goals.map((goal) => goal.id));
        const next = applyDraft(current, draft, { sessionId, clientGoalIds, newId: context.newId, now });
        if (current === null) {
          const counts = `${plural(next.goals.length, 'goal')}, ${plural(next.items.length, 'item')}`;
          return { ...next, history: [entry(`Drafted the agenda: ${counts}`)] };
        }
        const summary = summariseEdit(current, next);
        if (summary === null) return null;
        return { ...next, updatedAt: now, history: [...next.history, entry(summary)] };
      });
    },

    async fromTemplate(clientId, sessionId, templateId) {
      const template = findTemplate(store, templateId);
      return upsertAgenda(clientId, sessionId, (current, document) => {
        const draft = {
          goals: template.goals.map((text) => ({ text })),
          items: template.items.map((item) => ({ ...item, proposedBy: 'coach' as const, goalId: null, outcome: '' })),
        };
        const base = current ? { ...current, goals: [], items: [] } : null;
        const next = applyDraft(base, draft, {
          sessionId,
          clientGoalIds: new Set(document.goals.map((goal) => goal.id)),
          newId: context.newId,
          now: context.timestamp(),
        });
        const verb = current && (current.goals.length > 0 || current.items.length > 0) ? 'Replaced the agenda with' : 'Started from';
        return {
          ...next,
          updatedAt: context.timestamp(),
          history: [...next.history, entry(`${verb} the template “${template.name.slice(0, 120)}”`)],
        };
      });
    },

    async share(clientId, sessionId) {
      const document = store.client(clientId);
      const session = findSession(document, sessionId);
      const agenda = requireAgenda(document, sessionId);
      const text = exportAgendaText(agenda, textContext(document, session, store.practice().settings));
      await updateAgenda(clientId, sessionId, (current) => {
        // Copying the same, unchanged agenda twice is one sharing, not two.
        const last = current.history.at(-1);
        const unchanged = current.sharedAt !== null && last?.summary === SHARED;
        if (unchanged) return null;
        const at = context.timestamp();
        return { ...current, sharedAt: at, history: [...current.history, entry(SHARED)], updatedAt: at };
      });
      return { text };
    },

    async shareText(clientId, sessionId) {
      const document = store.client(clientId);
      const session = findSession(document, sessionId);
      const agenda = requireAgenda(document, sessionId);
      return { text: exportAgendaText(agenda, textContext(document, session, store.practice().settings)) };
    },

    async previewReply(clientId, sessionId, text) {
      return read(clientId, sessionId, text).preview;
    },

    async applyReply(clientId, sessionId, text, acceptedChangeIds) {
      const { preview } = read(clientId, sessionId, text);
      let undo: ReplyUndo | undefined;
      const result = await updateAgenda(clientId, sessionId, (agenda) => {
        const { changes } = preview;
        const known = new Set(changes.map((change) => change.id));
        const unknown = acceptedChangeIds.filter((id) => !known.has(id));
        if (unknown.length > 0) {
          throw new RapportError(
            'INVALID_INPUT',
            'Some accepted changes are no longer in this reply, perhaps because the agenda was edited since. Please import the reply again.',
          );
        }
        const next = applyChanges(agenda, changes, acceptedChangeIds, context.newId, context.timestamp());
        if (next === agenda) return null;
        undo = { before: { goals: agenda.goals, items: agenda.items }, after: { goals: next.goals, items: next.items } };
        return next;
      });
      if (undo) lastApplied.set(undoKey(clientId, sessionId), undo);
      return result;
    },

    async undoReply(clientId, sessionId) {
      const key = undoKey(clientId, sessionId);
      const result = await updateAgenda(clientId, sessionId, (agenda) => {
        const undo = replyUndoFor(agenda, lastApplied.get(key));
        return {
          ...agenda,
          goals: undo.before.goals,
          items: undo.before.items,
          history: [...agenda.history, entry('Undid the changes applied from the client’s reply')],
        };
      });
      lastApplied.delete(key);
      return result;
    },

    async setReviewed(clientId, sessionId, reviewed) {
      return updateAgenda(clientId, sessionId, (agenda) => {
        if ((agenda.reviewedWithClientAt !== null) === reviewed) return null;
        return {
          ...agenda,
          reviewedWithClientAt: reviewed ? context.timestamp() : null,
          history: [
            ...agenda.history,
            entry(reviewed ? 'Marked as reviewed with the client' : 'Marked as not yet reviewed with the client'),
          ],
        };
      });
    },

    async setGoalMet(clientId, sessionId, goalId, met) {
      return updateAgenda(clientId, sessionId, (agenda) => {
        const goal = findRecord(agenda.goals, goalId, 'meeting goal', 'That meeting goal is no longer on the agenda.');
        if (goal.met === met) return null;
        const words = { yes: 'met', partly: 'partly met', no: 'not met', unset: 'not yet assessed' }[met];
        return {
          ...agenda,
          goals: agenda.goals.map((candidate) => (candidate.id === goalId ? { ...candidate, met } : candidate)),
          history: [...agenda.history, entry(`Marked the goal “${goal.text.slice(0, 120)}” as ${words}`)],
        };
      });
    },

    async setOutcome(clientId, sessionId, itemId, outcome) {
      return updateAgenda(clientId, sessionId, (agenda) => {
        const item = findRecord(agenda.items, itemId, 'item', 'That item is no longer on the agenda.');
        if (item.outcome === outcome) return null;
        return {
          ...agenda,
          items: agenda.items.map((candidate) => (candidate.id === itemId ? { ...candidate, outcome } : candidate)),
          history: [...agenda.history, entry(`Noted the outcome of “${item.title.slice(0, 120)}”`)],
        };
      });
    },
  };
}
