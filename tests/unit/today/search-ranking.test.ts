import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generatePractice } from '../../../bench/generate/generate-practice';
import { createRandom, type Random } from '../../../bench/generate/random';
import type { SearchHit, SearchHitKind } from '../../../shared/api/search';
import { ClientDocument } from '../../../shared/model/documents';
import { buildClientIndex } from '../../../shared/search/client-index';
import { searchIndexes } from '../../../shared/search/query';
import { tempDir } from '../../helpers/temp-dir';

/**
 * The search's ranking, spelled out the slow, obvious way: look at every text of every client,
 * keep those holding every word, sort by kind, how well the first word matches, client name,
 * and place in the client's file.
 */
const KIND_ORDER: SearchHitKind[] = ['client', 'tag', 'term', 'profile', 'goal', 'commitment', 'note', 'agenda', 'session'];

function fold(text: string): string {
  return text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
}

function textsOf(document: ClientDocument) {
  const { client } = document;
  return [
    { kind: 'client', field: 'name', text: client.name, target: { tab: 'profile' } },
    { kind: 'client', field: 'preferredName', text: client.preferredName, target: { tab: 'profile' } },
    ...client.tags.map((tag) => ({ kind: 'tag', field: 'tags', text: tag, target: { tab: 'profile' } })),
    ...client.terminology.flatMap((entry) => [
      { kind: 'term', field: 'term', text: entry.term, target: { tab: 'terminology', id: entry.id } },
      { kind: 'term', field: 'meaning', text: entry.meaning, target: { tab: 'terminology', id: entry.id } },
    ]),
    ...(['currentRole', 'targetRole', 'organisation', 'background'] as const).map((field) => ({
      kind: 'profile',
      field,
      text: client[field],
      target: { tab: 'profile' },
    })),
    ...document.goals.flatMap((goal) => [
      { kind: 'goal', field: 'title', text: goal.title, target: { tab: 'goals', id: goal.id } },
      { kind: 'goal', field: 'why', text: goal.why, target: { tab: 'goals', id: goal.id } },
      ...goal.steps.map((step) => ({ kind: 'goal', field: 'step', text: step.text, target: { tab: 'goals', id: goal.id } })),
    ]),
    ...document.commitments.map((commitment) => ({
      kind: 'commitment',
      field: 'text',
      text: commitment.text,
      target: { tab: 'commitments', id: commitment.id },
    })),
    ...client.notes.map((note) => ({ kind: 'note', field: 'text', text: note.text, target: { tab: 'notes', id: note.id } })),
    ...document.agendas.flatMap((agenda) => [
      ...agenda.goals.map((goal) => ({
        kind: 'agenda',
        field: 'meetingGoal',
        text: goal.text,
        target: { tab: 'sessions', id: agenda.sessionId },
      })),
      ...agenda.items.flatMap((item) => [
        { kind: 'agenda', field: 'itemTitle', text: item.title, target: { tab: 'sessions', id: agenda.sessionId } },
        { kind: 'agenda', field: 'itemDetails', text: item.details, target: { tab: 'sessions', id: agenda.sessionId } },
      ]),
    ]),
    ...document.sessions.flatMap((session) => [
      { kind: 'session', field: 'notes', text: session.notes, target: { tab: 'sessions', id: session.id } },
      { kind: 'session', field: 'reflection', text: session.reflection?.text ?? '', target: { tab: 'sessions', id: session.id } },
    ]),
  ].filter((entry) => entry.text.trim() !== '') as { kind: SearchHitKind; field: string; text: string; target: SearchHit['target'] }[];
}

function positionOf(text: string, word: string): number {
  if (text.startsWith(word)) return 0;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    if (!/[\p{L}\p{N}]/u.test(text[at - 1])) return 1;
  }
  return 2;
}

function referenceSearch(documents: ClientDocument[], query: string, limit: number) {
  const words = fold(query)
    .split(/\s+/u)
    .filter((word) => word !== '');
  if (words.length === 0) return [];
  const byName = [...documents].sort((a, b) => a.client.name.localeCompare(b.client.name) || a.client.id.localeCompare(b.client.id));
  const hits = byName.flatMap((document) =>
    textsOf(document)
      .filter((entry) => words.every((word) => fold(entry.text).includes(word)))
      .map((entry) => ({
        rank: KIND_ORDER.indexOf(entry.kind) * 3 + positionOf(fold(entry.text), words[0]),
        hit: { clientId: document.client.id, clientName: document.client.name, kind: entry.kind, field: entry.field, target: entry.target },
      })),
  );
  // Array.prototype.sort is stable, so equal ranks keep client-name and file order.
  return hits
    .sort((a, b) => a.rank - b.rank)
    .slice(0, limit)
    .map(({ hit }) => hit);
}

const WORDS = [
  'Career',
  'career',
  'CAREER',
  'interview',
  'Interviewing',
  'résumé',
  'Resume',
  'RÉSUMÉ',
  're\u0301sume\u0301',
  'Zoë',
  'zoe',
  'ZOË',
  'café',
  'CAFE',
  'don’t',
  "don't",
  '“promotion”',
  'promotion',
  'naïve',
  'Łódź',
  'lodz',
  'İstanbul',
  'straße',
  'Ærø',
  'co-founder',
  'cofounder',
  'leader',
  'leadership',
  'mis-leading',
  'Misleading',
  'the',
  'THE',
  'then',
  'other',
  'another',
  'salary',
  'negotiation',
  'sabbatical',
  'x',
  '—',
  '(pricing)',
  'pricing.',
];

function phrase(random: Random, words: number): string {
  const parts = Array.from({ length: words }, () => random.pick(WORDS));
  return parts.map((word, i) => (i > 0 && random.chance(0.1) ? `\n${word}` : word)).join(random.chance(0.2) ? '  ' : ' ');
}

/** The small generated practice with its texts rewritten from a vocabulary of case, accent and punctuation traps. */
async function trickyPractice(): Promise<ClientDocument[]> {
  const dir = await tempDir();
  await generatePractice(dir, { seed: 3, scale: 'small' });
  const names = await readdir(join(dir, 'clients'));
  const random = createRandom(11);
  return Promise.all(
    names.map(async (name) => {
      const document = ClientDocument.parse(JSON.parse(await readFile(join(dir, 'clients', name), 'utf8')));
      document.client.name = `${random.pick(['Zoë', 'Zoe', 'Anna', 'Ånna', 'Émile', 'emile'])} ${random.pick(['Career', 'Martin', 'Łódź', 'Interview'])}`;
      document.client.preferredName = random.chance(0.5) ? phrase(random, 1) : '';
      document.client.tags = Array.from({ length: random.int(0, 3) }, () => phrase(random, random.int(1, 2)));
      for (const entry of document.client.terminology) Object.assign(entry, { term: phrase(random, 2), meaning: phrase(random, 4) });
      for (const note of document.client.notes) note.text = phrase(random, random.int(3, 30));
      for (const commitment of document.commitments) commitment.text = phrase(random, random.int(1, 8));
      for (const session of document.sessions) session.notes = random.chance(0.1) ? ' ' : phrase(random, random.int(5, 60));
      document.client.currentRole = phrase(random, 2);
      document.client.targetRole = random.chance(0.5) ? phrase(random, 2) : '';
      document.client.background = phrase(random, random.int(0, 20));
      for (const goal of document.goals) {
        Object.assign(goal, { title: phrase(random, 3), why: phrase(random, random.int(0, 10)) });
        for (const step of goal.steps) step.text = phrase(random, random.int(1, 6));
      }
      for (const agenda of document.agendas) {
        for (const item of agenda.items) Object.assign(item, { title: phrase(random, 3), details: phrase(random, random.int(0, 12)) });
      }
      return document;
    }),
  );
}

const QUERIES = [
  'career',
  'CAREER',
  'resume',
  'résumé',
  'zoe',
  'zoë',
  'cafe',
  'don’t',
  "don't",
  '“promotion',
  'lodz',
  'łódź',
  'istanbul',
  'i̇stanbul',
  'strasse',
  'straße',
  'ærø',
  'co-founder',
  'lead',
  'leader ship',
  'misleading',
  'the',
  'he',
  'x',
  '—',
  '(pricing',
  'pricing.',
  'e',
  'career the',
  'the career',
  'interview salary',
  'sabbatical negotiation promotion',
  'nothing-matches-this',
  'emile martin',
  'ume',
  'r',
  'an',
  'anna interview',
];

describe('search ranking over a practice full of case, accent and punctuation traps', () => {
  let documents: ClientDocument[];
  beforeAll(async () => {
    documents = await trickyPractice();
  });

  it('returns exactly the hits of a plain scan of every text, in the same order', () => {
    const indexes = documents.map(buildClientIndex);
    for (const limit of [50, 7, 1000]) {
      for (const query of QUERIES) {
        const hits = searchIndexes(indexes, query, limit).map(({ snippet: _, ...hit }) => hit);
        expect(hits, `${query} (limit ${limit})`).toEqual(referenceSearch(documents, query, limit));
      }
    }
  });

  it('finds texts whatever their mix of plain and accented entries', () => {
    const indexes = documents.map(buildClientIndex);
    const counts = (query: string) => searchIndexes(indexes, query, 100_000).length;
    // Folding must not lose or invent matches: both spellings of each word find the same texts.
    expect(counts('résumé')).toBe(counts('resume'));
    expect(counts('zoë')).toBe(counts('ZOE'));
    expect(counts('career')).toBeGreaterThan(100);
  });
});
