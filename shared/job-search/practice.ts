import { addDays, DAY_MS, localIsoDate, startOfLocalDay } from '../dates';
import type { ClientDocument } from '../model/documents';
import { APPLICATION_STAGES, CLOSED_STAGES, type Application, type ApplicationStage } from '../model/job-search';

/** An application is "not moving" once nothing happened to it for this many calendar days. */
export const NO_MOVEMENT_DAYS = 21;
/** "This week" is today and the six days after it, so that Sunday evening still shows Monday's interviews. */
export const WEEK_DAYS = 7;

export interface PracticeApplicationRef {
  clientId: string;
  clientName: string;
  applicationId: string;
  organisation: string;
  role: string;
  stage: ApplicationStage;
}

export interface StageCount {
  stage: ApplicationStage;
  /** Active clients with at least one application in this stage. */
  clients: number;
  applications: number;
}

export interface StalledApplication extends PracticeApplicationRef {
  /** The last stage change or next-action completion. */
  lastMovedAt: string;
  days: number;
}

export interface InterviewThisWeek extends PracticeApplicationRef {
  /** The open next action due this week, when that is why it is listed. */
  nextAction: { text: string; dueDate: string } | null;
  /** When it moved to interviews, when that happened this week. */
  movedAt: string | null;
}

export interface OutstandingOffer extends PracticeApplicationRef {
  salary: string;
  startDate: string | null;
  /** When it moved to the offer stage. */
  since: string;
}

export interface PracticeJobSearch {
  /** Active clients with at least one application. */
  activeClients: number;
  stages: StageCount[];
  stalled: StalledApplication[];
  interviewsThisWeek: InterviewThisWeek[];
  offersOutstanding: OutstandingOffer[];
}

/** Calendar days from one YYYY-MM-DD date to another, unaffected by daylight saving. */
function calendarDaysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export const isOpenStage = (stage: ApplicationStage): boolean => !CLOSED_STAGES.includes(stage);

/** When the application last moved: its last stage change, or its next action's completion if later. */
export function lastMovement(application: Application): string {
  const moved = application.stageHistory[application.stageHistory.length - 1]?.at ?? application.createdAt;
  const done = application.nextAction?.doneAt ?? null;
  return done !== null && Date.parse(done) > Date.parse(moved) ? done : moved;
}

/** When the application last entered its current stage. */
export function enteredStageAt(application: Application): string {
  return application.stageHistory[application.stageHistory.length - 1]?.at ?? application.createdAt;
}

function ref(document: ClientDocument, application: Application): PracticeApplicationRef {
  const { id, organisation, role, stage } = application;
  return { clientId: document.client.id, clientName: document.client.name, applicationId: id, organisation, role, stage };
}

const byClientThenOrganisation = (a: PracticeApplicationRef, b: PracticeApplicationRef) =>
  a.clientName.localeCompare(b.clientName) || a.organisation.localeCompare(b.organisation);

/**
 * The practice's job search at `now`, over active clients only (a paused or completed client's
 * search is not the coach's work this week). Pure: the same documents and clock give the same answer.
 */
export function practiceJobSearch(documents: readonly ClientDocument[], now: Date): PracticeJobSearch {
  const today = localIsoDate(now);
  const weekEnd = addDays(today, WEEK_DAYS - 1);
  const movedSince = startOfLocalDay(now, -(WEEK_DAYS - 1)).getTime();
  const clientsAt = new Map<ApplicationStage, Set<string>>(APPLICATION_STAGES.map((stage) => [stage, new Set()]));
  const applicationsAt = new Map<ApplicationStage, number>(APPLICATION_STAGES.map((stage) => [stage, 0]));
  let activeClients = 0;
  const stalled: StalledApplication[] = [];
  const interviewsThisWeek: InterviewThisWeek[] = [];
  const offersOutstanding: OutstandingOffer[] = [];
  for (const document of documents) {
    if (document.client.status !== 'active' || document.jobSearch.applications.length === 0) continue;
    activeClients += 1;
    for (const application of document.jobSearch.applications) {
      clientsAt.get(application.stage)?.add(document.client.id);
      applicationsAt.set(application.stage, (applicationsAt.get(application.stage) ?? 0) + 1);
      if (!isOpenStage(application.stage)) continue;
      const moved = lastMovement(application);
      const days = calendarDaysBetween(localIsoDate(Date.parse(moved)), today);
      if (days >= NO_MOVEMENT_DAYS) stalled.push({ ...ref(document, application), lastMovedAt: moved, days });
      if (application.stage === 'interviews') {
        const action = application.nextAction;
        const due =
          action !== null && action.doneAt === null && action.dueDate !== null && action.dueDate >= today && action.dueDate <= weekEnd
            ? { text: action.text, dueDate: action.dueDate }
            : null;
        const entered = enteredStageAt(application);
        const movedAt = Date.parse(entered) >= movedSince ? entered : null;
        if (due !== null || movedAt !== null) interviewsThisWeek.push({ ...ref(document, application), nextAction: due, movedAt });
      }
      if (application.stage === 'offer') {
        offersOutstanding.push({
          ...ref(document, application),
          salary: application.offer?.salary ?? '',
          startDate: application.offer?.startDate ?? null,
          since: enteredStageAt(application),
        });
      }
    }
  }
  return {
    activeClients,
    stages: APPLICATION_STAGES.map((stage) => ({
      stage,
      clients: clientsAt.get(stage)?.size ?? 0,
      applications: applicationsAt.get(stage) ?? 0,
    })),
    stalled: stalled.sort((a, b) => b.days - a.days || byClientThenOrganisation(a, b)),
    interviewsThisWeek: interviewsThisWeek.sort(
      (a, b) => (a.nextAction?.dueDate ?? '9999').localeCompare(b.nextAction?.dueDate ?? '9999') || byClientThenOrganisation(a, b),
    ),
    offersOutstanding: offersOutstanding.sort((a, b) => a.since.localeCompare(b.since) || byClientThenOrganisation(a, b)),
  };
}
