import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { defineComponent, type Component } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { Workspace } from '../../../../electron/core/workspace';
import { API_KEY } from '../../../../renderer/src/api/client';
import { rendererApiFor } from '../../../helpers/workspace-api';

const Stub = defineComponent({ template: '<div />' });

/** Mounts a component over the real workspace, with a router knowing the app's client routes. */
export async function mountWithWorkspace(component: Component, workspace: Workspace, props: Record<string, unknown> = {}) {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', name: 'home', component: Stub },
      { path: '/clients/new', name: 'client-new', component: Stub },
      { path: '/clients/:id', name: 'client', component: Stub },
      { path: '/clients/:clientId/sessions/:sessionId/agenda', name: 'agenda', component: Stub },
    ],
  });
  await router.push('/');
  const wrapper = mount(component, {
    props,
    attachTo: document.body,
    global: { plugins: [createPinia(), router], provide: { [API_KEY as symbol]: rendererApiFor(workspace) } },
  });
  await settle();
  return { wrapper, router };
}

/** Lets every pending API call and re-render finish (the workspace writes real files). */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i += 1) {
    await flushPromises();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
