import { describe, expect, it } from 'vitest';
import { testWorkspace } from '../../helpers/workspace-api';
import { MISSING_ID, movableClock } from './support';

describe('notes', () => {
  it('adds, edits and removes timestamped Markdown notes', async () => {
    const clock = movableClock(new Date('2026-03-02T09:00:00.000Z'));
    const workspace = await testWorkspace({ now: clock.now });
    const client = await workspace.clients.create({ name: 'Amara' });
    const note = await workspace.notes.create(client.id, '**Wants** to lead a team.');
    expect(note).toMatchObject({ text: '**Wants** to lead a team.', createdAt: '2026-03-02T09:00:00.000Z' });

    clock.set(new Date('2026-03-03T09:00:00.000Z'));
    const edited = await workspace.notes.update(client.id, note.id, 'Wants to lead a *data* team.');
    expect(edited).toMatchObject({ id: note.id, createdAt: '2026-03-02T09:00:00.000Z', updatedAt: '2026-03-03T09:00:00.000Z' });
    expect((await workspace.clients.get(client.id)).notes).toEqual([edited]);

    await workspace.notes.remove(client.id, note.id);
    expect((await workspace.clients.get(client.id)).notes).toEqual([]);
  });

  it('keeps a note with HTML exactly as typed', async () => {
    const workspace = await testWorkspace();
    const client = await workspace.clients.create({ name: 'Ben' });
    const text = '<img src=x onerror=alert(1)>';
    await workspace.notes.create(client.id, text);
    expect((await workspace.clients.get(client.id)).notes[0].text).toBe(text);
  });

  it('rejects an empty or oversized note and bad ids', async () => {
    const workspace = await testWorkspace();
    const client = await workspace.clients.create({ name: 'Chen' });
    await expect(workspace.notes.create(client.id, '')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(workspace.notes.create(client.id, 'x'.repeat(50_001))).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(workspace.notes.create('not-an-id', 'Hello')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const note = await workspace.notes.create(client.id, 'Kept');
    await expect(workspace.notes.update(client.id, note.id, '')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect((await workspace.clients.get(client.id)).notes.map((n) => n.text)).toEqual(['Kept']);
  });

  it('reports NOT_FOUND for an unknown client or note', async () => {
    const workspace = await testWorkspace();
    const client = await workspace.clients.create({ name: 'Dana' });
    await expect(workspace.notes.create(MISSING_ID, 'Hi')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(workspace.notes.update(client.id, MISSING_ID, 'Hi')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(workspace.notes.remove(client.id, MISSING_ID)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('terminology', () => {
  it('adds, edits and removes the client’s own words', async () => {
    const workspace = await testWorkspace();
    const client = await workspace.clients.create({ name: 'Eve' });
    const entry = await workspace.terminology.create(client.id, { term: '  my practice ', meaning: 'her business' });
    expect(entry).toMatchObject({ term: 'my practice', meaning: 'her business' });
    const edited = await workspace.terminology.update(client.id, entry.id, { term: 'the studio', meaning: 'her business' });
    expect((await workspace.clients.get(client.id)).terminology).toEqual([edited]);
    await workspace.terminology.remove(client.id, entry.id);
    expect((await workspace.clients.get(client.id)).terminology).toEqual([]);
  });

  it('rejects an empty term and unknown fields', async () => {
    const workspace = await testWorkspace();
    const client = await workspace.clients.create({ name: 'Femi' });
    await expect(workspace.terminology.create(client.id, { term: '   ', meaning: 'x' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(workspace.terminology.create(client.id, { term: 'a', meaning: 'b', id: MISSING_ID } as never)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    expect((await workspace.clients.get(client.id)).terminology).toEqual([]);
  });

  it('reports NOT_FOUND for an unknown client or term', async () => {
    const workspace = await testWorkspace();
    const client = await workspace.clients.create({ name: 'Gus' });
    await expect(workspace.terminology.create(MISSING_ID, { term: 'a', meaning: '' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(workspace.terminology.update(client.id, MISSING_ID, { term: 'a', meaning: '' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(workspace.terminology.remove(client.id, MISSING_ID)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
