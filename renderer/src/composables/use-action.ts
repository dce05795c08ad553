import { shallowRef } from 'vue';
import { RapportError } from '../../../shared/errors';

/**
 * Runs the coach's actions (add, delete, mark done…) one way: `pending` while one runs,
 * `error` holding what went wrong until the next attempt. `run` never throws: it resolves to
 * the task's answer, or to `undefined` when it failed, and `ok` tells which (a task may answer
 * `undefined` itself, e.g. a delete).
 */
export function useAction() {
  const pending = shallowRef(false);
  const error = shallowRef<RapportError | null>(null);
  let ok = false;

  async function run<T>(task: () => Promise<T>): Promise<T | undefined> {
    ok = false;
    pending.value = true;
    error.value = null;
    try {
      const answer = await task();
      ok = true;
      return answer;
    } catch (caught) {
      error.value = RapportError.from(caught);
      return undefined;
    } finally {
      pending.value = false;
    }
  }

  /** Shows a problem found before calling main (e.g. an empty note) in the same place. */
  function fail(message: string): void {
    error.value = new RapportError('INVALID_INPUT', message);
  }

  function clear(): void {
    error.value = null;
  }

  return {
    pending,
    error,
    run,
    fail,
    clear,
    /** Whether the last `run` succeeded. */
    get ok() {
      return ok;
    },
  };
}
