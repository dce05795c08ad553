import type { IntimacyApi, IntimacyEvidence } from '../../../shared/api/intimacy';
import { RapportError } from '../../../shared/errors';
import type { ClientDocument } from '../../../shared/model/documents';
import { MAX_PLANNED_QUESTIONS, type SessionIntimacy } from '../../../shared/model/intimacy';
import { knownQuestions, personalCheck, preparedQuestion, sessionIntimacyView } from '../../../shared/intimacy/prepare';
import { questionBank } from '../../../shared/questions/bank';
import { latestBySource, chronological } from '../../../shared/trust/history';
import { trustEvidence } from '../../../shared/trust/evidence';
import { DAY_MS } from '../../../shared/dates';
import { EVIDENCE_WINDOW_DAYS } from '../../../shared/trust/evidence';
import type { ServiceContext } from './context';
import { findRecord } from './records';

const QUESTION_GONE = 'That question is not in the question bank or this client’s questions any more.';
const FIRST_MOVES_SHOWN = 5;
const CLIENT_ITEMS_SHOWN = 8;

export function createIntimacyService(context: ServiceContext): IntimacyApi {
  const { store } = context;
  const bank = () => questionBank(store.practice());

  function view(clientId: string, sessionId: string) {
    const document = store.client(clientId);
    const session = findRecord(document.sessions, sessionId, 'session');
    const entry = document.intimacy.sessions.find((candidate) => candidate.sessionId === sessionId);
    return sessionIntimacyView(session, entry, bank(), document);
  }

  function requireQuestion(document: ClientDocument, questionId: string): void {
    if (!knownQuestions(bank(), document).has(questionId)) throw new RapportError('NOT_FOUND', QUESTION_GONE);
  }

  /** The session's intimacy record, created on first use; the session must exist. */
  function entryFor(document: ClientDocument, sessionId: string, now: string): SessionIntimacy {
    findRecord(document.sessions, sessionId, 'session');
    let entry = document.intimacy.sessions.find((candidate) => candidate.sessionId === sessionId);
    if (!entry) {
      entry = {
        id: context.newId(),
        createdAt: now,
        updatedAt: now,
        sessionId,
        questions: [],
        firstMove: '',
        firstMoveMade: false,
        clientResponse: '',
        heldBack: false,
        heldBackWhy: '',
        reflectedAt: null,
      };
      document.intimacy.sessions.push(entry);
    }
    entry.updatedAt = now;
    return entry;
  }

  async function changeSession(
    clientId: string,
    sessionId: string,
    change: (entry: SessionIntimacy, document: ClientDocument, now: string) => void,
  ) {
    await store.updateClient(clientId, (document) => {
      const now = context.timestamp();
      change(entryFor(document, sessionId, now), document, now);
    });
    return view(clientId, sessionId);
  }

  function plan(entry: SessionIntimacy, questionId: string): void {
    if (entry.questions.some((question) => question.questionId === questionId)) return;
    if (entry.questions.length >= MAX_PLANNED_QUESTIONS) {
      throw new RapportError('INVALID_INPUT', `Plan at most ${MAX_PLANNED_QUESTIONS} questions for one session.`);
    }
    entry.questions.push({ questionId, asked: false, wayOutGiven: false });
  }

  return {
    async forSession(clientId, sessionId) {
      return view(clientId, sessionId);
    },

    planQuestion: (clientId, sessionId, questionId) =>
      changeSession(clientId, sessionId, (entry, document) => {
        requireQuestion(document, questionId);
        plan(entry, questionId);
      }),

    unplanQuestion: (clientId, sessionId, questionId) =>
      changeSession(clientId, sessionId, (entry) => {
        const at = entry.questions.findIndex((question) => question.questionId === questionId);
        if (at < 0) throw new RapportError('NOT_FOUND', 'That question is no longer planned for this session.');
        entry.questions.splice(at, 1);
      }),

    createClientQuestion: (clientId, sessionId, { text, personal }) =>
      changeSession(clientId, sessionId, (entry, document, now) => {
        const id = context.newId();
        document.intimacy.clientQuestions.push({ id, createdAt: now, updatedAt: now, text, personal });
        plan(entry, id);
      }),

    async savePhrasings(clientId, questionId, { versions, chosen, wayOut }) {
      const { document } = await store.updateClient(clientId, (draft) => {
        requireQuestion(draft, questionId);
        const now = context.timestamp();
        const trimmedWayOut = wayOut === null ? null : wayOut.trim();
        const existing = draft.intimacy.phrasings.find((entry) => entry.questionId === questionId);
        const fields = { versions, chosen, wayOut: trimmedWayOut === '' ? null : trimmedWayOut, updatedAt: now };
        if (existing) Object.assign(existing, fields);
        else draft.intimacy.phrasings.push({ id: context.newId(), createdAt: now, questionId, ...fields });
      });
      return preparedQuestion(questionId, knownQuestions(bank(), document), document);
    },

    saveFirstMove: (clientId, sessionId, { firstMove }) =>
      changeSession(clientId, sessionId, (entry) => {
        entry.firstMove = firstMove;
      }),

    saveReflection: (clientId, sessionId, input) =>
      changeSession(clientId, sessionId, (entry, document, now) => {
        for (const answer of input.questions) {
          const planned = entry.questions.find((question) => question.questionId === answer.questionId);
          if (!planned) throw new RapportError('NOT_FOUND', 'That question is no longer planned for this session.');
          planned.asked = answer.asked;
          // A way out offered with a question not asked means nothing; it is not kept.
          planned.wayOutGiven = answer.asked && answer.wayOutGiven;
        }
        Object.assign(entry, {
          firstMoveMade: input.firstMoveMade,
          clientResponse: input.clientResponse,
          heldBack: input.heldBack,
          heldBackWhy: input.heldBackWhy,
          reflectedAt: now,
        });
        // A bank question asked in the session counts as asked of the client, as "Mark asked" does.
        const session = findRecord(document.sessions, sessionId, 'session');
        const inBank = new Set(bank().map((question) => question.id));
        const askedBefore = new Set(document.questionsAsked.map((asked) => asked.questionId));
        for (const question of entry.questions) {
          if (!question.asked || !inBank.has(question.questionId) || askedBefore.has(question.questionId)) continue;
          document.questionsAsked.push({ id: context.newId(), questionId: question.questionId, askedAt: session.startsAt, note: '' });
        }
      }),

    async evidence(clientId) {
      const document = store.client(clientId);
      const now = context.now();
      const questions = bank();
      const indicators = trustEvidence(document, {
        now,
        noContactDays: store.practice().settings.noContactDays,
        isPersonal: personalCheck(questions, document),
      }).filter((indicator) => indicator.component === 'intimacy');
      const latest = latestBySource(chronological(document.assessments));
      const from = now.getTime() - EVIDENCE_WINDOW_DAYS * DAY_MS;
      const startOf = new Map(document.sessions.map((session) => [session.id, session]));
      const firstMoves = document.intimacy.sessions
        .filter((entry) => entry.reflectedAt !== null && startOf.has(entry.sessionId))
        .map((entry) => ({
          sessionId: entry.sessionId,
          startsAt: startOf.get(entry.sessionId)?.startsAt ?? '',
          offered: entry.firstMove,
          made: entry.firstMoveMade,
          response: entry.clientResponse,
        }))
        .sort((a, b) => b.startsAt.localeCompare(a.startsAt))
        .slice(0, FIRST_MOVES_SHOWN);
      const clientBrought = document.agendas
        .flatMap((agenda) => {
          const session = startOf.get(agenda.sessionId);
          if (!session || session.status === 'cancelled') return [];
          // As the indicator counts them: items for the coming sessions are brought too.
          if (Date.parse(session.startsAt) < from) return [];
          return agenda.items
            .filter((item) => item.proposedBy === 'client')
            .map((item) => ({ sessionId: session.id, startsAt: session.startsAt, title: item.title }));
        })
        .sort((a, b) => b.startsAt.localeCompare(a.startsAt))
        .slice(0, CLIENT_ITEMS_SHOWN);
      const result: IntimacyEvidence = {
        ratings: { coach: latest.coach?.intimacy ?? null, client: latest.client?.intimacy ?? null },
        indicators,
        firstMoves,
        clientBrought,
      };
      return result;
    },
  };
}
