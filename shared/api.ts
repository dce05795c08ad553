import type { z } from 'zod';
import { agendasContract, type AgendasApi } from './api/agendas';
import { appContract, type AppApi } from './api/app';
import { backupContract, backupPageContract, type BackupApi, type BackupPageApi } from './api/backup';
import { clientsContract, type ClientsApi } from './api/clients';
import { goalsContract, type GoalsApi } from './api/goals';
import { commitmentsContract, type CommitmentsApi } from './api/commitments';
import { notesContract, type NotesApi } from './api/notes';
import { searchContract, type SearchApi } from './api/search';
import { sessionsContract, type SessionsApi } from './api/sessions';
import { settingsContract, type SettingsApi } from './api/settings';
import { terminologyContract, type TerminologyApi } from './api/terminology';
import { todayContract, type TodayApi } from './api/today';
import { assessmentsContract, type AssessmentsApi } from './api/assessments';
import { questionsContract, type QuestionsApi } from './api/questions';
import { trustContract, type TrustApi } from './api/trust';
import { templatesContract, type TemplatesApi } from './api/templates';
import { intimacyContract, type IntimacyApi } from './api/intimacy';
import { jobSearchContract, type JobSearchApi } from './api/job-search';
import { hoursContract, type HoursApi } from './api/hours';
import { calendarContract, type CalendarApi } from './api/calendar';
import { documentsContract, documentsPageContract, type DocumentsApi, type DocumentsPageApi } from './api/documents';

/**
 * The one contract between the renderer and the main process. Every method is async;
 * its IPC channel is `namespace:method`. The page names files only by tokens for what the coach
 * picked in main's dialogs (see BackupPageApi), never by path.
 */
export interface RapportApi {
  app: AppApi;
  backup: BackupPageApi;
  clients: ClientsApi;
  goals: GoalsApi;
  settings: SettingsApi;
  notes: NotesApi;
  terminology: TerminologyApi;
  sessions: SessionsApi;
  commitments: CommitmentsApi;
  today: TodayApi;
  search: SearchApi;
  trust: TrustApi;
  assessments: AssessmentsApi;
  questions: QuestionsApi;
  agendas: AgendasApi;
  templates: TemplatesApi;
  intimacy: IntimacyApi;
  jobSearch: JobSearchApi;
  hours: HoursApi;
  calendar: CalendarApi;
  documents: DocumentsPageApi;
}

type AnyMethod = (...args: never[]) => Promise<unknown>;

/** For every method of an API, a schema for its argument list. */
export type ContractFor<Api> = {
  [N in keyof Api]: {
    [M in keyof Api[N]]: Api[N][M] extends AnyMethod ? z.ZodType<Parameters<Api[N][M]>> : never;
  };
};

/** Argument schemas for every method, used by main to validate what the renderer sends. */
export const contract = {
  app: appContract,
  backup: backupPageContract,
  clients: clientsContract,
  goals: goalsContract,
  settings: settingsContract,
  notes: notesContract,
  terminology: terminologyContract,
  sessions: sessionsContract,
  commitments: commitmentsContract,
  today: todayContract,
  search: searchContract,
  trust: trustContract,
  assessments: assessmentsContract,
  questions: questionsContract,
  agendas: agendasContract,
  templates: templatesContract,
  intimacy: intimacyContract,
  jobSearch: jobSearchContract,
  hours: hoursContract,
  calendar: calendarContract,
  documents: documentsPageContract,
} satisfies ContractFor<RapportApi>;

/**
 * What the workspace serves to main: the page's API, except that backups take the paths main
 * resolved from the page's tokens, and so do documents' files.
 */
export type WorkspaceApi = Omit<RapportApi, 'backup' | 'documents'> & { backup: BackupApi; documents: DocumentsApi };

export const workspaceContract = { ...contract, backup: backupContract, documents: documentsContract } satisfies ContractFor<WorkspaceApi>;

export type Namespace = keyof RapportApi;
export type Channel = { [N in Namespace]: `${N}:${keyof RapportApi[N] & string}` }[Namespace];

export function channelOf(namespace: string, method: string): string {
  return `${namespace}:${method}`;
}

/** Every channel of the contract, in a stable order. */
export const CHANNELS: readonly Channel[] = Object.entries(contract).flatMap(([namespace, methods]) =>
  Object.keys(methods).map((method) => channelOf(namespace, method) as Channel),
);
