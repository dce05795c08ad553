import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { workspaceWithSession } from './agenda-workspace';
import { rejection } from '../../helpers/rejection';

const MISSING = randomUUID();

async function sharedAgenda() {
  let clock = new Date('2026-03-02T09:00:00.000Z');
  const fixture = await workspaceWithSession({ now: () => clock });
  const { workspace, clientId, sessionId } = fixture;
  const agenda = await workspace.agendas.save(clientId, sessionId, {
    goals: [{ text: 'Agree on three target employers' }],
    items: [
      { title: 'Check-in', minutes: 10, proposedBy: 'coach' },
      { title: 'Review the CV draft', minutes: 20, proposedBy: 'coach' },
      { title: 'Shortlist employers', minutes: 15, proposedBy: 'coach' },
      { title: 'Next steps', minutes: 10, proposedBy: 'coach' },
    ],
  });
  clock = new Date('2026-03-03T08:00:00.000Z');
  const { text } = await workspace.agendas.share(clientId, sessionId);
  clock = new Date('2026-03-04T19:00:00.000Z');
  return { ...fixture, agenda, text, setClock: (at: string) => (clock = new Date(at)) };
}

/** The client's reply: Shortlist moved first and re-timed, Review removed, one item added, a goal added. */
function clientReply(text: string): string {
  const edited = text
    .replace('1. Check-in (10 min) — proposed by your coach\n', '')
    .replace('2. Review the CV draft (20 min) — proposed by your coach\n', '')
    .replace('3. Shortlist employers (15 min) — proposed by your coach\n', '1. Shortlist employers 25m\n2. Check-in (10 min)\n')
    .replace('4. Next steps', '3. Salary expectations (10 min)\n4. Next steps')
    .replace('- Agree on three target employers\n', '- Agree on three target employers\n- Know my salary range\n');
  const quoted = edited
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\r\n');
  return `Hi Sam,\r\n\r\nMy changes are below.\r\n\r\n${quoted}\r\n\r\nBest,\r\nAmara`;
}

describe('agendas.share', () => {
  it('returns the text for the client and stamps sharedAt', async () => {
    const { workspace, clientId, sessionId, text } = await sharedAgenda();
    expect(text).toMatch(/^Agenda for Amara, .* · ref [2-9A-Z]{4}$/mu);
    expect(text).toContain('1. Check-in (10 min) — proposed by your coach');
    expect(text).toContain('- Agree on three target employers');
    const agenda = await workspace.agendas.get(clientId, sessionId);
    expect(agenda?.sharedAt).toBe('2026-03-03T08:00:00.000Z');
    expect(agenda?.history.at(-1)).toMatchObject({ author: 'coach', summary: 'Shared the agenda with the client for review' });
  });

  it('says NOT_FOUND without an agenda, session or client', async () => {
    const { workspace, clientId, sessionId } = await workspaceWithSession();
    await expect(workspace.agendas.share(clientId, sessionId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(workspace.agendas.share(clientId, MISSING)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(workspace.agendas.share(MISSING, sessionId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(workspace.agendas.share(clientId, 'x')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});

describe('agendas.previewReply and applyReply', () => {
  it('previews the changes of a reply without changing anything', async () => {
    const { workspace, clientId, sessionId, text } = await sharedAgenda();
    const before = await workspace.agendas.get(clientId, sessionId);
    const preview = await workspace.agendas.previewReply(clientId, sessionId, clientReply(text));
    expect(preview.changes.map((change) => change.kind).sort()).toEqual(['added', 'goal-added', 'moved', 'removed', 'retimed'].sort());
    expect(preview.comments.map((comment) => comment.text)).toEqual(['Hi Sam,', 'My changes are below.', 'Best,', 'Amara']);
    expect(preview.cautions).toEqual([]);
    expect(await workspace.agendas.get(clientId, sessionId)).toEqual(before);
  });

  it('applies only the accepted changes and records them in the history', async () => {
    const { workspace, clientId, sessionId, text, agenda } = await sharedAgenda();
    const reply = clientReply(text);
    const { changes } = await workspace.agendas.previewReply(clientId, sessionId, reply);
    // Keep the CV review: the coach rejects its removal; the new item follows Check-in as in the reply.
    const accepted = changes.filter((change) => change.kind !== 'removed').map((change) => change.id);
    const result = await workspace.agendas.applyReply(clientId, sessionId, reply, accepted);
    expect(result.items.map((item) => [item.title, item.minutes, item.proposedBy])).toEqual([
      ['Shortlist employers', 25, 'coach'],
      ['Check-in', 10, 'coach'],
      ['Salary expectations', 10, 'client'],
      ['Review the CV draft', 20, 'coach'],
      ['Next steps', 10, 'coach'],
    ]);
    expect(result.goals.map((goal) => goal.text)).toEqual(['Agree on three target employers', 'Know my salary range']);
    expect(result.updatedAt).toBe('2026-03-04T19:00:00.000Z');
    const newEntries = result.history.slice(agenda.history.length + 1);
    expect(newEntries.map((entry) => entry.author)).toEqual(['client', 'client', 'client', 'client', 'coach']);
    expect(newEntries.at(-1)?.summary).toBe('Went through the client’s reply: accepted 4 of 5 changes');
    expect(await workspace.agendas.get(clientId, sessionId)).toEqual(result);
  });

  it('refuses accepted ids that are not in the reply, and text without an agenda', async () => {
    const { workspace, clientId, sessionId, text } = await sharedAgenda();
    const before = await workspace.agendas.get(clientId, sessionId);
    await expect(workspace.agendas.applyReply(clientId, sessionId, clientReply(text), ['added:99'])).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    const noAgenda = await rejection(workspace.agendas.previewReply(clientId, sessionId, 'Thanks, see you Monday!'), 'INVALID_INPUT');
    expect(noAgenda.message).toContain('No goals or agenda items were found');
    await expect(workspace.agendas.applyReply(clientId, sessionId, '', [])).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(workspace.agendas.previewReply(clientId, sessionId, 'x'.repeat(200_001))).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(workspace.agendas.applyReply(clientId, sessionId, text, 'all' as unknown as string[])).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    expect(await workspace.agendas.get(clientId, sessionId)).toEqual(before);
  });

  it('says NOT_FOUND without an agenda, session or client', async () => {
    const { workspace, clientId, sessionId } = await workspaceWithSession();
    await expect(workspace.agendas.previewReply(clientId, sessionId, '- One (5 min)')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(workspace.agendas.applyReply(clientId, sessionId, '- One (5 min)', [])).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(workspace.agendas.previewReply(MISSING, sessionId, '- One')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(workspace.agendas.applyReply(clientId, MISSING, '- One', [])).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('round trip: importing the unchanged shared text finds no changes', async () => {
    const { workspace, clientId, sessionId, text } = await sharedAgenda();
    const preview = await workspace.agendas.previewReply(clientId, sessionId, text);
    expect(preview).toMatchObject({ changes: [], comments: [], cautions: [] });
    expect(preview.reference).toMatch(/^Agenda for Amara, /u);
  });
});
