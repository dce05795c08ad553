import { computed, ref, toValue, type MaybeRefOrGetter } from 'vue';

/**
 * A long list's first `count` entries, and all of them once the coach asks: a busy practice
 * has hundreds of overdue steps or quiet clients, and drawing every one slows the page down.
 */
export function useFirstEntries<T>(entries: MaybeRefOrGetter<readonly T[]>, count: number) {
  const all = ref(false);
  const shown = computed(() => (all.value ? toValue(entries) : toValue(entries).slice(0, count)));
  const hidden = computed(() => toValue(entries).length - shown.value.length);
  function showAll(): void {
    all.value = true;
  }
  return { shown, hidden, showAll };
}
