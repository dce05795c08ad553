import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/*
 * One full garbage collection, for the one moment Rapport knows that most of its heap has just
 * become garbage: a restore has let go of the practice it replaces and is about to read the new
 * one in (store.ts, replaceAll). Left to itself, V8 collects once the heap has grown past a limit
 * it set at its last collection; on an open ten-year practice that let the new documents (about
 * 65 MiB of heap) land beside the old ones, and the restore's peak was the two practices, not one
 * (bench/README.md, runs of 2026-12-01 17:20–18:01).
 *
 * Neither Node nor Electron has an API for it. V8's --expose-gc flag, set at run time, gives a
 * `gc` function to the contexts made afterwards; jest's leak detector gets it the same way. It
 * works because both start V8 with its flags left unfrozen (--no-freeze-flags-after-init), which
 * is what lets `v8.setFlagsFromString` work at all: Node for that API, Electron for Node inside it
 * (electron/electron#42414 keeps the flag set even when --js-flags carries a bad one). Electron's
 * own API (electron.d.ts) offers heap statistics and snapshots, no collection. Should the flag
 * not take, the collection is skipped and memory behaves as before: never wrong, only larger.
 */

let collect: (() => void) | null | undefined;

/** Runs a full collection; false when this runtime offers none. */
export function collectGarbage(): boolean {
  if (collect === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      const found: unknown = runInNewContext('typeof gc === "function" ? gc : null');
      collect = typeof found === 'function' ? (found as () => void) : null;
    } catch {
      collect = null;
    }
  }
  collect?.();
  return collect !== null;
}
