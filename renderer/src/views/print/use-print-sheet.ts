import { onBeforeUnmount, watch, type MaybeRefOrGetter, type Ref } from 'vue';
import type { RapportError } from '../../../../shared/errors';
import type { Settings } from '../../../../shared/model/practice';
import { useKeyedLoader } from '../../composables/use-keyed-loader';
import { sheetRenderedWithFonts } from './fonts-ready';

export interface PrintSheetOptions<Key, T> {
  /** What the sheet prints (a client, a session…); a new key loads the sheet again. */
  key: MaybeRefOrGetter<Key>;
  load: (key: Key) => Promise<T>;
  /**
   * Whose sheet it is, for the running header on every page after the first (the client's
   * name; the sheet's title when it is the practice's own, like the hours log).
   */
  runningTitle: (sheet: T) => string;
}

const RUNNING_TITLE = '--sheet-running-title';

/** Text as a CSS string token, so that any name (quotes, backslashes, line breaks) is shown as typed. */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"]/gu, (mark) => `\\${mark}`).replace(/[\n\r\f]+/gu, ' ')}"`;
}

/*
 * The page-margin boxes of print-sheet.css read the running header from a custom property of the
 * root element (the page context inherits from it). Set through the CSSOM, which the
 * Content-Security-Policy does not restrict, unlike an injected <style> or a style attribute.
 */
function setRunningTitle(title: string): void {
  document.documentElement.style.setProperty(RUNNING_TITLE, cssString(title));
}

function clearReport(): void {
  delete document.body.dataset.printReady;
  delete document.body.dataset.printFailure;
  document.documentElement.style.removeProperty(RUNNING_TITLE);
}

/**
 * Loads what a printed sheet shows, keyed by what it prints, then tells the window printing it
 * that the page is ready, or why it cannot be printed (see shared/print-page.ts), so that the
 * coach is told at once rather than after the print window gives up waiting. Ready always
 * means ready with the current key's own answer: an answer for a key left behind is dropped.
 */
export function usePrintSheet<Key, T>(options: PrintSheetOptions<Key, T>): { data: Ref<T | null>; error: Ref<RapportError | null> } {
  const { data, error } = useKeyedLoader({ key: options.key, load: options.load, initial: null as T | null });
  watch([data, error], async ([sheet, failure]) => {
    clearReport();
    if (failure) {
      document.body.dataset.printFailure = JSON.stringify(failure.toData());
      return;
    }
    if (sheet === null) return;
    setRunningTitle(options.runningTitle(sheet));
    await sheetRenderedWithFonts();
    if (data.value === sheet) document.body.dataset.printReady = 'true';
  });
  onBeforeUnmount(clearReport);
  return { data, error };
}

/** The class of the named page that sets the paper size (CSP forbids injected styles). */
export function paperClass(settings: Pick<Settings, 'paperSize'> | null | undefined): string {
  return settings?.paperSize === 'Letter' ? 'paper-letter' : 'paper-a4';
}
