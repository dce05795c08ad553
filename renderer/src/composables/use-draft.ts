import { computed, ref, toValue, watch, type MaybeRefOrGetter, type Ref } from 'vue';
import { useUnsavedChanges } from './unsaved-changes';

/** Drafts are plain data (strings, numbers, arrays of them), so JSON copies and compares them. */
function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export interface DraftOptions<Values extends object> {
  /** The stored values as the form shows them; when they change, untouched fields follow. */
  saved: MaybeRefOrGetter<Values>;
}

export interface Draft<Values extends object> {
  /** What the coach edits: a copy, never the stored record. */
  draft: Ref<Values>;
  /** Whether the draft differs from what is stored. */
  dirty: Ref<boolean>;
  /** After a save that does not change `saved` (creating a record): the draft is now stored. */
  markSaved: () => void;
  /** Drops the coach's edits. */
  reset: () => void;
}

/**
 * A form's local draft of a stored record. It tracks whether there are unsaved edits, which
 * the app's leave guard asks about before they could be lost. When the stored values change
 * underneath (a save, Archive, an edit elsewhere), fields the coach has not touched take the
 * new values and fields they are editing keep what they typed.
 */
export function useDraft<Values extends object>(options: DraftOptions<Values>): Draft<Values> {
  const initial = copy(toValue(options.saved));
  const draft = ref(copy(initial)) as Ref<Values>;
  const baseline = ref(initial) as Ref<Values>;
  const dirty = computed(() => !same(draft.value, baseline.value));

  watch(
    () => copy(toValue(options.saved)),
    (next) => {
      const before = baseline.value as Record<string, unknown>;
      const current = draft.value as Record<string, unknown>;
      for (const [field, value] of Object.entries(next)) {
        if (same(current[field], before[field])) current[field] = copy(value);
      }
      baseline.value = next;
    },
  );

  useUnsavedChanges(dirty);

  return {
    draft,
    dirty,
    markSaved: () => {
      baseline.value = copy(draft.value);
    },
    reset: () => {
      draft.value = copy(baseline.value);
    },
  };
}
