import { RapportError } from './errors';

/**
 * How a print page tells the window printing it how loading went: `data-print-ready` once its
 * data is in, or `data-print-failure` with the error (as ErrorData JSON) when it cannot be printed.
 */
export interface PrintPageState {
  ready: boolean;
  failure: string | null;
}

/** Evaluated in the print page by the host printing it. */
export const READ_PRINT_PAGE_STATE = "({ ready: document.body.dataset.printReady === 'true', failure: document.body.dataset.printFailure ?? null })";

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
