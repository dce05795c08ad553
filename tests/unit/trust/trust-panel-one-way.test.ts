// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import TrustPanel from '../../../renderer/src/components/trust/TrustPanel.vue';
import { mountWithWorkspace } from '../../helpers/mount';
import { testWorkspace } from '../../helpers/workspace-api';

afterEach(() => {
  document.body.innerHTML = '';
});

const rating = (date: string, credibility: number) =>
  ({ date, source: 'coach', credibility, reliability: 5, intimacy: 5, selfOrientation: 5 }) as const;

async function setup() {
  const workspace = await testWorkspace();
  const amara = await workspace.clients.create({ name: 'Amara Okafor', status: 'active' });
  return { workspace, amara };
}

describe('TrustPanel loads, acts and reports one way', () => {
  it('ignores a late answer for the previous client', async () => {
    const { workspace, amara } = await setup();
    const bruno = await workspace.clients.create({ name: 'Bruno Silva', status: 'active' });
    await workspace.assessments.create(amara.id, rating('2026-01-10', 2));
    await workspace.assessments.create(bruno.id, rating('2026-01-10', 9));
    const forClient = workspace.trust.forClient.bind(workspace.trust);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    // A failing assertion must not leave the call held: later tests wait for every call to settle.
    onTestFinished(() => release());
    let lateAnswer: Promise<unknown> | undefined;
    workspace.trust.forClient = (clientId) => {
      if (clientId !== amara.id || lateAnswer) return forClient(clientId);
      lateAnswer = gate.then(() => forClient(clientId));
      return lateAnswer as ReturnType<typeof forClient>;
    };
    const { wrapper } = await mountWithWorkspace(TrustPanel, workspace, { clientId: amara.id }, { settle: false });
    await wrapper.setProps({ clientId: bruno.id });
    await vi.waitFor(() => expect(wrapper.find('.assessment-table tbody').text()).toContain('3.8'));

    release();
    await lateAnswer;
    await flushPromises();
    expect(wrapper.find('.assessment-table tbody').text()).toContain('3.8');
    expect(wrapper.find('.assessment-table tbody').text()).not.toContain('2.4');
  });

  it('moves focus to the next rating after a remove, and to the heading after the last one', async () => {
    const { workspace, amara } = await setup();
    const first = await workspace.assessments.create(amara.id, rating('2026-01-10', 2));
    const second = await workspace.assessments.create(amara.id, rating('2026-02-10', 3));
    const { wrapper } = await mountWithWorkspace(TrustPanel, workspace, { clientId: amara.id });
    await vi.waitFor(() => expect(wrapper.find(`#remove-${first.id}`).exists()).toBe(true));

    const removeConfirmed = async () => {
      const confirm = wrapper.findAll('.assessment-table button').find((button) => button.text().startsWith('Yes, remove'))!;
      await confirm.trigger('click');
    };
    await wrapper.find(`#remove-${first.id}`).trigger('click');
    await removeConfirmed();
    await vi.waitFor(() => expect(document.activeElement?.getAttribute('data-record-id')).toBe(second.id));

    await wrapper.find(`#remove-${second.id}`).trigger('click');
    await removeConfirmed();
    await vi.waitFor(() => expect(document.activeElement?.id).toBe('trust-heading'));
    expect(await workspace.assessments.list(amara.id)).toEqual([]);
  });

  it('moves focus to the asked question after marking it, and shows a refused undo beside the questions', async () => {
    const { workspace, amara } = await setup();
    const { wrapper } = await mountWithWorkspace(TrustPanel, workspace, { clientId: amara.id });
    await vi.waitFor(() => expect(wrapper.find('#questions .question button').exists()).toBe(true));
    await wrapper.find('#questions .question button').trigger('click');
    await vi.waitFor(async () => expect((await workspace.questions.forClient(amara.id)).asked).toHaveLength(1));
    const [asked] = (await workspace.questions.forClient(amara.id)).asked;
    await vi.waitFor(() => expect(document.activeElement?.getAttribute('data-record-id')).toBe(asked.id));

    // Undone elsewhere (another window, a restore): main refuses the second undo.
    await workspace.questions.unmarkAsked(amara.id, asked.id);
    const undo = wrapper.findAll('#questions button').find((button) => button.text().startsWith('Undo'))!;
    await undo.trigger('click');
    await vi.waitFor(() => expect(wrapper.find('#questions [role="alert"]').exists()).toBe(true));
    expect(wrapper.find('#questions [role="alert"]').text()).not.toBe('');
    expect(wrapper.findAll('[role="alert"]')).toHaveLength(1);
  });

  it('shows a failed load through the error message, with no endless "Loading…"', async () => {
    const workspace = await testWorkspace();
    const { wrapper } = await mountWithWorkspace(TrustPanel, workspace, { clientId: 'no-such-client' });
    await vi.waitFor(() => expect(wrapper.find('[role="alert"]').exists()).toBe(true));
    expect(wrapper.text()).not.toContain('Loading…');
  });
});
