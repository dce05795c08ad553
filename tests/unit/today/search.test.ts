import { describe, expect, it } from 'vitest';
import { indexInOriginal, normaliseForSearch } from '../../../shared/search/normalise';
import { testWorkspace } from '../../helpers/workspace-api';

async function practice() {
  const workspace = await testWorkspace({ now: () => new Date('2026-02-02T09:00:00.000Z') });
  const zoe = await workspace.clients.create({ name: 'Zoë Martin', preferredName: 'Zo', tags: ['finance', 'return to work'] });
  const marta = await workspace.clients.create({ name: 'Marta Nowak', tags: ['leadership'] });
  const note = await workspace.notes.create(marta.id, 'Talked about **Zoe**’s referral and her move into finance leadership.');
  const term = await workspace.terminology.create(zoe.id, { term: 'my practice', meaning: 'her accounting business' });
  const commitment = await workspace.commitments.create(marta.id, { text: 'Send the finance reading list', owner: 'coach' });
  const session = await workspace.sessions.create(zoe.id, { startsAt: '2026-02-03T10:00:00.000Z', mode: 'video' });
  await workspace.sessions.update(zoe.id, session.id, { notes: 'Discussed her practice and pricing.' });
  return { workspace, zoe, marta, note, term, commitment, session };
}

describe('search.query', () => {
  it('finds names regardless of case and accents, names first', async () => {
    const { workspace, zoe, marta, note } = await practice();
    const hits = await workspace.search.query('ZOE');
    expect(hits[0]).toEqual({
      clientId: zoe.id,
      clientName: 'Zoë Martin',
      kind: 'client',
      field: 'name',
      snippet: 'Zoë Martin',
      target: { tab: 'profile' },
    });
    expect(hits).toContainEqual(expect.objectContaining({ clientId: marta.id, kind: 'note', target: { tab: 'notes', id: note.id } }));
    expect(hits.findIndex((hit) => hit.kind === 'note')).toBeGreaterThan(0);
  });

  it('searches tags, terminology, commitments, notes and session notes, saying where each hit is', async () => {
    const { workspace, zoe, marta, term, commitment, session } = await practice();
    const finance = await workspace.search.query('finance');
    expect(finance.map((hit) => [hit.clientName, hit.kind, hit.field])).toEqual([
      ['Zoë Martin', 'tag', 'tags'],
      ['Marta Nowak', 'commitment', 'text'],
      ['Marta Nowak', 'note', 'text'],
    ]);
    expect(finance[1].target).toEqual({ tab: 'commitments', id: commitment.id });

    const practiceHits = await workspace.search.query('practice');
    expect(practiceHits.map((hit) => [hit.clientId, hit.kind, hit.field, hit.target])).toEqual([
      [zoe.id, 'term', 'term', { tab: 'terminology', id: term.id }],
      [zoe.id, 'session', 'notes', { tab: 'sessions', id: session.id }],
    ]);
    expect(await workspace.search.query('leadership')).toEqual([
      expect.objectContaining({ clientId: marta.id, kind: 'tag' }),
      expect.objectContaining({ clientId: marta.id, kind: 'note' }),
    ]);
  });

  it('needs every word of the query in the same place', async () => {
    const { workspace } = await practice();
    expect((await workspace.search.query('marta nowak')).map((hit) => hit.field)).toEqual(['name']);
    expect(await workspace.search.query('marta finance')).toEqual([]);
    expect(await workspace.search.query('   ')).toEqual([]);
  });

  it('sees changes at once, and forgets deleted clients', async () => {
    const { workspace, zoe, marta } = await practice();
    await workspace.clients.update(zoe.id, { name: 'Zoë Laurent' });
    expect((await workspace.search.query('laurent')).map((hit) => hit.clientId)).toEqual([zoe.id]);
    await workspace.clients.remove(marta.id, 'Marta Nowak');
    expect((await workspace.search.query('finance')).map((hit) => hit.clientId)).toEqual([zoe.id]);
  });

  it('shortens long text around the match', async () => {
    const { workspace, marta } = await practice();
    await workspace.notes.create(
      marta.id,
      `${'Background reading. '.repeat(20)}She mentioned Ångström Labs as a target.${' More.'.repeat(30)}`,
    );
    const [hit] = await workspace.search.query('angstrom');
    expect(hit.snippet).toMatch(/^….*Ångström Labs.*…$/);
    expect(hit.snippet.length).toBeLessThanOrEqual(122);
  });

  it('returns at most 50 hits', async () => {
    const { workspace, marta } = await practice();
    await Promise.all(
      Array.from({ length: 60 }, (_, i) => workspace.commitments.create(marta.id, { text: `Follow up ${i}`, owner: 'client' })),
    );
    expect(await workspace.search.query('follow')).toHaveLength(50);
  });

  it('rejects a query that is not text or too long', async () => {
    const { workspace } = await practice();
    await expect(workspace.search.query(7 as never)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(workspace.search.query('x'.repeat(201))).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});

describe('search normalisation', () => {
  it('folds case and accents', () => {
    expect(normaliseForSearch('Ærø Zoë ÇAFÉ')).toBe('ærø zoe cafe');
  });

  it('folds every character exactly as decomposing the whole text and dropping its marks would', () => {
    const reference = (text: string) => text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
    const surrogates = (code: number) => code >= 0xd800 && code <= 0xdfff;
    const codes = [
      ...Array.from({ length: 0x10000 }, (_, code) => code).filter((code) => !surrogates(code)),
      ...Array.from({ length: 0x200 }, (_, i) => 0x10000 + i * 0x400 + (i % 0x3ff)),
    ];
    const differing = codes
      .map((code) => String.fromCodePoint(code))
      // Each character between ASCII letters, doubled, followed by a combining mark, and leading.
      .map((char) => `A${char}b${char}${char}\u0301 ${char}e\u0308\u0323Z`)
      .filter((text) => normaliseForSearch(text) !== reference(text));
    expect(differing).toEqual([]);
  });

  it('maps a match back to the original text', () => {
    expect(indexInOriginal('Née Çafé Zoë', 'zoe')).toBe(9);
    expect(indexInOriginal('abc', 'zz')).toBe(-1);
  });
});
