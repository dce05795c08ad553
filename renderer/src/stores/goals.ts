import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { GoalCreateInput, GoalPatch, RemovedStep, StepCreateInput, StepPatch } from '../../../shared/api/goals';
import type { Goal, GoalStatus, GoalStep } from '../../../shared/model/goal';
import { useApi } from '../api/client';

/** Each client's goals in display order, kept in step with the workspace after every change. */
export const useGoalsStore = defineStore('goals', () => {
  const api = useApi();
  const byClient = ref<Record<string, Goal[]>>({});

  function goalsOf(clientId: string): Goal[] {
    return byClient.value[clientId] ?? [];
  }

  function replace(clientId: string, goal: Goal): Goal {
    byClient.value[clientId] = goalsOf(clientId).map((existing) => (existing.id === goal.id ? goal : existing));
    return goal;
  }

  async function load(clientId: string): Promise<Goal[]> {
    const goals = await api.goals.list(clientId);
    byClient.value[clientId] = goals;
    return goals;
  }

  async function create(clientId: string, input: GoalCreateInput): Promise<Goal> {
    const goal = await api.goals.create(clientId, input);
    byClient.value[clientId] = [...goalsOf(clientId), goal];
    return goal;
  }

  async function move(clientId: string, goalId: string, toIndex: number): Promise<void> {
    byClient.value[clientId] = await api.goals.move(clientId, goalId, toIndex);
  }

  async function remove(clientId: string, goalId: string): Promise<void> {
    await api.goals.remove(clientId, goalId);
    byClient.value[clientId] = goalsOf(clientId).filter((goal) => goal.id !== goalId);
  }

  async function removeStep(clientId: string, goalId: string, stepId: string): Promise<RemovedStep> {
    const removed = await api.goals.removeStep(clientId, goalId, stepId);
    replace(clientId, removed.goal);
    return removed;
  }

  return {
    byClient,
    goalsOf,
    load,
    create,
    move,
    remove,
    removeStep,
    update: async (clientId: string, goalId: string, patch: GoalPatch) =>
      replace(clientId, await api.goals.update(clientId, goalId, patch)),
    setStatus: async (clientId: string, goalId: string, status: GoalStatus) =>
      replace(clientId, await api.goals.setStatus(clientId, goalId, status)),
    addStep: async (clientId: string, goalId: string, input: StepCreateInput) =>
      replace(clientId, await api.goals.addStep(clientId, goalId, input)),
    updateStep: async (clientId: string, goalId: string, stepId: string, patch: StepPatch) =>
      replace(clientId, await api.goals.updateStep(clientId, goalId, stepId, patch)),
    setStepDone: async (clientId: string, goalId: string, stepId: string, done: boolean) =>
      replace(clientId, await api.goals.setStepDone(clientId, goalId, stepId, done)),
    moveStep: async (clientId: string, goalId: string, stepId: string, toIndex: number) =>
      replace(clientId, await api.goals.moveStep(clientId, goalId, stepId, toIndex)),
    restoreStep: async (clientId: string, goalId: string, step: GoalStep, index: number) =>
      replace(clientId, await api.goals.restoreStep(clientId, goalId, step, index)),
  };
});
