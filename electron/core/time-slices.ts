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
 * when something else happened to wake it.
 */
export function processInSlices<T>(items: readonly T[], process: (item: T) => void, sliceMs: number): SlicedWork {
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
  };
  pending = setImmediate(slice);
  return {
    stop() {
      if (pending) clearImmediate(pending);
      pending = null;
      next = items.length;
    },
  };
}
