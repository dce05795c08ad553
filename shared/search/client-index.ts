import type { SearchHitKind, SearchTab } from '../api/search';
import type { ClientDocument } from '../model/documents';
import { normaliseForSearch } from './normalise';

/** One searchable piece of text of a client's file. */
export interface IndexEntry {
  kind: SearchHitKind;
  field: string;
  text: string;
  normalised: string;
  tab: SearchTab;
  id?: string;
}

export interface ClientIndex {
  clientId: string;
  clientName: string;
  entries: IndexEntry[];
}

/** Every searchable text of one client document, normalised once. */
export function buildClientIndex(document: ClientDocument): ClientIndex {
  const entries: IndexEntry[] = [];
  const add = (kind: SearchHitKind, field: string, text: string, tab: SearchTab, id?: string) => {
    if (text.trim() === '') return;
    entries.push({ kind, field, text, normalised: normaliseForSearch(text), tab, ...(id === undefined ? {} : { id }) });
  };
  const { client } = document;
  add('client', 'name', client.name, 'profile');
  add('client', 'preferredName', client.preferredName, 'profile');
  for (const tag of client.tags) add('tag', 'tags', tag, 'profile');
  for (const entry of client.terminology) {
    add('term', 'term', entry.term, 'terminology', entry.id);
    add('term', 'meaning', entry.meaning, 'terminology', entry.id);
  }
  for (const commitment of document.commitments) add('commitment', 'text', commitment.text, 'commitments', commitment.id);
  for (const note of client.notes) add('note', 'text', note.text, 'notes', note.id);
  for (const session of document.sessions) add('session', 'notes', session.notes, 'sessions', session.id);
  return { clientId: client.id, clientName: client.name, entries };
}
