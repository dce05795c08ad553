import { describe, expect, it } from 'vitest';
import { testWorkspace } from '../../helpers/workspace-api';
import { MISSING_ID, local, movableClock } from './support';

async function clientIn(workspace: Awaited<ReturnType<typeof testWorkspace>>) {
  return (await workspace.clients.create({ name: 'Amara' })).id;
}

describe('commitments', () => {
  it('creates, edits, completes, reopens and removes a commitment', async () => {
    const clock = movableClock(local(2026, 3, 2, 9));
    const workspace = await testWorkspace({ now: clock.now });
    const clientId = await clientIn(workspace);
    const session = await workspace.sessions.create(clientId, { startsAt: local(2026, 3, 3, 10).toISOString(), mode: 'video' });
    const created = await workspace.commitments.create(clientId, {
      text: 'Send the salary survey',
      owner: 'coach',
      dueDate: '2026-03-04',
      sessionId: session.id,
    });
    expect(created).toMatchObject({
      text: 'Send the salary survey',
      owner: 'coach',
      dueDate: '2026-03-04',
      doneAt: null,
      sessionId: session.id,
    });

    const edited = await workspace.commitments.update(clientId, created.id, { text: 'Send two salary surveys', dueDate: null });
    expect(edited).toMatchObject({ text: 'Send two salary surveys', dueDate: null, owner: 'coach' });

    clock.set(local(2026, 3, 3, 16));
    const done = await workspace.commitments.setDone(clientId, created.id, true);
    expect(done.doneAt).toBe(local(2026, 3, 3, 16).toISOString());
    clock.set(local(2026, 3, 4, 16));
    expect((await workspace.commitments.setDone(clientId, created.id, true)).doneAt).toBe(done.doneAt);
    expect((await workspace.commitments.setDone(clientId, created.id, false)).doneAt).toBeNull();

    await workspace.commitments.remove(clientId, created.id);
    expect(await workspace.commitments.list(clientId)).toEqual([]);
  });

  it('lists open commitments by due date, undated after, done ones last', async () => {
    const workspace = await testWorkspace({ now: () => local(2026, 3, 2, 9) });
    const clientId = await clientIn(workspace);
    const later = await workspace.commitments.create(clientId, { text: 'Later', owner: 'client', dueDate: '2026-03-20' });
    const undated = await workspace.commitments.create(clientId, { text: 'Whenever', owner: 'coach' });
    const sooner = await workspace.commitments.create(clientId, { text: 'Sooner', owner: 'coach', dueDate: '2026-03-05' });
    const finished = await workspace.commitments.create(clientId, { text: 'Finished', owner: 'coach', dueDate: '2026-03-01' });
    await workspace.commitments.setDone(clientId, finished.id, true);
    expect((await workspace.commitments.list(clientId)).map((c) => c.id)).toEqual([sooner.id, later.id, undated.id, finished.id]);
  });

  it('rejects invalid input, including a session of nobody in this file', async () => {
    const workspace = await testWorkspace();
    const clientId = await clientIn(workspace);
    const ok = await workspace.commitments.create(clientId, { text: 'Call back', owner: 'coach' });
    const bad = [
      workspace.commitments.create(clientId, { text: '', owner: 'coach' }),
      workspace.commitments.create(clientId, { text: 'x', owner: 'boss' as never }),
      workspace.commitments.create(clientId, { text: 'x', owner: 'coach', dueDate: '31/03/2026' }),
      workspace.commitments.create(clientId, { text: 'x', owner: 'coach', sessionId: MISSING_ID }),
      workspace.commitments.update(clientId, ok.id, { doneAt: '2026-03-01T00:00:00.000Z' } as never),
      workspace.commitments.update(clientId, ok.id, { sessionId: MISSING_ID }),
      workspace.commitments.setDone(clientId, ok.id, 1 as never),
    ];
    for (const call of bad) await expect(call).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(await workspace.commitments.list(clientId)).toEqual([ok]);
  });

  it('reports NOT_FOUND for an unknown client or commitment', async () => {
    const workspace = await testWorkspace();
    const clientId = await clientIn(workspace);
    await expect(workspace.commitments.list(MISSING_ID)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(workspace.commitments.create(MISSING_ID, { text: 'x', owner: 'coach' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(workspace.commitments.update(clientId, MISSING_ID, { text: 'y' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(workspace.commitments.setDone(clientId, MISSING_ID, true)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(workspace.commitments.remove(clientId, MISSING_ID)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
