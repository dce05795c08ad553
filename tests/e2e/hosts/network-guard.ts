/** The origin the browser host serves the built renderer from, without any socket. */
export const BROWSER_ORIGIN = 'http://rapport.localhost';
/** The origin Electron serves the renderer from (see electron/security/origins.ts). */
export const ELECTRON_ORIGIN = 'app://rapport';

/** Whether a request stays on the machine: the app's own origin, inline data or blobs. */
export function isLocalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === 'data:' || parsed.protocol === 'blob:') return true;
  return parsed.origin === BROWSER_ORIGIN || `${parsed.protocol}//${parsed.host}` === ELECTRON_ORIGIN;
}

/** Requests to anywhere else, recorded so the fixture can fail the test that made them. */
export class BlockedRequests {
  private readonly urls: string[] = [];

  record(url: string): void {
    this.urls.push(url);
  }

  list(): readonly string[] {
    return [...this.urls];
  }
}
