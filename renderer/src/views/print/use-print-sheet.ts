import { onBeforeUnmount, onMounted, shallowRef, type Ref } from 'vue';
import { RapportError } from '../../../../shared/errors';
import type { Settings } from '../../../../shared/model/practice';
import { sheetRenderedWithFonts } from './fonts-ready';

/**
 * Loads what a printed sheet shows, then tells the window printing it that the page is ready,
 * or why it cannot be printed (see shared/print-page.ts), so that the coach is told at once
 * rather than after the print window gives up waiting.
 */
export function usePrintSheet<T>(load: () => Promise<T>): { data: Ref<T | null>; error: Ref<RapportError | null> } {
  const data = shallowRef<T | null>(null);
  const error = shallowRef<RapportError | null>(null);
  onMounted(async () => {
    try {
      data.value = await load();
      await sheetRenderedWithFonts();
      document.body.dataset.printReady = 'true';
    } catch (caught) {
      error.value = RapportError.from(caught);
      document.body.dataset.printFailure = JSON.stringify(error.value.toData());
    }
  });
  onBeforeUnmount(() => {
    delete document.body.dataset.printReady;
    delete document.body.dataset.printFailure;
  });
  return { data, error };
}

/** The class of the named page that sets the paper size (CSP forbids injected styles). */
export function paperClass(settings: Pick<Settings, 'paperSize'> | null | undefined): string {
  return settings?.paperSize === 'Letter' ? 'paper-letter' : 'paper-a4';
}
