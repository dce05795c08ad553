import type { Pinia } from 'pinia';
import type { RouteLocationNormalizedLoaded } from 'vue-router';
import {
  type ComponentPublicInstance,
  computed,
  effectScope,
  shallowRef,
  watch,
  type Directive,
  type DirectiveBinding,
  type EffectScope,
  type ShallowRef,
} from 'vue';
import { useVocabularyStore } from '../stores/vocabulary';
import { useAction } from './use-action';
import { useWordCompletion, type TextField } from './use-word-completion';
import { EMPTY_VOCABULARY } from './word-vocabulary';

/**
 * The client's vocabulary, loaded once per client and shared by every field. A failure to load
 * it leaves the fields as plain fields (`error` says why): completion is a help, never a gate.
 */
export function useClientWords(clientId: () => string | null, pinia?: Pinia) {
  const store = useVocabularyStore(pinia);
  const loading = useAction();
  watch(
    clientId,
    (id) => {
      if (id) void loading.run(() => store.ensure(id));
    },
    { immediate: true },
  );
  const vocabulary = computed(() => {
    const id = clientId();
    return id ? store.vocabularyOf(id) : EMPTY_VOCABULARY;
  });
  return { vocabulary, error: loading.error };
}

interface Attached {
  scope: EffectScope;
  clientId: ShallowRef<string | null>;
}

const attached = new WeakMap<HTMLElement, Attached>();

/**
 * What the router and Pinia install on every component. Read from the root: a component that
 * uses defineExpose hands its directives a proxy of what it exposes, without them.
 */
function instanceOf(binding: DirectiveBinding<string | undefined>) {
  return binding.instance?.$root as
    (ComponentPublicInstance & { $route?: RouteLocationNormalizedLoaded; $pinia?: Pinia }) | null | undefined;
}

/** The client the field writes about: the directive's value, else the client in the address. */
function clientOf(binding: DirectiveBinding<string | undefined>): string | null {
  if (binding.value) return binding.value;
  const params = instanceOf(binding)?.$route?.params ?? {};
  const id = params.clientId ?? params.id;
  return typeof id === 'string' && id !== '' ? id : null;
}

/**
 * `v-client-words` on an `<input type="text">` or `<textarea>` offers the client's words at the
 * caret (see useWordCompletion). The value is the client's id; without one, the client in the
 * address (`/clients/:id…`) is used.
 */
export const vClientWords: Directive<TextField, string | undefined> = {
  mounted(element, binding) {
    const scope = effectScope(true);
    const clientId = shallowRef(clientOf(binding));
    const pinia = instanceOf(binding)?.$pinia;
    scope.run(() => {
      const words = useClientWords(() => clientId.value, pinia);
      useWordCompletion({ target: element, vocabulary: words.vocabulary });
    });
    attached.set(element, { scope, clientId });
  },
  updated(element, binding) {
    const state = attached.get(element);
    if (state) state.clientId.value = clientOf(binding);
  },
  unmounted(element) {
    attached.get(element)?.scope.stop();
    attached.delete(element);
  },
};
