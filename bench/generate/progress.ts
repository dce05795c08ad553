import type { QuestionAsked, TrustAssessment } from '../../shared/model/assessment';
import type { Commitment } from '../../shared/model/commitment';
import type { Goal } from '../../shared/model/goal';
import type { Session } from '../../shared/model/session';
import { dateAt, dayOf, isPast, timestampAt } from './calendar';
import type { Random } from './random';
import { paragraph } from './text';
import { COMMITMENT_TEXTS, GOAL_TITLES, QUESTION_IDS, STEP_TEXTS } from './vocabulary';

/** A client's engagement as day numbers: the first and last session days. */
export interface Engagement {
  firstDay: number;
  lastDay: number;
}

export function generateGoal(random: Random, engagement: Engagement, steps: number): Goal {
  const startDay = random.int(engagement.firstDay, Math.max(engagement.firstDay, engagement.lastDay - 7));
  const targetDay = startDay + random.int(30, 240);
  const status = isPast(targetDay) ? random.pick(['achieved', 'achieved', 'dropped', 'on-hold'] as const) : ('active' as const);
  const goalSteps = Array.from({ length: steps }, () => {
    const createdDay = random.int(startDay, targetDay);
    const dueDay = createdDay + random.int(7, 45);
    const done = isPast(dueDay) ? random.chance(status === 'achieved' ? 0.95 : 0.6) : random.chance(0.2);
    const createdAt = timestampAt(createdDay, random.int(480, 1080));
    const doneAt = done ? timestampAt(Math.min(dueDay, createdDay + random.int(1, 40)), random.int(480, 1080)) : null;
    return {
      id: random.uuid(),
      createdAt,
      updatedAt: doneAt ?? createdAt,
      text: random.pick(STEP_TEXTS),
      owner: random.chance(0.8) ? ('client' as const) : ('coach' as const),
      dueDate: random.chance(0.7) ? dateAt(dueDay) : null,
      done,
      doneAt,
    };
  });
  const createdAt = timestampAt(startDay, random.int(480, 1080));
  return {
    id: random.uuid(),
    createdAt,
    updatedAt: goalSteps.reduce((latest, step) => (step.updatedAt > latest ? step.updatedAt : latest), createdAt),
    title: random.pick(GOAL_TITLES),
    why: paragraph(random, random.int(60, 240)),
    targetDate: random.chance(0.8) ? dateAt(targetDay) : null,
    status,
    steps: goalSteps,
  };
}

export function generateCommitment(random: Random, session: Session): Commitment {
  const dueDay = dayOf(session.startsAt) + random.int(3, 28);
  const done = isPast(dueDay) && random.chance(0.85);
  const createdAt = session.startsAt;
  const doneAt = done ? timestampAt(dueDay + random.int(-3, 4), random.int(480, 1080)) : null;
  return {
    id: random.uuid(),
    createdAt,
    updatedAt: doneAt ?? createdAt,
    text: random.pick(COMMITMENT_TEXTS),
    owner: random.chance(0.45) ? 'coach' : 'client',
    dueDate: dateAt(dueDay),
    doneAt,
    sessionId: session.id,
  };
}

export function generateAssessment(random: Random, engagement: Engagement): TrustAssessment {
  const day = random.int(engagement.firstDay, engagement.lastDay);
  const at = timestampAt(day, random.int(480, 1080));
  return {
    id: random.uuid(),
    createdAt: at,
    updatedAt: at,
    date: dateAt(day),
    source: random.chance(0.6) ? 'coach' : 'client',
    credibility: random.int(4, 10),
    reliability: random.int(3, 10),
    intimacy: random.int(3, 10),
    selfOrientation: random.int(1, 8),
    note: random.chance(0.5) ? paragraph(random, random.int(40, 160)) : '',
  };
}

export function generateQuestionsAsked(random: Random, engagement: Engagement): QuestionAsked[] {
  return random.sample(QUESTION_IDS, random.int(0, 4)).map((questionId) => ({
    id: random.uuid(),
    questionId,
    askedAt: timestampAt(random.int(engagement.firstDay, engagement.lastDay), random.int(480, 1080)),
    note: random.chance(0.4) ? paragraph(random, random.int(30, 120)) : '',
  }));
}
