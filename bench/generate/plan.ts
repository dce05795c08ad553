import { allocate } from './allocate';
import type { Random } from './random';
import type { ClientPlan, PracticeCounts } from './scales';

/**
 * Shares the practice's totals out among its clients: a few long engagements and many
 * short ones (exponentially distributed weights), with totals that add up exactly.
 */
export function planClients(random: Random, counts: PracticeCounts): ClientPlan[] {
  const weights = Array.from({ length: counts.clients }, () => 0.2 - Math.log(1 - random.next()));
  const sessions = allocate(counts.sessions, weights, 1);
  const goals = allocate(counts.goals, weights);
  const steps = allocate(
    counts.steps,
    goals.flatMap((n) => Array.from({ length: n }, () => 0.5 + random.next())),
    1,
  );
  const commitments = allocate(counts.commitments, weights);
  const assessments = allocate(counts.assessments, weights);
  let nextGoal = 0;
  return weights.map((_, index) => {
    const stepsPerGoal = steps.slice(nextGoal, nextGoal + goals[index]);
    nextGoal += goals[index];
    return {
      index,
      sessions: sessions[index],
      stepsPerGoal,
      commitments: commitments[index],
      assessments: assessments[index],
      active: counts.clients === 1 || random.chance(0.2),
    };
  });
}
