// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { defineComponent, h, ref } from 'vue';
import AppTabs, { type AppTab } from '../../../renderer/src/components/ui/AppTabs.vue';

const TABS: AppTab[] = [
  { id: 'overview', label: 'Overview' },
  { id: 'sessions', label: 'Sessions', badge: 3 },
  { id: 'notes', label: 'Notes' },
];

function mountTabs(selected = ref('overview')) {
  const Host = defineComponent(
    () => () =>
      h(
        AppTabs,
        { tabs: TABS, label: 'Client file', modelValue: selected.value, 'onUpdate:modelValue': (id: string) => (selected.value = id) },
        { default: ({ tab }: { tab: AppTab }) => h('p', `Panel of ${tab.label}`) },
      ),
  );
  return { wrapper: mount(Host, { attachTo: document.body }), selected };
}

describe('AppTabs', () => {
  it('names its tablist, marks the selected tab and shows only its panel, labelled by it', async () => {
    const { wrapper } = mountTabs();
    await flushPromises();
    expect(wrapper.get('[role="tablist"]').attributes('aria-label')).toBe('Client file');
    const tabs = wrapper.findAll('[role="tab"]');
    expect(tabs.map((tab) => tab.attributes('data-tab-id'))).toEqual(['overview', 'sessions', 'notes']);
    expect(tabs.map((tab) => tab.attributes('aria-selected'))).toEqual(['true', 'false', 'false']);
    // Reka UI keeps every panel element (each tab's aria-controls points at one) and renders only the selected one.
    const panels = wrapper.findAll('[role="tabpanel"]:not([hidden])');
    expect(panels.map((panel) => panel.text())).toEqual(['Panel of Overview']);
    expect(panels[0]?.attributes('aria-labelledby')).toBe(tabs[0]?.attributes('id'));
    wrapper.unmount();
  });

  it('moves with the arrow keys and selects the tab focus lands on', async () => {
    const { wrapper, selected } = mountTabs();
    await flushPromises();
    const first = wrapper.get('[role="tab"]');
    (first.element as HTMLElement).focus();
    await first.trigger('keydown', { key: 'ArrowRight' });
    await flushPromises();
    expect(selected.value).toBe('sessions');
    expect(wrapper.get('[role="tabpanel"]:not([hidden])').text()).toBe('Panel of Sessions');
    wrapper.unmount();
  });
});
