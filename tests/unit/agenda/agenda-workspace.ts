import { randomUUID } from 'node:crypto';
import type { Session } from '../../../shared/model/session';
import { DocumentStore } from '../../../electron/core/store';
import type { Workspace, WorkspaceOptions } from '../../../electron/core/workspace';
import { tempDir } from '../../helpers/temp-dir';
import { testWorkspace } from '../../helpers/workspace-api';

export const FIXED_NOW = new Date('2026-03-02T09:00:00.000Z');

export interface AgendaFixture {
  workspace: Workspace;
  clientId: string;
  sessionId: string;
  clientGoalId: string;
}

/**
 * A real workspace holding one client with one planned 60-minute session and one client goal.
 * There is no sessions API on this branch yet, so the session and goal are written through
 * the document store while the workspace is closed, then the workspace is opened again.
 */
export async function workspaceWithSession(options: WorkspaceOptions = {}): Promise<AgendaFixture> {
  const dir = await tempDir();
  const now = options.now ?? (() => FIXED_NOW);
  const setup = await testWorkspace({ dir, now });
  const client = await setup.clients.create({ name: 'Amara Okafor', preferredName: 'Amara', status: 'active' });
  await setup.close();

  const at = now().toISOString();
  const session: Session = {
    id: randomUUID(),
    createdAt: at,
    updatedAt: at,
    startsAt: '2026-03-09T10:00:00.000Z',
    durationMinutes: 60,
    mode: 'video',
    location: 'Zoom',
    status: 'planned',
    reconfirmedAt: null,
    materialsSentAt: null,
    notes: '',
    reflection: null,
    agendaSentAt: null,
    recapSentAt: null,
    billing: null,
    groupSize: 1,
    calendarUid: null,
  };
  const clientGoalId = randomUUID();
  const store = await DocumentStore.open(dir, now);
  await store.updateClient(client.id, (document) => {
    document.sessions.push(session);
    document.goals.push({
      id: clientGoalId,
      createdAt: at,
      updatedAt: at,
      title: 'Move into a team lead role',
      why: '',
      targetDate: null,
      status: 'active',
      steps: [],
    });
    document.client.terminology.push({ id: randomUUID(), createdAt: at, updatedAt: at, term: 'my crew', meaning: 'the team she leads' });
  });
  await store.flush();

  const workspace = await testWorkspace({ ...options, dir, now });
  return { workspace, clientId: client.id, sessionId: session.id, clientGoalId };
}
