import { RapportError } from './errors';

/**
 * How a print page tells the window printing it how loading went: `data-print-ready` once its
 * data is in, or `data-print-failure` with the error (as ErrorData JSON) when it cannot be printed.
 */
export interface PrintPageState {
  ready: boolean;
  failure: string | null;
}

/** Run in the print page by the host printing it; self-contained, so that it can be sent there as source. */
export function readPrintPageState(): PrintPageState {
  // Typed by hand: shared code is compiled without the DOM library.
  const { dataset } = (globalThis as unknown as { document: { body: { dataset: Record<string, string | undefined> } } }).document.body;
  return { ready: dataset.printReady === 'true', failure: dataset.printFailure ?? null };
}

/** The error a print page reported, for the coach, or null while it has reported none. */
export function printPageFailure(state: PrintPageState): RapportError | null {
  if (state.failure === null) return null;
  let data: unknown;
  try {
    data = JSON.parse(state.failure);
  } catch {
    data = null;
  }
  return RapportError.from(data);
}
