import { onBeforeUnmount, onMounted, shallowReactive, type Ref } from 'vue';
import type { RouteLocationNormalized, Router } from 'vue-router';

/** The coach's question before unsaved edits would be dropped; one wording everywhere. */
export const LEAVE_QUESTION = 'You have changes that are not saved yet. Leave this page and lose them?';

/** The dirty flags of every form on screen. */
const dirtyForms = shallowReactive(new Set<Ref<boolean>>());

/** Whether any form on screen holds edits that are not saved. */
export function hasUnsavedChanges(): boolean {
  for (const dirty of dirtyForms) if (dirty.value) return true;
  return false;
}

/**
 * Makes the calling form's unsaved edits count for the leave guard while it is mounted.
 * `useDraft` calls it; a form that keeps its own draft calls it with its own flag.
 */
export function useUnsavedChanges(dirty: Ref<boolean>): void {
  onMounted(() => dirtyForms.add(dirty));
  onBeforeUnmount(() => dirtyForms.delete(dirty));
}

/**
 * Switching the agenda's stage (`?stage=`) stays on the same page and keeps its draft in the
 * page itself, so there is nothing to lose and nothing to ask.
 */
function keepsForms(to: RouteLocationNormalized, from: RouteLocationNormalized): boolean {
  if (to.path !== from.path || to.query.stage === from.query.stage) return false;
  const keys = new Set([...Object.keys(to.query), ...Object.keys(from.query)]);
  return [...keys].every((key) => key === 'stage' || String(to.query[key]) === String(from.query[key]));
}

function onBeforeUnload(event: BeforeUnloadEvent): void {
  if (!hasUnsavedChanges()) return;
  // The standard way to ask before the window closes; Electron turns it into the main
  // process's question (see electron/unsaved-close.ts).
  event.preventDefault();
  event.returnValue = '';
}

/**
 * Installs the app's one leave guard: any navigation (another page, another client, another
 * tab of the client file) while a form holds unsaved edits asks first, and so does closing
 * the window. Returns a function that removes both.
 */
export function installUnsavedChangesGuard(
  router: Router,
  ask: (question: string) => boolean = (question) => window.confirm(question),
): () => void {
  const removeRouteGuard = router.beforeEach((to, from) => keepsForms(to, from) || !hasUnsavedChanges() || ask(LEAVE_QUESTION));
  window.addEventListener('beforeunload', onBeforeUnload);
  return () => {
    removeRouteGuard();
    window.removeEventListener('beforeunload', onBeforeUnload);
  };
}
