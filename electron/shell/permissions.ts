import { isTrustedSenderUrl } from '../security/origins';

/**
 * The one permission Rapport's pages get: writing text to the clipboard ("Copy to clipboard"
 * uses navigator.clipboard.writeText, which Chromium gates behind clipboard-sanitized-write),
 * and only for the app's own pages. Reading the clipboard, notifications, media and every other
 * permission stay denied. Used by both the request and the check handler, which Chromium asks
 * separately.
 */
export function isPermissionGranted(permission: string, requestingUrl: string | undefined, devServerUrl?: string): boolean {
  return permission === 'clipboard-sanitized-write' && requestingUrl !== undefined && isTrustedSenderUrl(requestingUrl, devServerUrl);
}
