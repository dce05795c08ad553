import { flushPromises } from '@vue/test-utils';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import { vi } from 'vitest';
import { createApp } from 'vue';
import type { RouteRecordRaw } from 'vue-router';
import type { Workspace } from '../../../electron/core/workspace';
import App from '../../../renderer/src/App.vue';
import { API_KEY } from '../../../renderer/src/api/client';
import { mountWithWorkspace, routerFor } from '../../helpers/mount';
import { rendererApiFor } from '../../helpers/workspace-api';

/** The whole app shell at `path`, as a coach would see it. */
export async function mountApp(workspace: Workspace, path = '/', extraRoutes: RouteRecordRaw[] = []) {
  const router = routerFor(extraRoutes);
  await router.push(path);
  const mounted = await mountWithWorkspace(App, workspace, {}, { router });
  await router.isReady();
  await flushPromises();
  return mounted;
}

/** A Pinia with the API provided, for testing stores without components. */
export function storeContext(workspace: Workspace): Pinia {
  const app = createApp({});
  const pinia = createPinia();
  app.use(pinia);
  app.provide(API_KEY, rendererApiFor(workspace));
  setActivePinia(pinia);
  // Setup stores inject the API through the app that owns the active Pinia.
  return pinia;
}

/**
 * Waits for real file writes and lazy route components, checking `assertion` until it holds. A
 * route's first load is compiled on demand: at load average 8 on two cores it took 12 s.
 */
export function eventually(assertion: () => void | Promise<void>): Promise<void> {
  return vi.waitFor(assertion, { timeout: 15_000, interval: 10 });
}
