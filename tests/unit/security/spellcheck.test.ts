import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAllowedRequest } from '../../../electron/security/origins';
import { rendererFilePath } from '../../../electron/security/renderer-path';
import { configureSpellcheck, SPELLCHECK_DICTIONARY_URL, type SpellcheckSession } from '../../../electron/spellcheck';

function recordingSession() {
  const urls: string[] = [];
  const listeners: ((event: unknown, languageCode: string) => void)[] = [];
  const session: SpellcheckSession = {
    setSpellCheckerDictionaryDownloadURL: (url) => urls.push(url),
    on: (_event, listener) => listeners.push(listener),
  };
  return { session, urls, listeners };
}

describe('spellcheck dictionaries', () => {
  it('are never fetched from anywhere but the app’s own origin', () => {
    const { session, urls } = recordingSession();
    configureSpellcheck(session);
    expect(urls).toEqual([SPELLCHECK_DICTIONARY_URL]);
    // Chromium asks for `${url}${file}`, e.g. en-US-10-1.bdic.
    const dictionary = new URL('en-US-10-1.bdic', SPELLCHECK_DICTIONARY_URL).href;
    expect(dictionary.startsWith('app://rapport/')).toBe(true);
    expect(isAllowedRequest(dictionary)).toBe(true);
    expect(dictionary).not.toMatch(/^https?:/);
  });

  it('are not served there either: the renderer has no such folder', () => {
    const rendererDir = resolve('renderer');
    const path = rendererFilePath(rendererDir, new URL('en-US-10-1.bdic', SPELLCHECK_DICTIONARY_URL).href, 'rapport');
    expect(path === null || !existsSync(path)).toBe(true);
    expect(existsSync(resolve('renderer/public/spellcheck-dictionaries'))).toBe(false);
  });

  it('say so when Chromium would have downloaded one', () => {
    const { session, listeners } = recordingSession();
    const logged: string[] = [];
    configureSpellcheck(session, (message) => logged.push(message));
    for (const listener of listeners) listener({}, 'en-GB');
    expect(logged).toEqual([expect.stringContaining('no en-GB spellcheck dictionary')]);
  });
});
