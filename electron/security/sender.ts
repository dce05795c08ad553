import { isTrustedSenderUrl } from './origins';

/** The part of an IPC event the sender check needs (kept free of Electron types for tests). */
export interface SenderInfo {
  senderId: number;
  frameUrl: string | null;
  isMainFrame: boolean;
}

/** An IPC call is served only for the main frame of one of the app's own windows, showing its own page. */
export function isTrustedSender(sender: SenderInfo, appWindowIds: ReadonlySet<number>, devServerUrl?: string): boolean {
  return (
    appWindowIds.has(sender.senderId) && sender.isMainFrame && sender.frameUrl !== null && isTrustedSenderUrl(sender.frameUrl, devServerUrl)
  );
}
