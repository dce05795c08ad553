import { performance } from 'node:perf_hooks';

export interface SlicedWork {
  /** Drops the items not yet processed. */
  stop(): void;
}

/**
 * Processes `items` in slices of about `sliceMs` between other work: after each slice it
 * yields with `setImmediate`, so I/O callbacks that arrived meanwhile (IPC requests, file
 * reads) run before the next slice. The immediate stays referenced on purpose: an
 * unreferenced one does not wake an idle event loop, and the work would then only advance
 * when something else happened to wake it. The items are let go of once done or stopped: a
 * caller may keep the handle long after, and the list would keep every item alive with it (a
 * restore's replaced practice, for one, while the new one is read in).
 */
export function processInSlices<T>(all: readonly T[], process: (item: T) => void, sliceMs: number): SlicedWork {
  let items = all;
  let next = 0;
  let pending: NodeJS.Immediate | null = null;
  const slice = () => {
    pending = null;
    const deadline = performance.now() + sliceMs;
    while (next < items.length) {
      process(items[next]);
      next += 1;
      if (performance.now() >= deadline) break;
    }
    if (next < items.length) pending = setImmediate(slice);
    else items = [];
  };
  pending = setImmediate(slice);
  return {
    stop() {
      if (pending) clearImmediate(pending);
      pending = null;
      items = [];
      next = 0;
    },
  };
}
