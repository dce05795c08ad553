import { shallowRef } from 'vue';
import { RapportError } from '../../../shared/errors';

/**
 * Runs the coach's actions (add, delete, mark done…) one way: `pending` while one runs,
 * `error` holding what went wrong until the next attempt. `run` resolves to the task's answer,
 * or to `undefined` when it failed (the failure is in `error`), so callers need no try/catch.
 */
export function useAction() {
  const pending = shallowRef(false);
  const error = shallowRef<RapportError | null>(null);

  async function run<T>(task: () => Promise<T>): Promise<T | undefined> {
    pending.value = true;
    error.value = null;
    try {
      return await task();
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

  return { pending, error, run, fail, clear };
}
