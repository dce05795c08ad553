import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Workspace } from '../../../electron/core/workspace';
import type { AgendaItem } from '../../../shared/model/agenda';
import type { ClientDocument } from '../../../shared/model/documents';
import type { Session } from '../../../shared/model/session';
import { testWorkspace } from '../../helpers/workspace-api';
import { agenda, agendaItem, session } from '../trust/fixtures';

export const MISSING_ID = '0b7c1a9e-3d6f-4e8a-9b2c-5d4e3f2a1b0c';

/** A clock the test can move forward; starts at midday so the local date is the same in most zones. */
export function movableClock(start = '2026-03-02T12:00:00.000Z') {
  let current = new Date(start);
  return {
    now: () => current,
    set(iso: string) {
      current = new Date(iso);
    },
  };
}

export async function workspaceWithClient(clock = movableClock(), name = 'Amara Okafor') {
  const workspace = await testWorkspace({ now: clock.now });
  const client = await workspace.clients.create({ name, status: 'active' });
  return { workspace, clientId: client.id, clock };
}

/**
 * Changes a client's file on disk while the workspace is closed and reopens it — the way to
 * give a client sessions and agendas before the workspace has methods for them.
 */
export async function editClientFile(
  workspace: Workspace,
  clientId: string,
  now: () => Date,
  edit: (document: ClientDocument) => void,
): Promise<Workspace> {
  const file = join(workspace.dataDir, 'clients', `${clientId}.json`);
  await workspace.close();
  const document = JSON.parse(await readFile(file, 'utf8')) as ClientDocument;
  edit(document);
  await writeFile(file, JSON.stringify(document));
  return testWorkspace({ dir: workspace.dataDir, now });
}

/**
 * Adds to `document` a session at `startsAt` (held unless `fields` say otherwise) whose agenda
 * has `items`, each linked to a goal or to none: what goals.discussedIn reads. Returns the
 * session's id. For editClientFile's `edit`.
 */
export function addDiscussion(
  document: ClientDocument,
  startsAt: string,
  items: Pick<AgendaItem, 'title' | 'goalId'>[],
  fields: Partial<Session> = {},
): string {
  const added = session(startsAt, fields);
  document.sessions.push(added);
  document.agendas.push({ ...agenda(added.id), items: items.map((item) => agendaItem(item)) });
  return added.id;
}
