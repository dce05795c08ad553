import { describe, expect, it } from 'vitest';
import { MAX_REPLY_BYTES } from '../../../shared/agenda/read-reply';
import { workspaceWithSession } from './agenda-workspace';
import { rejection } from '../../helpers/rejection';

async function sharedAgenda() {
  const fixture = await workspaceWithSession();
  const { workspace, clientId, sessionId } = fixture;
  await workspace.settings.update({ coachName: 'Sam Lee' });
  const agenda = await workspace.agendas.save(clientId, sessionId, {
    goals: [{ text: 'Decide whether to apply for the Director role' }],
    items: [
      { title: 'Check-in', minutes: 10, proposedBy: 'coach' },
      { title: 'Your Director pitch', minutes: 20, proposedBy: 'client', details: 'The first two minutes.' },
      { title: 'Salary expectations', minutes: 15, proposedBy: 'coach' },
    ],
  });
  const { text } = await workspace.agendas.share(clientId, sessionId);
  return { ...fixture, agenda, text };
}

/** A top-posted reply: the pitch reworded and longer, one item added, the shared text quoted below. */
function reworded(text: string): string {
  const quoted = text
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
  return [
    'Hi Sam,',
    '',
    '1. Check-in (10 min)',
    '2. Your Director pitch, practised out loud (25 min)',
    '3. Salary expectations (15 min)',
    '4. Questions for the panel (10 min)',
    '',
    'Amara',
    '',
    'On Tue, 3 Mar 2026 at 08:00, Sam Lee <sam@example.com> wrote:',
    quoted,
  ].join('\n');
}

describe('reviewing a client’s reply', () => {
  it('shares plain text naming the coach by first name, with the session’s time zone and place', async () => {
    const { text } = await sharedAgenda();
    expect(text).toContain('1. Check-in (10 min) — proposed by Sam');
    expect(text).toContain('2. Your Director pitch (20 min) — proposed by you');
    expect(text).toMatch(/^When: .*2026, .*\d:\d\d.*–.*\d:\d\d.* (?:UTC|GMT\S*)$/mu);
    expect(text).toContain('Where: Video call: Zoom');
    expect(text).toMatch(/See you then,\nSam\n$/u);
    expect(text).not.toMatch(/^#/mu);
  });

  it('reads a rewording as one change that keeps the proposer, applies it, and undoes it exactly', async () => {
    const { workspace, clientId, sessionId, text } = await sharedAgenda();
    const before = await workspace.agendas.get(clientId, sessionId);
    const reply = reworded(text);
    const preview = await workspace.agendas.previewReply(clientId, sessionId, reply);
    expect(preview.changes.map((change) => change.kind).sort()).toEqual(['added', 'reworded']);
    const rewording = preview.changes.find((change) => change.kind === 'reworded');
    expect(rewording).toMatchObject({
      fromTitle: 'Your Director pitch',
      toTitle: 'Your Director pitch, practised out loud',
      fromMinutes: 20,
      toMinutes: 25,
    });

    const applied = await workspace.agendas.applyReply(
      clientId,
      sessionId,
      reply,
      preview.changes.map((change) => change.id),
    );
    expect(applied.items.map((item) => [item.title, item.minutes, item.proposedBy, item.details])).toEqual([
      ['Check-in', 10, 'coach', ''],
      ['Your Director pitch, practised out loud', 25, 'client', 'The first two minutes.'],
      ['Salary expectations', 15, 'coach', ''],
      ['Questions for the panel', 10, 'client', ''],
    ]);
    // The reworded item keeps its id: it is the same item, not a removal and an addition.
    expect(applied.items[1].id).toBe(before?.items[1].id);

    // Copy and Save give the current agenda right after the reply was applied.
    const { text: again } = await workspace.agendas.share(clientId, sessionId);
    expect(again).toContain('2. Your Director pitch, practised out loud (25 min) — proposed by you');
    expect(again).toContain('4. Questions for the panel (10 min) — proposed by you');

    const undone = await workspace.agendas.undoReply(clientId, sessionId);
    expect(undone.goals).toEqual(before?.goals);
    expect(undone.items).toEqual(before?.items);
    const summaries = undone.history.map((entry) => entry.summary);
    expect(summaries).toContain('Went through the client’s reply: accepted 2 of 2 changes');
    expect(summaries.at(-1)).toBe('Undid the changes applied from the client’s reply');
    await expect(workspace.agendas.undoReply(clientId, sessionId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('counts only items the client really added as proposed by her in the trust evidence', async () => {
    const { workspace, clientId, sessionId, text } = await sharedAgenda();
    // She rewords the coach's salary item and adds one of her own.
    const reply = reworded(text).replace('3. Salary expectations (15 min)', '3. Salary expectations and the benefits package (15 min)');
    const preview = await workspace.agendas.previewReply(clientId, sessionId, reply);
    expect(preview.changes.map((change) => change.kind).sort()).toEqual(['added', 'reworded', 'reworded']);
    await workspace.agendas.applyReply(
      clientId,
      sessionId,
      reply,
      preview.changes.map((change) => change.id),
    );
    const { evidence } = await workspace.trust.forClient(clientId);
    expect(evidence.find((indicator) => indicator.id === 'client-proposed-items')).toMatchObject({ numerator: 2, denominator: 4 });
  });

  it('refuses to undo a reply once the agenda was edited after it, and changes nothing', async () => {
    const { workspace, clientId, sessionId, text } = await sharedAgenda();
    const reply = reworded(text);
    const preview = await workspace.agendas.previewReply(clientId, sessionId, reply);
    const applied = await workspace.agendas.applyReply(
      clientId,
      sessionId,
      reply,
      preview.changes.map((change) => change.id),
    );
    const edited = await workspace.agendas.save(clientId, sessionId, {
      goals: applied.goals.map(({ id, text: goal }) => ({ id, text: goal })),
      items: applied.items.map(({ id, title, minutes, proposedBy }) => ({
        id,
        title: id === applied.items[0].id ? 'Catch-up' : title,
        minutes,
        proposedBy,
      })),
    });
    const refusal = await rejection(workspace.agendas.undoReply(clientId, sessionId), 'CONFLICT');
    expect(refusal.message).toContain('edited after the reply was applied');
    expect(await workspace.agendas.get(clientId, sessionId)).toEqual(edited);
  });

  it('refuses a reply to another agenda, naming the agenda it seems to answer', async () => {
    const last = await sharedAgenda();
    const current = await sharedAgenda();
    const before = await current.workspace.agendas.get(current.clientId, current.sessionId);
    const refusal = await rejection(
      current.workspace.agendas.previewReply(current.clientId, current.sessionId, reworded(last.text)),
      'REPLY_OTHER_AGENDA',
    );
    const lastLine = last.text.split('\n')[0];
    expect(refusal.message).toContain(`seems to answer another agenda: “${lastLine}”`);
    expect(refusal.message).toContain(current.text.split('\n')[0]);
    await expect(current.workspace.agendas.applyReply(current.clientId, current.sessionId, reworded(last.text), [])).rejects.toMatchObject({
      code: 'REPLY_OTHER_AGENDA',
    });
    expect(await current.workspace.agendas.get(current.clientId, current.sessionId)).toEqual(before);
  });

  it('reads a reply with no reference line, with a caution', async () => {
    const { workspace, clientId, sessionId } = await sharedAgenda();
    const preview = await workspace.agendas.previewReply(
      clientId,
      sessionId,
      'Check-in 10 min\nYour Director pitch 30 min\nSalary expectations 15 min',
    );
    expect(preview.changes.map((change) => change.kind)).toEqual(['retimed']);
    expect(preview.cautions.map((caution) => caution.code)).toEqual(['no-reference']);
    expect(preview.reference).toBeNull();
  });

  it('reads a reply of almost 2 MB (a long thread) and refuses a larger one with a message to paste the latest message only', async () => {
    const { workspace, clientId, sessionId, text } = await sharedAgenda();
    const top = reworded(text);
    const older = '> > Earlier message in the thread, quoted again and again.\n';
    const long = top + '\n' + older.repeat(Math.floor((MAX_REPLY_BYTES - top.length - 1) / older.length));
    expect(long.length).toBeLessThanOrEqual(MAX_REPLY_BYTES);
    expect((await workspace.agendas.previewReply(clientId, sessionId, long)).changes).toHaveLength(2);

    const before = await workspace.agendas.get(clientId, sessionId);
    const tooLarge = `${long}${'é'.repeat(2000)}`;
    const refusal = await rejection(workspace.agendas.previewReply(clientId, sessionId, tooLarge), 'REPLY_TOO_LARGE');
    expect(refusal.message).toContain('Paste only the client’s latest message');
    await expect(workspace.agendas.applyReply(clientId, sessionId, tooLarge, [])).rejects.toMatchObject({ code: 'REPLY_TOO_LARGE' });
    expect(await workspace.agendas.get(clientId, sessionId)).toEqual(before);
  });

  it('records one sharing when the same unchanged agenda is copied and saved', async () => {
    const { workspace, clientId, sessionId } = await sharedAgenda();
    await workspace.agendas.share(clientId, sessionId);
    const agenda = await workspace.agendas.get(clientId, sessionId);
    expect(agenda?.history.filter((entry) => entry.summary.startsWith('Shared')).length).toBe(1);
  });
});
