import { defineStore } from 'pinia';
import type { GoalCreateInput, GoalPatch, RemovedStep, StepCreateInput, StepPatch } from '../../../shared/api/goals';
import type { Goal, GoalStatus, GoalStep } from '../../../shared/model/goal';
import { recordsByClient } from './records-by-client';
import { useApi } from '../api/client';

/** Each client's goals in display order; every write reloads the client's goals from main. */
export const useGoalsStore = defineStore('goals', () => {
  const api = useApi();
  const { byClient, load, saved } = recordsByClient((clientId: string) => api.goals.list(clientId));

  function goalsOf(clientId: string): Goal[] {
    return byClient.value[clientId] ?? [];
  }

  return {
    byClient,
    goalsOf,
    load,
    create: (clientId: string, input: GoalCreateInput) => saved(clientId, api.goals.create(clientId, input)),
    move: (clientId: string, goalId: string, toIndex: number) => saved(clientId, api.goals.move(clientId, goalId, toIndex)),
    remove: (clientId: string, goalId: string) => saved(clientId, api.goals.remove(clientId, goalId)),
    removeStep: (clientId: string, goalId: string, stepId: string): Promise<RemovedStep> =>
      saved(clientId, api.goals.removeStep(clientId, goalId, stepId)),
    update: (clientId: string, goalId: string, patch: GoalPatch) => saved(clientId, api.goals.update(clientId, goalId, patch)),
    setStatus: (clientId: string, goalId: string, status: GoalStatus) => saved(clientId, api.goals.setStatus(clientId, goalId, status)),
    createStep: (clientId: string, goalId: string, input: StepCreateInput) =>
      saved(clientId, api.goals.createStep(clientId, goalId, input)),
    updateStep: (clientId: string, goalId: string, stepId: string, patch: StepPatch) =>
      saved(clientId, api.goals.updateStep(clientId, goalId, stepId, patch)),
    setStepDone: (clientId: string, goalId: string, stepId: string, done: boolean) =>
      saved(clientId, api.goals.setStepDone(clientId, goalId, stepId, done)),
    moveStep: (clientId: string, goalId: string, stepId: string, toIndex: number) =>
      saved(clientId, api.goals.moveStep(clientId, goalId, stepId, toIndex)),
    restoreStep: (clientId: string, goalId: string, step: GoalStep, index: number) =>
      saved(clientId, api.goals.restoreStep(clientId, goalId, step, index)),
  };
});
