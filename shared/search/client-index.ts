import type { SearchHitKind, SearchTab } from '../api/search';
import type { ClientDocument } from '../model/documents';
import { addDocumentEntries } from './document-entries';
import { addIntimacyEntries } from './intimacy-entries';
import { addJobSearchEntries } from './job-search-entries';
import { foldAccents, isAscii } from './normalise';

/** One searchable piece of text of a client's file. */
export interface IndexEntry {
  kind: SearchHitKind;
  field: string;
  text: string;
  tab: SearchTab;
  id?: string;
  /** The entry's place among the client's entries of its kind, in document order. */
  place: number;
}

/** Separates entries in a section's text; a query word never holds one, so no match spans two entries. */
export const ENTRY_SEPARATOR = '\n';

/**
 * Entries of one kind with their normalised texts joined into one string, so that a search
 * runs one native `indexOf` over them rather than a call per entry.
 */
export interface IndexSection {
  entries: IndexEntry[];
  /** The entries' normalised texts, in order, joined by ENTRY_SEPARATOR. */
  text: string;
  /** Where each entry's normalised text starts in `text`. */
  starts: number[];
}

/**
 * A client's entries of one kind, in up to two sections: texts that are plain ASCII, and the
 * rest. Kept apart because one character beyond Latin-1 (a curly quote, say) makes V8 store a
 * whole joined string at two bytes a character; most texts are plain and stay at one.
 */
export interface KindIndex {
  kind: SearchHitKind;
  sections: IndexSection[];
}

export interface ClientIndex {
  clientId: string;
  clientName: string;
  /** The kinds that have entries, best-ranked kind first. */
  kinds: KindIndex[];
}

/** Search ranks hits by kind in this order: client names first, the coach's private intimacy texts last. */
export const KINDS_BY_RANK: readonly SearchHitKind[] = [
  'client',
  'tag',
  'term',
  'profile',
  'goal',
  'commitment',
  'note',
  'agenda',
  'session',
  'application',
  'document',
  'intimacy',
];

interface SectionDraft {
  entries: IndexEntry[];
  /** The entries' normalised texts. */
  texts: string[];
}

function section({ entries, texts }: SectionDraft): IndexSection {
  let at = 0;
  const starts = texts.map((text) => {
    const start = at;
    at += text.length + ENTRY_SEPARATOR.length;
    return start;
  });
  return { entries, text: texts.join(ENTRY_SEPARATOR), starts };
}

function kindIndex(kind: SearchHitKind, entries: IndexEntry[]): KindIndex {
  const ascii: SectionDraft = { entries: [], texts: [] };
  const other: SectionDraft = { entries: [], texts: [] };
  for (const entry of entries) {
    const lower = entry.text.toLowerCase();
    const plain = isAscii(lower);
    const draft = plain ? ascii : other;
    draft.entries.push(entry);
    draft.texts.push(plain ? lower : foldAccents(lower));
  }
  return { kind, sections: [ascii, other].filter((draft) => draft.entries.length > 0).map(section) };
}

/** Every text the coach wrote in one client document, normalised once, by kind. */
export function buildClientIndex(document: ClientDocument): ClientIndex {
  return buildClientIndexWithTexts(document);
}

/** The same, with the text extracted from attached files where `textOf` knows it. */
export function buildClientIndexWithTexts(document: ClientDocument, textOf?: (sha256: string) => string | undefined): ClientIndex {
  const byKind: Record<SearchHitKind, IndexEntry[]> = {
    client: [],
    tag: [],
    term: [],
    profile: [],
    goal: [],
    commitment: [],
    note: [],
    agenda: [],
    session: [],
    application: [],
    document: [],
    intimacy: [],
  };
  const add = (kind: SearchHitKind, field: string, text: string, tab: SearchTab, id?: string) => {
    if (text.trim() === '') return;
    const entries = byKind[kind];
    const place = entries.length;
    entries.push(id === undefined ? { kind, field, text, tab, place } : { kind, field, text, tab, id, place });
  };
  const { client } = document;
  add('client', 'name', client.name, 'profile');
  add('client', 'preferredName', client.preferredName, 'profile');
  for (const tag of client.tags) add('tag', 'tags', tag, 'profile');
  for (const entry of client.terminology) {
    add('term', 'term', entry.term, 'terminology', entry.id);
    add('term', 'meaning', entry.meaning, 'terminology', entry.id);
  }
  for (const field of ['currentRole', 'targetRole', 'organisation', 'background'] as const) add('profile', field, client[field], 'profile');
  for (const goal of document.goals) {
    add('goal', 'title', goal.title, 'goals', goal.id);
    add('goal', 'why', goal.why, 'goals', goal.id);
    for (const step of goal.steps) add('goal', 'step', step.text, 'goals', goal.id);
  }
  for (const commitment of document.commitments) add('commitment', 'text', commitment.text, 'commitments', commitment.id);
  for (const note of client.notes) add('note', 'text', note.text, 'notes', note.id);
  for (const agenda of document.agendas) {
    for (const goal of agenda.goals) add('agenda', 'meetingGoal', goal.text, 'sessions', agenda.sessionId);
    for (const item of agenda.items) {
      add('agenda', 'itemTitle', item.title, 'sessions', agenda.sessionId);
      add('agenda', 'itemDetails', item.details, 'sessions', agenda.sessionId);
    }
  }
  for (const session of document.sessions) {
    add('session', 'notes', session.notes, 'sessions', session.id);
    if (session.reflection) add('session', 'reflection', session.reflection.text, 'sessions', session.id);
  }
  addJobSearchEntries(document, add);
  addDocumentEntries(document, add, textOf);
  addIntimacyEntries(document, add);
  const kinds = KINDS_BY_RANK.filter((kind) => byKind[kind].length > 0).map((kind) => kindIndex(kind, byKind[kind]));
  return { clientId: client.id, clientName: client.name, kinds };
}
