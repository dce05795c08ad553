import { z } from 'zod';
import { Id } from '../model/primitives';
import { type Session, sessionPlanFields } from '../model/session';

/** The largest calendar file Rapport reads: a coach's whole calendar export is well under it. */
export const MAX_CALENDAR_BYTES = 5 * 1024 * 1024;
/** How far ahead an import looks, and so how far a repeating event is expanded. */
export const IMPORT_WINDOW_DAYS = 90;
/** The most upcoming events one import proposes. */
export const MAX_IMPORT_PROPOSALS = 500;

/** An .ics file built for the coach to save: its suggested name and its text. */
export interface CalendarFile {
  fileName: string;
  text: string;
  /** How many events it holds. */
  events: number;
}

/** One upcoming event of an imported calendar, as a session it could become. */
export interface ImportProposal {
  /** The event's UID, with the occurrence's start for a repeating event: what a re-import recognises. */
  calendarUid: string;
  summary: string;
  startsAt: string;
  durationMinutes: number;
  mode: Session['mode'];
  location: string;
  /** The client it was matched to (by attendee email, else by name in the title), or null. */
  clientId: string | null;
  matchedBy: 'email' | 'name' | null;
  /** A session made from this event (or exported by Rapport as this event) already exists. */
  alreadyInRapport: boolean;
}

export interface ImportPreview {
  proposals: ImportProposal[];
  /** Events left out: past, cancelled, all-day, or beyond the import window. */
  ignored: number;
}

export const ImportChoice = z.strictObject({
  clientId: Id,
  calendarUid: z.string().min(1).max(1000),
  startsAt: sessionPlanFields.startsAt,
  durationMinutes: sessionPlanFields.durationMinutes,
  mode: sessionPlanFields.mode,
  location: sessionPlanFields.location,
});
export type ImportChoice = z.infer<typeof ImportChoice>;

export interface ImportResult {
  created: { clientId: string; session: Session }[];
  /** Choices already in Rapport (imported before, or twice in the list), not created again. */
  skipped: number;
}

/** Calendar files (.ics): sessions out as invitations, a coach's calendar in as planned sessions. */
export interface CalendarApi {
  /** One session as an .ics invitation (with place or link, the agenda summary and a reminder). */
  sessionEvent(clientId: string, sessionId: string): Promise<CalendarFile>;
  /** Every planned or confirmed future session of active clients, as one .ics file. */
  upcomingEvents(): Promise<CalendarFile>;
  /**
   * Reads an .ics file's text and proposes its upcoming events as sessions; creates nothing.
   * Fails with a CALENDAR_* code for a file that is not a calendar, too large, too full or in an unknown time zone.
   */
  previewImport(text: string): Promise<ImportPreview>;
  /** Creates the sessions the coach chose from a preview; those already in Rapport are skipped. */
  importSessions(choices: ImportChoice[]): Promise<ImportResult>;
}

export const calendarContract = {
  sessionEvent: z.tuple([Id, Id]),
  upcomingEvents: z.tuple([]),
  previewImport: z.tuple([
    z.string().max(MAX_CALENDAR_BYTES, { error: 'That calendar file is larger than 5 MB. Export a shorter period and try again.' }),
  ]),
  importSessions: z.tuple([z.array(ImportChoice).max(MAX_IMPORT_PROPOSALS, { error: 'Please import at most 500 sessions at a time.' })]),
};
