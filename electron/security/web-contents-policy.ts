import { isAllowedExternalUrl } from './origins';

export interface WindowOpenDecision {
  /** The app never opens a second window for a page. */
  action: 'deny';
  /** Whether the URL is handed to the OS instead (mail and phone links only). */
  openExternally: boolean;
}

/** What happens when a page asks for a new window (window.open, a target=_blank link, a middle click). */
export function windowOpenDecision(url: string): WindowOpenDecision {
  return { action: 'deny', openExternally: isAllowedExternalUrl(url) };
}
