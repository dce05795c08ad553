import { APP_ORIGIN } from './security/origins';

/**
 * Where Chromium would fetch Hunspell dictionaries from: the app's own origin, where nothing is
 * served. By default Electron downloads them from Google's servers, from the main process, where
 * the page's request filter may never see the request.
 */
export const SPELLCHECK_DICTIONARY_URL = `${APP_ORIGIN}/spellcheck-dictionaries/`;

/** The part of Electron's Session the setup uses, so that it can be tested without Electron. */
export interface SpellcheckSession {
  setSpellCheckerDictionaryDownloadURL(url: string): void;
  on(event: 'spellcheck-dictionary-download-begin', listener: (event: unknown, languageCode: string) => void): unknown;
}

/**
 * Spelling is checked with what is already on the computer: on macOS the system's spellchecker
 * (Electron downloads nothing there); on Windows and Linux only Hunspell dictionaries already in
 * the profile's Dictionaries folder. Rapport ships none and downloads none, so on a fresh
 * Windows or Linux install spellcheck underlines nothing rather than calling out to the internet.
 */
export function configureSpellcheck(session: SpellcheckSession, log: (message: string) => void = console.warn): void {
  session.setSpellCheckerDictionaryDownloadURL(SPELLCHECK_DICTIONARY_URL);
  session.on('spellcheck-dictionary-download-begin', (_event, languageCode) => {
    log(`[rapport] no ${languageCode} spellcheck dictionary on this computer; Rapport does not download one`);
  });
}
