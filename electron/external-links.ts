import { RapportError } from '../shared/errors';

/** The kinds of link the coach's own apps open: the browser, the mail app, the phone app. */
const OPENABLE_SCHEMES = new Set(['http:', 'https:', 'mailto:', 'tel:']);

export const REFUSED_LINK_MESSAGE = 'Only web, email and phone links can be opened.';

/**
 * Whether the system may open this link for the coach. Web links need a host and carry no
 * user name or password (a common disguise: https://bank.example@evil.example); anything else
 * (file:, javascript:, custom app schemes…) never leaves the app.
 */
export function isOpenableLink(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (!OPENABLE_SCHEMES.has(parsed.protocol)) return false;
  if (parsed.protocol === 'http:' || parsed.protocol === 'https:')
    return parsed.hostname !== '' && parsed.username === '' && parsed.password === '';
  return parsed.pathname !== '';
}

/**
 * The main-process side of `desktop.openExternal`: checks the link again (the page is not
 * trusted) and hands it to the system, e.g. Electron's `shell.openExternal`.
 */
export async function openExternalLink(url: string, open: (url: string) => Promise<void>): Promise<void> {
  if (!isOpenableLink(url)) throw new RapportError('FORBIDDEN', REFUSED_LINK_MESSAGE);
  await open(url);
}
