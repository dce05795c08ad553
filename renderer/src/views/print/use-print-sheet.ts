import { onBeforeUnmount, onMounted, ref, shallowRef, type Ref } from 'vue';
import { RapportError } from '../../../../shared/errors';
import type { Settings } from '../../../../shared/model/practice';

/**
 * Loads what a printed sheet shows, then tells the print window the page is ready
 * (`body[data-print-ready]`) — also when loading failed, so the page shows the coach why
 * instead of the print window waiting until it gives up.
 */
export function usePrintSheet<T>(load: () => Promise<T>): { data: Ref<T | null>; error: Ref<string> } {
  const data = shallowRef<T | null>(null);
  const error = ref('');
  onMounted(async () => {
    try {
      data.value = await load();
    } catch (caught) {
      error.value = RapportError.from(caught).message;
    } finally {
      document.body.dataset.printReady = 'true';
    }
  });
  onBeforeUnmount(() => {
    delete document.body.dataset.printReady;
  });
  return { data, error };
}

/** The class of the named page that sets the paper size (CSP forbids injected styles). */
export function paperClass(settings: Pick<Settings, 'paperSize'> | null | undefined): string {
  return settings?.paperSize === 'Letter' ? 'paper-letter' : 'paper-a4';
}
