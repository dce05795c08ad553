import { computed, ref } from 'vue';
import { RapportError } from '../../../../shared/errors';

export type SaveState = 'idle' | 'invalid' | 'saving' | 'saved' | 'failed';

const INVALID_MESSAGE = 'Nothing was saved yet. Please correct the fields marked above.';

/** What a form tells the coach about saving: "Saving…", "Saved", or what went wrong. */
export function useSaveStatus() {
  const state = ref<SaveState>('idle');
  const problem = ref('');

  const message = computed(() => {
    switch (state.value) {
      case 'saving':
        return 'Saving…';
      case 'saved':
        return 'Saved';
      case 'invalid':
      case 'failed':
        return problem.value;
      default:
        return '';
    }
  });

  function saving(): void {
    state.value = 'saving';
  }

  function saved(): void {
    state.value = 'saved';
  }

  function invalid(): void {
    state.value = 'invalid';
    problem.value = INVALID_MESSAGE;
  }

  function failed(error: unknown): void {
    state.value = 'failed';
    problem.value = RapportError.from(error).message;
  }

  /** Called when the coach edits again, so an old "Saved" does not linger. */
  function reset(): void {
    if (state.value !== 'saving') state.value = 'idle';
  }

  return { state, message, saving, saved, invalid, failed, reset };
}
