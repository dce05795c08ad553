import type { Workspace, WorkspaceOptions } from '../../../electron/core/workspace';
import { testWorkspace } from '../../helpers/workspace-api';

export const AT = new Date('2026-06-30T12:00:00.000Z');

export interface IntimacyFixture {
  workspace: Workspace;
  clientId: string;
  /** Held a week ago. */
  heldId: string;
  /** Next week. */
  nextId: string;
}

/** A real workspace with one active client, one session held a week ago and one next week. */
export async function workspaceWithSessions(options: WorkspaceOptions & { dir?: string } = {}): Promise<IntimacyFixture> {
  const workspace = await testWorkspace({ now: () => AT, ...options });
  const client = await workspace.clients.create({ name: 'Amara Okafor', status: 'active' });
  const held = await workspace.sessions.create(client.id, { startsAt: '2026-06-23T10:00:00.000Z', mode: 'video' });
  await workspace.sessions.setStatus(client.id, held.id, 'held');
  const next = await workspace.sessions.create(client.id, { startsAt: '2026-07-07T10:00:00.000Z', mode: 'in-person' });
  return { workspace, clientId: client.id, heldId: held.id, nextId: next.id };
}
