import { mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import type { Component } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { Workspace } from '../../../electron/core/workspace';
import { API_KEY } from '../../../renderer/src/api/client';
import { DESKTOP_KEY } from '../../../renderer/src/api/desktop';
import { routes } from '../../../renderer/src/router';
import { recordingDesktop } from '../../helpers/recording-desktop';
import { rendererApiFor } from '../../helpers/workspace-api';

/** Mounts a component against a real workspace, with the app's routes, a recording desktop and a fresh Pinia. */
export async function mountWithWorkspace(component: Component, workspace: Workspace, props: Record<string, unknown> = {}) {
  const { desktop, calls } = recordingDesktop();
  const router = createRouter({ history: createMemoryHistory(), routes });
  await router.push('/');
  const wrapper = mount(component, {
    props,
    attachTo: document.body,
    global: { plugins: [createPinia(), router], provide: { [API_KEY as symbol]: rendererApiFor(workspace), [DESKTOP_KEY as symbol]: desktop } },
  });
  return { wrapper, router, desktopCalls: calls };
}
