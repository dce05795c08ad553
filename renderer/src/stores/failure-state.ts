import { ref } from 'vue';
import { RapportError } from '../../../shared/errors';

/**
 * A store's last failure, for its view to show, and `guarded`, which runs an action so that its
 * failure is kept there and still thrown to the caller; a new action clears the old failure.
 */
export function useFailureState() {
  const error = ref<RapportError | null>(null);

  async function guarded<T>(task: () => Promise<T>): Promise<T> {
    error.value = null;
    try {
      return await task();
    } catch (caught) {
      error.value = RapportError.from(caught);
      throw error.value;
    }
  }

  return { error, guarded };
}
