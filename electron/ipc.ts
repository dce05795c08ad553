import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { CHANNELS } from '../shared/api';
import { RapportError } from '../shared/errors';
import type { Dispatch } from './core/dispatch';
import { isTrustedSender } from './security/sender';

function senderInfo(event: IpcMainInvokeEvent) {
  const frame = event.senderFrame;
  return {
    senderId: event.sender.id,
    frameUrl: frame?.url ?? null,
    isMainFrame: frame !== null && frame === event.sender.mainFrame,
  };
}

/** Registers every method of the contract, and nothing else, as an IPC handler. */
export function registerIpc(dispatch: Dispatch, appWindowIds: ReadonlySet<number>, devServerUrl?: string): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, ...args: unknown[]) => {
      if (!isTrustedSender(senderInfo(event), appWindowIds, devServerUrl)) {
        return { ok: false, error: new RapportError('FORBIDDEN', 'This request did not come from Rapport.').toData() };
      }
      return dispatch(channel, args);
    });
  }
}
