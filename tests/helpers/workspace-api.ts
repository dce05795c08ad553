import { afterEach } from 'vitest';
import { CHANNELS, type RapportApi } from '../../shared/api';
import { buildBridge } from '../../shared/bridge';
import { createDispatcher } from '../../electron/core/dispatch';
import { openWorkspace, type Workspace, type WorkspaceOptions } from '../../electron/core/workspace';
import { DialogTokens } from '../../electron/security/dialog-tokens';
import { pageApi } from '../../electron/security/page-api';
import { createApiClient } from '../../renderer/src/api/client';
import { tempDir } from './temp-dir';

const opened: Workspace[] = [];

/** The renderer API calls not settled yet, so that a UI test can wait for them instead of sleeping. */
export const callsInFlight = new Set<Promise<unknown>>();

function tracked<T>(call: Promise<T>): Promise<T> {
  callsInFlight.add(call);
  const done = () => callsInFlight.delete(call);
  call.then(done, done);
  return call;
}

afterEach(async () => {
  await Promise.all(opened.splice(0).map((workspace) => workspace.close()));
});

/** A real workspace in a fresh temp dir, closed after the test. */
export async function testWorkspace(options: WorkspaceOptions & { dir?: string } = {}): Promise<Workspace> {
  const workspace = await openWorkspace(options.dir ?? (await tempDir()), options);
  opened.push(workspace);
  return workspace;
}

/**
 * The API as the renderer sees it — bridge, dispatcher, file tokens and error envelope
 * included — over a real workspace. Provide it under API_KEY when mounting components; a test
 * that plays the file dialogs issues tokens from the same `tokens`.
 */
export function rendererApiFor(workspace: Workspace, tokens = new DialogTokens()): RapportApi {
  const dispatch = createDispatcher(pageApi(workspace, tokens));
  return createApiClient(buildBridge<RapportApi>(CHANNELS, (channel, args) => tracked(dispatch(channel, args))));
}
