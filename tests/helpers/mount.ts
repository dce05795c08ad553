import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { afterEach } from 'vitest';
import type { Component } from 'vue';
import { createMemoryHistory, createRouter, type RouteRecordRaw, type Router } from 'vue-router';
import type { Workspace } from '../../electron/core/workspace';
import type { DesktopBridge } from '../../shared/api/desktop';
import type { DialogTokens } from '../../electron/security/dialog-tokens';
import { API_KEY } from '../../renderer/src/api/client';
import { DESKTOP_KEY } from '../../renderer/src/api/desktop';
import { routes } from '../../renderer/src/router';
import { recordingDesktop } from './recording-desktop';
import { callsInFlight, rendererApiFor } from './workspace-api';

enableAutoUnmount(afterEach);

/** A memory-history router with the app's routes (and any a test adds before them). */
export function routerFor(extraRoutes: RouteRecordRaw[] = []): Router {
  return createRouter({ history: createMemoryHistory(), routes: [...extraRoutes, ...routes] });
}

/**
 * Mounts a component over a real workspace as the app would — the renderer's API, a recording
 * desktop, a fresh Pinia and the app's routes — and returns once the calls it made on mounting
 * have settled (unless `settle: false`, for a test that holds an answer back on purpose).
 * Without `router`, the router starts at `/`; `desktop` replaces the recording one (a test of
 * how a failing print or dialog shows); `tokens` are the file-dialog tokens the API accepts,
 * for a desktop that answers dialogs with real files.
 */
export async function mountWithWorkspace(
  component: Component,
  workspace: Workspace,
  props: Record<string, unknown> = {},
  options: { router?: Router; settle?: boolean; desktop?: DesktopBridge; tokens?: DialogTokens } = {},
) {
  const router = options.router ?? routerFor();
  if (!options.router) await router.push('/');
  const pinia = createPinia();
  const recording = recordingDesktop();
  const desktop = options.desktop ?? recording.desktop;
  const calls = recording.calls;
  const wrapper = mount(component, {
    props,
    attachTo: document.body,
    global: {
      plugins: [pinia, router],
      provide: { [API_KEY as symbol]: rendererApiFor(workspace, options.tokens), [DESKTOP_KEY as symbol]: desktop },
    },
  });
  if (options.settle !== false) await settle();
  return { wrapper, router, pinia, desktopCalls: calls };
}

/**
 * Waits until every API call the renderer has made has settled and the UI has re-rendered,
 * including calls those renders start in turn (the workspace writes real files, so a fixed
 * number of ticks is never enough).
 */
export async function settle(): Promise<void> {
  await flushPromises();
  while (callsInFlight.size > 0) {
    await Promise.allSettled([...callsInFlight]);
    await flushPromises();
  }
}
