import { shallowRef, toValue, watch, type MaybeRefOrGetter, type Ref, type ShallowRef } from 'vue';
import { RapportError } from '../../../shared/errors';

export interface KeyedLoaderOptions<Key, Data> {
  /** What the data belongs to (a client id, a session id…); a new key loads again. */
  key: MaybeRefOrGetter<Key>;
  /** Fetches the data for one key. */
  load: (key: Key) => Promise<Data>;
  /** Shown until the first answer for the current key arrives. */
  initial: Data;
}

export interface KeyedLoader<Data> {
  /** The answer for the current key; a shallow ref, because it is replaced whole. */
  data: ShallowRef<Data>;
  loading: Ref<boolean>;
  error: Ref<RapportError | null>;
  /** Loads the current key again, e.g. after a write; resolves when the answer is shown. */
  reload: () => Promise<void>;
}

/**
 * Loads data that belongs to one record and keeps it in step with that record: it loads at
 * once, again whenever the key changes, and drops any answer that arrives for a key that is no
 * longer current, so a slow answer for the previous client never lands under the next one.
 */
export function useKeyedLoader<Key, Data>(options: KeyedLoaderOptions<Key, Data>): KeyedLoader<Data> {
  const data = shallowRef(options.initial) as ShallowRef<Data>;
  const loading = shallowRef(false);
  const error = shallowRef<RapportError | null>(null);
  let token = 0;

  async function reload(): Promise<void> {
    const mine = ++token;
    const key = toValue(options.key);
    loading.value = true;
    error.value = null;
    try {
      const answer = await options.load(key);
      if (mine === token) data.value = answer;
    } catch (caught) {
      if (mine === token) error.value = RapportError.from(caught);
    } finally {
      if (mine === token) loading.value = false;
    }
  }

  watch(
    () => toValue(options.key),
    () => {
      // Nothing from the previous record may show while the new one loads.
      data.value = options.initial;
      void reload();
    },
    { immediate: true },
  );

  return { data, loading, error, reload };
}
