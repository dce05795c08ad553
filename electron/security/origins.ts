import { contentSecurityPolicy } from '../shell/csp';

/** The origin production pages are served from (see main.ts). */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://rapport`;

/** The Content-Security-Policy of every built page: nothing remote, no inline script, no eval. */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** Requests the app may make: its own pages, inline data, and the dev server while developing. */
export function isAllowedRequest(url: string, devServerUrl?: string): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  if (parsed.protocol === `${APP_SCHEME}:`) return parsed.host === 'rapport';
  if (parsed.protocol === 'data:' || parsed.protocol === 'blob:' || parsed.protocol === 'devtools:') return true;
  if (devServerUrl) {
    const dev = parse(devServerUrl);
    if (dev && (parsed.origin === dev.origin || parsed.host === dev.host)) return true;
  }
  return false;
}

/** Whether a frame that sent an IPC message is the app's own page. */
export function isTrustedSenderUrl(url: string, devServerUrl?: string): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  if (parsed.protocol === `${APP_SCHEME}:` && parsed.host === 'rapport') return true;
  if (devServerUrl) {
    const dev = parse(devServerUrl);
    return dev !== null && parsed.origin === dev.origin;
  }
  return false;
}

/** Only mail and phone links, and only when the coach clicks them, may leave the app. */
export function isAllowedExternalUrl(url: string): boolean {
  const parsed = parse(url);
  return parsed !== null && (parsed.protocol === 'mailto:' || parsed.protocol === 'tel:');
}
