// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import GoalsPrintView from '../../../renderer/src/views/print/GoalsPrintView.vue';
import SheetLetterhead from '../../../renderer/src/views/print/SheetLetterhead.vue';
import { API_KEY } from '../../../renderer/src/api/client';
import { cssString } from '../../../renderer/src/views/print/use-print-sheet';
import { printPageFailure } from '../../../shared/print-page';
import { rendererApiFor, testWorkspace } from '../../helpers/workspace-api';

afterEach(() => {
  delete document.body.dataset.printReady;
  delete document.body.dataset.printFailure;
});

const pageState = () => ({ ready: document.body.dataset.printReady === 'true', failure: document.body.dataset.printFailure ?? null });

const runningTitle = () => document.documentElement.style.getPropertyValue('--sheet-running-title');

async function mountGoalsSheet(props: { goalId?: string }, options: { coachName?: string; clientName?: string } = {}) {
  const workspace = await testWorkspace();
  await workspace.settings.update({ coachName: options.coachName ?? 'Sam Coach' });
  const client = await workspace.clients.create({ name: options.clientName ?? 'Ada Lovelace' });
  const wrapper = mount(GoalsPrintView, {
    props: { clientId: client.id, ...props },
    global: { provide: { [API_KEY as symbol]: rendererApiFor(workspace) } },
  });
  for (let turn = 0; turn < 20 && !pageState().ready && pageState().failure === null; turn += 1)
    await new Promise((resolve) => setTimeout(resolve, 10));
  await flushPromises();
  return wrapper;
}

describe('printed sheets', () => {
  it('show the coach letterhead and tell the print window they are ready', async () => {
    const wrapper = await mountGoalsSheet({});
    expect(document.body.dataset.printReady).toBe('true');
    expect(wrapper.find('.letterhead .letterhead-name').text()).toBe('Sam Coach');
    expect(wrapper.text()).toContain('Goal checklists for Ada Lovelace');
    wrapper.unmount();
    expect(document.body.dataset.printReady).toBeUndefined();
  });

  it('leave out the letterhead, rule and all, while Settings has none', async () => {
    const wrapper = await mountGoalsSheet({}, { coachName: '' });
    expect(document.body.dataset.printReady).toBe('true');
    expect(wrapper.find('.letterhead').exists()).toBe(false);
    expect(wrapper.find('.sheet-head').element.firstElementChild?.tagName).toBe('H1');
    wrapper.unmount();
  });

  it('name the client in the running header, as a CSS string whatever the name holds, and clear it when closed', async () => {
    const wrapper = await mountGoalsSheet({}, { clientName: 'Ada "Countess" Lovelace\\' });
    expect(runningTitle()).toBe(cssString('Ada "Countess" Lovelace\\ · Goal checklists'));
    expect(runningTitle()).toBe('"Ada \\"Countess\\" Lovelace\\\\ · Goal checklists"');
    wrapper.unmount();
    expect(runningTitle()).toBe('');
  });

  it('tell the print window why they cannot be printed, in the words shown to the coach', async () => {
    const wrapper = await mountGoalsSheet({ goalId: '00000000-0000-4000-8000-000000000000' });
    const message = 'That goal no longer exists. It may have been deleted.';
    expect(wrapper.get('[role="alert"]').text()).toBe(message);
    expect(pageState().ready).toBe(false);
    expect(printPageFailure(pageState())?.toData()).toEqual({ code: 'NOT_FOUND', message });
    wrapper.unmount();
    expect(pageState()).toEqual({ ready: false, failure: null });
  });
});

describe('SheetLetterhead', () => {
  it('keeps each part of the contact line whole, so that a phone number never breaks inside', () => {
    const wrapper = mount(SheetLetterhead, {
      props: { settings: { coachName: 'Sam Coach', businessName: '', contactLine: 'sam@example.com · +44 20 7946 0321' } },
    });
    expect(wrapper.findAll('.letterhead-contact .nowrap').map((part) => part.text())).toEqual(['sam@example.com', '+44 20 7946 0321']);
    expect(wrapper.get('.letterhead-contact').text()).toBe('sam@example.com · +44 20 7946 0321');
    expect(wrapper.find('.letterhead-business').exists()).toBe(false);
  });
});

describe('printPageFailure', () => {
  it('reads nothing into a page that has not failed, and a garbled report as an internal error', () => {
    expect(printPageFailure({ ready: false, failure: null })).toBeNull();
    expect(printPageFailure({ ready: true, failure: null })).toBeNull();
    expect(printPageFailure({ ready: false, failure: '{not json' })?.code).toBe('INTERNAL');
    expect(printPageFailure({ ready: false, failure: '{"code":"NOPE","message":"x"}' })?.code).toBe('INTERNAL');
  });
});
