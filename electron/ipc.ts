import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { RapportError } from '../shared/errors';
import type { Dispatch } from './core/dispatch';
import { isTrustedSender, type SenderInfo } from './security/sender';

function senderInfo(event: IpcMainInvokeEvent): SenderInfo {
  const frame = event.senderFrame;
  return {
    senderId: event.sender.id,
    frameUrl: frame?.url ?? null,
    isMainFrame: frame !== null && frame === event.sender.mainFrame,
  };
}

/**
 * Registers exactly the given channels. Every call is served only for the app's own windows
 * and goes through the dispatcher, which validates it and answers with an envelope.
 */
export function registerIpc(
  channels: readonly string[],
  dispatch: Dispatch,
  appWindowIds: ReadonlySet<number>,
  devServerUrl?: string,
): void {
  for (const channel of channels) {
    ipcMain.handle(channel, (event, ...args: unknown[]) => {
      if (!isTrustedSender(senderInfo(event), appWindowIds, devServerUrl)) {
        return { ok: false, error: new RapportError('FORBIDDEN', 'This request did not come from Rapport.').toData() };
      }
      return dispatch(channel, args);
    });
  }
}
