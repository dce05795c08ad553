import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import { afterEach, vi } from 'vitest';
import { createApp, type Component } from 'vue';
import { createMemoryHistory, createRouter, type RouteRecordRaw, type Router } from 'vue-router';
import type { Workspace } from '../../../electron/core/workspace';
import App from '../../../renderer/src/App.vue';
import { API_KEY } from '../../../renderer/src/api/client';
import { DESKTOP_KEY } from '../../../renderer/src/api/desktop';
import { routes } from '../../../renderer/src/router';
import { recordingDesktop } from '../../helpers/recording-desktop';
import { rendererApiFor } from '../../helpers/workspace-api';

enableAutoUnmount(afterEach);

export function routerFor(extraRoutes: RouteRecordRaw[] = []): Router {
  return createRouter({ history: createMemoryHistory(), routes: [...extraRoutes, ...routes] });
}

/** Mounts one component with Pinia, a router and the renderer's API over a real workspace. */
export function mountWith(component: Component, workspace: Workspace, options: { props?: Record<string, unknown>; router?: Router } = {}) {
  const pinia = createPinia();
  const router = options.router ?? routerFor();
  const desktop = recordingDesktop();
  const wrapper = mount(component, {
    ...(options.props ? { props: options.props } : {}),
    attachTo: document.body,
    global: {
      plugins: [pinia, router],
      provide: { [API_KEY as symbol]: rendererApiFor(workspace), [DESKTOP_KEY as symbol]: desktop.desktop },
    },
  });
  return { wrapper, router, pinia, desktopCalls: desktop.calls };
}

/** The whole app shell at `path`, as a coach would see it. */
export async function mountApp(workspace: Workspace, path = '/', extraRoutes: RouteRecordRaw[] = []) {
  const router = routerFor(extraRoutes);
  await router.push(path);
  const mounted = mountWith(App, workspace, { router });
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

/** Waits for real file writes and lazy route components, checking `assertion` until it holds. */
export function eventually(assertion: () => void | Promise<void>): Promise<void> {
  return vi.waitFor(assertion, { timeout: 5_000, interval: 10 });
}
