import type { GoalsApi } from '../../../shared/api/goals';
import { RapportError } from '../../../shared/errors';
import { localIsoDate } from '../../../shared/dates';
import { goalDiscussions } from '../../../shared/goals/discussed';
import { goalsOverview, practiceOverdueSteps } from '../../../shared/goals/overview';
import { moveItem } from '../../../shared/goals/reorder';
import type { ClientDocument } from '../../../shared/model/documents';
import type { Goal, GoalStep } from '../../../shared/model/goal';
import type { ServiceContext } from './context';
import { newRecord, recordIndex } from './records';
import { unlinkDocuments } from './document-links';

function goalIndex(document: ClientDocument, goalId: string): number {
  return recordIndex(document.goals, goalId, 'goal');
}

function stepIndex(goal: Goal, stepId: string): number {
  return recordIndex(goal.steps, stepId, 'step');
}

function checkPosition(toIndex: number, length: number): void {
  if (toIndex >= length) {
    throw new RapportError('INVALID_INPUT', `There are only ${length} places in this list.`, [
      { path: ['toIndex'], message: `Please choose a position from 1 to ${length}.` },
    ]);
  }
}

export function createGoalsService(context: ServiceContext): GoalsApi {
  const { store } = context;

  /** Applies `change` to one goal of a client's document and saves it, stamping updatedAt. */
  async function changeGoal<R>(
    clientId: string,
    goalId: string,
    change: (goal: Goal, now: string) => R,
  ): Promise<{ goal: Goal; result: R }> {
    const { document, result } = await store.updateClient(clientId, (draft) => {
      const goal = draft.goals[goalIndex(draft, goalId)];
      const now = context.timestamp();
      const outcome = change(goal, now);
      goal.updatedAt = now;
      return outcome;
    });
    return { goal: document.goals[goalIndex(document, goalId)], result };
  }

  async function changeStep(clientId: string, goalId: string, stepId: string, change: (step: GoalStep, now: string) => void) {
    const { goal } = await changeGoal(clientId, goalId, (draft, now) => {
      const step = draft.steps[stepIndex(draft, stepId)];
      change(step, now);
      step.updatedAt = now;
    });
    return goal;
  }

  return {
    async list(clientId) {
      return store.client(clientId).goals;
    },

    async create(clientId, input) {
      const goal: Goal = {
        ...newRecord(context),
        title: input.title,
        why: input.why ?? '',
        targetDate: input.targetDate ?? null,
        status: input.status ?? 'active',
        steps: [],
      };
      await store.updateClient(clientId, (draft) => {
        draft.goals.push(goal);
      });
      return goal;
    },

    async update(clientId, goalId, patch) {
      return (await changeGoal(clientId, goalId, (goal) => Object.assign(goal, patch))).goal;
    },

    async setStatus(clientId, goalId, status) {
      const { goal } = await changeGoal(clientId, goalId, (draft) => {
        draft.status = status;
      });
      return goal;
    },

    async move(clientId, goalId, toIndex) {
      const { document } = await store.updateClient(clientId, (draft) => {
        const from = goalIndex(draft, goalId);
        checkPosition(toIndex, draft.goals.length);
        draft.goals = moveItem(draft.goals, from, toIndex);
      });
      return document.goals;
    },

    async remove(clientId, goalId) {
      await store.updateClient(clientId, (draft) => {
        draft.goals.splice(goalIndex(draft, goalId), 1);
        unlinkDocuments(draft, 'goalId', goalId, context.timestamp());
        for (const agenda of draft.agendas) {
          for (const item of agenda.items) if (item.goalId === goalId) item.goalId = null;
        }
      });
    },

    async createStep(clientId, goalId, input) {
      const { goal } = await changeGoal(clientId, goalId, (draft, now) => {
        draft.steps.push({
          ...newRecord(context, now),
          text: input.text,
          owner: input.owner,
          dueDate: input.dueDate ?? null,
          done: false,
          doneAt: null,
        });
      });
      return goal;
    },

    async updateStep(clientId, goalId, stepId, patch) {
      return changeStep(clientId, goalId, stepId, (step) => Object.assign(step, patch));
    },

    async setStepDone(clientId, goalId, stepId, done) {
      return changeStep(clientId, goalId, stepId, (step, now) => {
        // Ticking an already ticked step keeps the day it was really done.
        if (done && step.done) return;
        step.done = done;
        step.doneAt = done ? now : null;
      });
    },

    async moveStep(clientId, goalId, stepId, toIndex) {
      const { goal } = await changeGoal(clientId, goalId, (draft) => {
        const from = stepIndex(draft, stepId);
        checkPosition(toIndex, draft.steps.length);
        draft.steps = moveItem(draft.steps, from, toIndex);
      });
      return goal;
    },

    async removeStep(clientId, goalId, stepId) {
      const { goal, result } = await changeGoal(clientId, goalId, (draft) => {
        const index = stepIndex(draft, stepId);
        const [step] = draft.steps.splice(index, 1);
        return { step, index };
      });
      return { goal, ...result };
    },

    async restoreStep(clientId, goalId, step, index) {
      const { goal } = await changeGoal(clientId, goalId, (draft) => {
        if (draft.steps.some((existing) => existing.id === step.id)) {
          throw new RapportError('CONFLICT', 'That step is already on the checklist.');
        }
        draft.steps.splice(Math.min(index, draft.steps.length), 0, step);
      });
      return goal;
    },

    async overview({ filter }) {
      const now = context.now();
      return goalsOverview(store.allClients(), filter, { now, today: localIsoDate(now) });
    },

    async overdueSteps() {
      return practiceOverdueSteps(store.allClients(), localIsoDate(context.now()));
    },

    async discussedIn(clientId, goalId) {
      const document = store.client(clientId);
      goalIndex(document, goalId);
      return goalDiscussions(document, goalId);
    },
  };
}
