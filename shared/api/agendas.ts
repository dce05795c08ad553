import { z } from 'zod';
import type { AgendaChange } from '../agenda/changes';
import { type Agenda, GoalMet, Minutes } from '../model/agenda';
import { Id, LongText, Owner, ShortText } from '../model/primitives';
import type { Session } from '../model/session';

/**
 * Generous at the bridge: the service measures the reply in bytes and refuses one above
 * 2 MB with REPLY_TOO_LARGE and a message a coach can act on.
 */
const ReplyText = z
  .string()
  .max(8 * 1024 * 1024, { error: 'This reply is far too large to read. Paste only the client’s latest message.' });

export const AgendaDraftGoal = z.strictObject({
  /** Left out for a new goal. */
  id: Id.optional(),
  text: ShortText.trim().min(1, { error: 'A meeting goal cannot be empty.' }),
  /** Kept as it was when left out. */
  met: GoalMet.optional(),
});

export const AgendaDraftItem = z.strictObject({
  /** Left out for a new item. */
  id: Id.optional(),
  title: ShortText.trim().min(1, { error: 'An agenda item needs a title.' }),
  /** Optional fields left out keep their saved value (empty or none for a new item). */
  details: LongText.optional(),
  minutes: Minutes,
  proposedBy: Owner,
  goalId: Id.nullable().optional(),
  outcome: LongText.optional(),
});

/** Goals and items in display order, as the coach edited them. */
export const AgendaDraft = z.strictObject({
  goals: z.array(AgendaDraftGoal).max(50, { error: 'Please keep to at most 50 meeting goals.' }),
  items: z.array(AgendaDraftItem).max(200, { error: 'Please keep to at most 200 items.' }),
});
export type AgendaDraft = z.infer<typeof AgendaDraft>;

/** What the editor needs around the agenda. */
export interface AgendaContext {
  session: Session;
  clientName: string;
  /** The client's own words, offered as hints while typing. */
  terminology: { term: string; meaning: string }[];
  /** The client's goals an item can be linked to. */
  goals: { id: string; title: string }[];
  sessionMinutes: number;
}

/** A line of the client's own words that is not a change: shown to the coach, never dropped. */
export interface ReplyComment {
  text: string;
  /** The title of the item (as the reply has it) that the comment follows; null before the items. */
  after: string | null;
}

/** Something the coach should check before accepting: with any caution, nothing is pre-accepted. */
export interface ReplyCaution {
  code: 'no-reference' | 'many-removed' | 'converted' | 'struck';
  message: string;
}

export interface ReplyPreview {
  changes: AgendaChange[];
  comments: ReplyComment[];
  cautions: ReplyCaution[];
  /** The reference line the reply quotes, if any. */
  reference: string | null;
}

export interface AgendasApi {
  /** The session's agenda, or null when none has been drafted. */
  get(clientId: string, sessionId: string): Promise<Agenda | null>;
  context(clientId: string, sessionId: string): Promise<AgendaContext>;
  /** Creates the agenda or replaces its goals and items; records what changed. */
  save(clientId: string, sessionId: string, draft: AgendaDraft): Promise<Agenda>;
  /** Replaces the goals and items with a template's. */
  fromTemplate(clientId: string, sessionId: string, templateId: string): Promise<Agenda>;
  /** The agenda as text for the client to edit; stamps `sharedAt`. */
  share(clientId: string, sessionId: string): Promise<{ text: string }>;
  /** The same text as `share`, to show before sending; stamps nothing. */
  shareText(clientId: string, sessionId: string): Promise<{ text: string }>;
  /** The changes a reply proposes; changes nothing. */
  previewReply(clientId: string, sessionId: string, text: string): Promise<ReplyPreview>;
  /** Applies the accepted changes of a reply (ids from previewReply); undoable with undoReply. */
  applyReply(clientId: string, sessionId: string, text: string, acceptedChangeIds: string[]): Promise<Agenda>;
  /**
   * Returns the goals and items to exactly what they were before the reply applied last in
   * this workspace session, while the agenda is still as the reply left it; the history keeps both.
   */
  undoReply(clientId: string, sessionId: string): Promise<Agenda>;
  setReviewed(clientId: string, sessionId: string, reviewed: boolean): Promise<Agenda>;
  setGoalMet(clientId: string, sessionId: string, goalId: string, met: GoalMet): Promise<Agenda>;
  setOutcome(clientId: string, sessionId: string, itemId: string, outcome: string): Promise<Agenda>;
}

export const agendasContract = {
  get: z.tuple([Id, Id]),
  context: z.tuple([Id, Id]),
  save: z.tuple([Id, Id, AgendaDraft]),
  fromTemplate: z.tuple([Id, Id, Id]),
  share: z.tuple([Id, Id]),
  shareText: z.tuple([Id, Id]),
  previewReply: z.tuple([Id, Id, ReplyText]),
  applyReply: z.tuple([Id, Id, ReplyText, z.array(ShortText).max(1000)]),
  undoReply: z.tuple([Id, Id]),
  setReviewed: z.tuple([Id, Id, z.boolean()]),
  setGoalMet: z.tuple([Id, Id, Id, GoalMet]),
  setOutcome: z.tuple([Id, Id, Id, LongText]),
};

export type { Agenda, AgendaChange };
