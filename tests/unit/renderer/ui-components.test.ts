// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { defineComponent, h, ref } from 'vue';
import ActionMenu from '../../../renderer/src/components/ui/ActionMenu.vue';
import AppDialog from '../../../renderer/src/components/ui/AppDialog.vue';
import EmptyState from '../../../renderer/src/components/ui/EmptyState.vue';
import ToastHost from '../../../renderer/src/components/ui/ToastHost.vue';
import { useToast } from '../../../renderer/src/components/ui/toast';

/** The shared UI pieces of docs/design-system.md, mounted in happy-dom with Reka UI underneath. */
describe('ui components', () => {
  it('ActionMenu opens from its trigger, lists the items and emits the chosen one', async () => {
    const wrapper = mount(ActionMenu, {
      attachTo: document.body,
      props: {
        label: 'More actions for the session',
        items: [
          { id: 'reconfirm', label: 'Reconfirm' },
          { id: 'cancel', label: 'Cancel the session', danger: true },
          { id: 'off', label: 'Not now', disabled: true },
        ],
      },
    });
    const trigger = wrapper.get('button');
    expect(trigger.attributes('aria-label')).toBe('More actions for the session');
    await trigger.trigger('keydown', { key: 'ArrowDown' });
    await flushPromises();
    const items = [...document.body.querySelectorAll<HTMLElement>('[role="menuitem"]')];
    expect(items.map((item) => item.textContent?.trim())).toEqual(['Reconfirm', 'Cancel the session', 'Not now']);
    expect(items[2]?.hasAttribute('data-disabled')).toBe(true);
    items[1]?.click();
    await flushPromises();
    expect(wrapper.emitted('select')).toEqual([['cancel']]);
  });

  it('AppDialog shows its title and body only while open, and closes on Escape', async () => {
    const open = ref(true);
    const Host = defineComponent(
      () => () =>
        h(
          AppDialog,
          { title: 'Edit the profile', open: open.value, 'onUpdate:open': (value: boolean) => (open.value = value) },
          { default: () => h('p', 'The body'), footer: () => h('button', { type: 'button' }, 'Save') },
        ),
    );
    const wrapper = mount(Host, { attachTo: document.body });
    await flushPromises();
    const dialog = document.body.querySelector<HTMLElement>('[role="dialog"]');
    expect(dialog?.textContent).toContain('Edit the profile');
    expect(dialog?.textContent).toContain('The body');
    dialog?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await flushPromises();
    expect(open.value).toBe(false);
    wrapper.unmount();
  });

  it('EmptyState says what to do and offers the first action', () => {
    const wrapper = mount(EmptyState, {
      props: { title: 'No clients yet' },
      slots: { default: 'Add your first client to start.', actions: '<button type="button">New client</button>' },
    });
    expect(wrapper.get('h2').text()).toBe('No clients yet');
    expect(wrapper.text()).toContain('Add your first client to start.');
    expect(wrapper.get('button').text()).toBe('New client');
  });

  it('a toast with Undo runs it once and goes away', async () => {
    const wrapper = mount(ToastHost, { attachTo: document.body });
    const undo = vi.fn(() => Promise.resolve());
    useToast().show({ message: 'Note deleted', undo });
    await flushPromises();
    expect(document.body.textContent).toContain('Note deleted');
    const button = [...document.body.querySelectorAll('button')].find((element) => element.textContent === 'Undo');
    button?.click();
    await flushPromises();
    expect(undo).toHaveBeenCalledTimes(1);
    expect(useToast().shown.value).toEqual([]);
    wrapper.unmount();
  });
});
