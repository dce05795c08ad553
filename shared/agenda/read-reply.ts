import type { ReplyCaution, ReplyComment, ReplyPreview } from '../api/agendas';
import { RapportError } from '../errors';
import type { Agenda } from '../model/agenda';
import type { ClientDocument } from '../model/documents';
import type { Session } from '../model/session';
import type { AgendaChange } from './changes';
import { diffAgenda } from './diff';
import { firstName, sessionDateText, signOffLines, type AgendaTextContext } from './export';
import { parseAgendaReply, type ParsedReply } from './parse';
import { agendaRef, mismatch, referenceLine } from './reference';

/** Replies up to this many bytes (UTF-8) are read: long threads are common. */
export const MAX_REPLY_BYTES = 2 * 1024 * 1024;
/** The model's limit on items: a reply with more cannot be this agenda. */
const MAX_ITEMS = 200;

/** What the shared text says about the session, from the client's file and the coach's settings. */
export function textContext(
  document: ClientDocument,
  session: Session,
  { coachName, signOff = '' }: { coachName: string; signOff?: string },
): AgendaTextContext {
  return {
    clientName: document.client.name,
    clientFirstName: document.client.preferredName?.trim() || firstName(document.client.name),
    startsAt: session.startsAt,
    durationMinutes: session.durationMinutes,
    mode: session.mode,
    location: session.location,
    coachName,
    signOff,
  };
}

export interface ReadOptions {
  text: AgendaTextContext;
  now?: () => number;
  deadline?: number;
}

function utf8Length(text: string): number {
  // Counted without allocating: 1 to 4 bytes a code point.
  let bytes = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      index += 1;
    } else bytes += 3;
  }
  return bytes;
}

function cautionsFor(agenda: Agenda, parsed: ParsedReply, changes: AgendaChange[], expectedLine: string): ReplyCaution[] {
  const cautions: ReplyCaution[] = [];
  if (parsed.reference === null) {
    cautions.push({
      code: 'no-reference',
      message: `This reply does not quote the agenda’s reference line (“${expectedLine}”), so Rapport cannot tell for sure that it answers this agenda. Check the changes against what the client wrote.`,
    });
  }
  const removed = changes.filter((change) => change.kind === 'removed').length;
  if (removed >= 2 && removed * 2 >= agenda.items.length) {
    cautions.push({
      code: 'many-removed',
      message: `The reply removes ${removed} of the ${agenda.items.length} items. Check that the client really meant to drop them.`,
    });
  }
  const converted = parsed.conversions.map((kind) =>
    kind === 'html'
      ? 'turned from HTML into text'
      : kind === 'whatsapp'
        ? 'read from a chat export'
        : 'had a numbered list joined on one line',
  );
  if (converted.length > 0) {
    cautions.push({ code: 'converted', message: `The reply ${converted.join(' and ')}. Check each change against what the client wrote.` });
  }
  if (parsed.struck.length > 0) {
    cautions.push({
      code: 'struck',
      message: `The client struck through ${parsed.struck.map((title) => `“${title}”`).join(', ')}: read as ${parsed.struck.length === 1 ? 'a removal' : 'removals'}.`,
    });
  }
  return cautions;
}

/**
 * Reads a client's reply against the agenda: refuses text that is too large, answers
 * another agenda or holds no agenda; otherwise the changes, the client's other words as
 * comments beside the items they follow, and cautions that keep the coach from accepting
 * blindly. Changes nothing.
 */
export function readReply(agenda: Agenda, text: string, options: ReadOptions): { preview: ReplyPreview; parsed: ParsedReply } {
  if (text.length > MAX_REPLY_BYTES || utf8Length(text) > MAX_REPLY_BYTES) {
    throw new RapportError(
      'REPLY_TOO_LARGE',
      'This reply is larger than 2 MB, which usually means the whole email thread was pasted. Paste only the client’s latest message.',
    );
  }
  const date = sessionDateText(options.text);
  const first = options.text.clientFirstName ?? firstName(options.text.clientName);
  const code = agendaRef(agenda.id);
  const expectedLine = referenceLine(first, date, code);
  const parsed = parseAgendaReply(text, {
    known: { goals: agenda.goals.map((goal) => goal.text), items: agenda.items },
    clientFirstName: first,
    ignoredLines: signOffLines(options.text.coachName, options.text.signOff),
    now: options.now,
    deadline: options.deadline,
  });
  const other = mismatch(parsed.reference, { code, firstName: first, date });
  if (other !== null) {
    throw new RapportError(
      'REPLY_OTHER_AGENDA',
      `This reply seems to answer another agenda: “${other}”. This agenda is “${expectedLine}”. Nothing was changed; paste the client’s reply to this agenda.`,
    );
  }
  if (parsed.source === 'none' || (!parsed.sections.goals && !parsed.sections.items)) {
    throw new RapportError(
      'INVALID_INPUT',
      'No goals or agenda items were found in this text. Paste the client’s whole reply, including the agenda.',
    );
  }
  if (parsed.items.length > MAX_ITEMS) {
    throw new RapportError(
      'INVALID_INPUT',
      `This reply lists more than ${MAX_ITEMS} items, so it cannot be this agenda. Paste only the client’s latest message.`,
    );
  }
  const changes = diffAgenda(agenda, parsed);
  const comments: ReplyComment[] = parsed.comments.map((comment) => ({
    text: comment.text,
    after: comment.afterItem >= 0 ? (parsed.items[comment.afterItem]?.title ?? null) : null,
  }));
  return {
    parsed,
    preview: { changes, comments, cautions: cautionsFor(agenda, parsed, changes, expectedLine), reference: parsed.reference?.line ?? null },
  };
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The goals and items before and after an applied reply. */
export interface ReplyUndo {
  before: Pick<Agenda, 'goals' | 'items'>;
  after: Pick<Agenda, 'goals' | 'items'>;
}

/** The state to return to when undoing the last applied reply; refuses when there is none or the agenda was edited since. */
export function replyUndoFor(agenda: Agenda, undo: ReplyUndo | undefined): ReplyUndo {
  if (!undo) throw new RapportError('NOT_FOUND', 'There is no applied reply to undo.');
  if (!same(undo.after.goals, agenda.goals) || !same(undo.after.items, agenda.items)) {
    throw new RapportError(
      'CONFLICT',
      'The agenda was edited after the reply was applied, so undoing it would lose those edits. Change it by hand instead.',
    );
  }
  return undo;
}
