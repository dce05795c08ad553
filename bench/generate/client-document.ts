import type { Client, ClientStatus } from '../../shared/model/client';
import { CLIENT_DOCUMENT_VERSION, type ClientDocument } from '../../shared/model/documents';
import { emptyIntimacy } from '../../shared/model/intimacy';
import { emptyJobSearch } from '../../shared/model/job-search';
import { TEN_YEARS_IN_DAYS, dateAt, isPast, timestampAt } from './calendar';
import { generateAssessment, generateCommitment, generateGoal, generateQuestionsAsked, type Engagement } from './progress';
import type { Random } from './random';
import type { ClientPlan } from './scales';
import { generateAgenda, generateSession } from './sessions';
import { paragraph } from './text';
import { CLIENT_NOTE_TEXTS, FIRST_NAMES, LAST_NAMES, ORGANISATIONS, PRONOUNS, ROLES, TAGS, TERMS } from './vocabulary';

/** Sessions every few weeks, ending after "now" for an active client and at some point in the past otherwise. */
function engagementDays(random: Random, plan: ClientPlan): number[] {
  const gaps = Math.max(1, plan.sessions - 1);
  const cadence = Math.min(random.int(10, 35), Math.floor((TEN_YEARS_IN_DAYS - 20) / gaps));
  const span = cadence * (plan.sessions - 1);
  const lastDay = plan.active ? TEN_YEARS_IN_DAYS + random.int(3, 45) : random.int(span, TEN_YEARS_IN_DAYS - 10);
  const jitter = Math.min(2, Math.floor((cadence - 1) / 2));
  return Array.from({ length: plan.sessions }, (_, k) => lastDay - span + k * cadence + random.int(-jitter, jitter));
}

function asciiFold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .replace(/ø/g, 'o')
    .replace(/ı/g, 'i')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

function statusOf(random: Random, plan: ClientPlan): ClientStatus {
  if (plan.active) return 'active';
  return random.pick(['completed', 'completed', 'completed', 'archived', 'archived', 'paused'] as const);
}

function generateClient(random: Random, plan: ClientPlan, engagement: Engagement): Client {
  const first = random.pick(FIRST_NAMES);
  const last = random.pick(LAST_NAMES);
  const createdAt = timestampAt(engagement.firstDay - random.int(1, 14), random.int(480, 1080));
  const status = statusOf(random, plan);
  const archivedAt = status === 'archived' ? timestampAt(Math.min(engagement.lastDay + 30, TEN_YEARS_IN_DAYS - 1)) : null;
  const terminology = random.sample(TERMS, random.int(0, 3)).map(([term, meaning]) => {
    const at = timestampAt(random.int(engagement.firstDay, engagement.lastDay));
    return { id: random.uuid(), createdAt: at, updatedAt: at, term, meaning };
  });
  const notes = Array.from({ length: random.int(0, 6) }, () => {
    const at = timestampAt(random.int(engagement.firstDay, Math.min(engagement.lastDay, TEN_YEARS_IN_DAYS - 1)), random.int(480, 1080));
    const text = random.chance(0.5) ? random.pick(CLIENT_NOTE_TEXTS) : paragraph(random, random.int(60, 300));
    return { id: random.uuid(), createdAt: at, updatedAt: at, text };
  });
  return {
    id: random.uuid(),
    createdAt,
    updatedAt: archivedAt ?? timestampAt(Math.min(engagement.lastDay, TEN_YEARS_IN_DAYS - 1), 1000),
    name: `${first} ${last}`,
    preferredName: random.chance(0.3) ? first : '',
    pronouns: random.pick(PRONOUNS),
    email: random.chance(0.9) ? `${asciiFold(first)}.${asciiFold(last)}@example.com` : '',
    phone: random.chance(0.8) ? `+44 7${random.int(100, 999)} ${random.int(100_000, 999_999)}` : '',
    currentRole: random.pick(ROLES),
    targetRole: random.chance(0.8) ? random.pick(ROLES) : '',
    organisation: random.pick(ORGANISATIONS),
    status,
    tags: random.sample(TAGS, random.int(0, 4)),
    startDate: dateAt(engagement.firstDay),
    background: paragraph(random, random.int(150, 600)),
    timeZone: '',
    billing: 'paid',
    terminology,
    notes,
    statusBeforeArchive: status === 'archived' ? 'completed' : null,
    archivedAt,
  };
}

/** One client's whole file, from its plan and its own random source. */
export function generateClientDocument(random: Random, plan: ClientPlan): ClientDocument {
  const days = engagementDays(random, plan);
  const engagement: Engagement = { firstDay: days[0], lastDay: days[days.length - 1] };
  const client = generateClient(random, plan, engagement);
  const goals = plan.stepsPerGoal.map((steps) => generateGoal(random, engagement, steps));
  const goalIds = goals.map((goal) => goal.id);
  const sessions = days.map((day) => generateSession(random, day));
  const agendas = sessions.map((session) => generateAgenda(random, session, goalIds));
  const pastSessions = sessions.filter((_, index) => isPast(days[index]));
  const commitmentSources = pastSessions.length > 0 ? pastSessions : sessions;
  return {
    schemaVersion: CLIENT_DOCUMENT_VERSION,
    client,
    sessions,
    agendas,
    goals,
    commitments: Array.from({ length: plan.commitments }, () => generateCommitment(random, random.pick(commitmentSources))),
    assessments: Array.from({ length: plan.assessments }, () => generateAssessment(random, engagement)),
    questionsAsked: generateQuestionsAsked(random, engagement),
    intimacy: emptyIntimacy(),
    jobSearch: emptyJobSearch(),
    documents: [],
  };
}
