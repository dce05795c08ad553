// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import IntimacyPreparation from '../../../renderer/src/components/intimacy/IntimacyPreparation.vue';
import IntimacyReflection from '../../../renderer/src/components/intimacy/IntimacyReflection.vue';
import { DEFAULT_WAY_OUT } from '../../../shared/model/intimacy';
import { mountWithWorkspace } from '../../helpers/mount';
import { workspaceWithSessions } from './support';

afterEach(() => {
  document.body.innerHTML = '';
});

const HARD = 'starter-hard-02';

describe('IntimacyPreparation', () => {
  it('keeps the chosen phrasing when a blank slot before it is dropped, and keeps the usual way out unadapted', async () => {
    const { workspace, clientId, nextId } = await workspaceWithSessions();
    await workspace.intimacy.planQuestion(clientId, nextId, HARD);
    const { wrapper } = await mountWithWorkspace(IntimacyPreparation, workspace, { clientId, sessionId: nextId });
    await vi.waitFor(() => expect(wrapper.findAll('li.planned')).toHaveLength(1));
    const planned = wrapper.find('li.planned');
    const texts = planned.findAll('input[type="text"]');
    // Three slots; the coach fills the first and the third and chooses the third.
    await texts[0].setValue('First try');
    await texts[2].setValue('Third try');
    await planned.findAll('input[type="radio"]')[2].setValue(true);
    expect((texts[3].element as HTMLInputElement).value).toBe(DEFAULT_WAY_OUT);
    await planned.find('form').trigger('submit');
    await vi.waitFor(async () =>
      expect((await workspace.intimacy.forSession(clientId, nextId)).planned[0]).toMatchObject({
        versions: ['First try', 'Third try'],
        chosen: 1,
        wayOut: DEFAULT_WAY_OUT,
        wayOutAdapted: false,
      }),
    );
  });

  it('refuses to write an empty question for the client, and says why', async () => {
    const { workspace, clientId, nextId } = await workspaceWithSessions();
    const { wrapper } = await mountWithWorkspace(IntimacyPreparation, workspace, { clientId, sessionId: nextId });
    await vi.waitFor(() => expect(wrapper.text()).toContain('No questions planned for this session yet.'));
    const forms = wrapper.findAll('form.add');
    await forms[1].trigger('submit');
    expect(wrapper.text()).toContain('Please write the question.');
    expect((await workspace.intimacy.forSession(clientId, nextId)).planned).toEqual([]);
  });
});

describe('IntimacyPreparation follows the session on screen', () => {
  it('does not show a question added to the previous session under the next one', async () => {
    const { workspace, clientId, nextId, heldId } = await workspaceWithSessions();
    const planQuestion = workspace.intimacy.planQuestion.bind(workspace.intimacy);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    // A failing assertion must not leave the call held: later tests wait for every call to settle.
    onTestFinished(() => release());
    let lateAnswer: Promise<unknown> | undefined;
    workspace.intimacy.planQuestion = (...args) => {
      const late = gate.then(() => planQuestion(...args));
      lateAnswer = late;
      return late;
    };
    const { wrapper } = await mountWithWorkspace(IntimacyPreparation, workspace, { clientId, sessionId: nextId });
    await vi.waitFor(() => expect(wrapper.text()).toContain('No questions planned for this session yet.'));
    await wrapper.find('form.add select').setValue(HARD);
    await wrapper.find('form.add').trigger('submit');
    await wrapper.setProps({ sessionId: heldId });
    await vi.waitFor(() => expect(wrapper.find('form.add select').exists()).toBe(true));

    release();
    await lateAnswer;
    await flushPromises();
    await vi.waitFor(async () => expect((await workspace.intimacy.forSession(clientId, nextId)).planned).toHaveLength(1));
    expect((await workspace.intimacy.forSession(clientId, heldId)).planned).toEqual([]);
    expect(wrapper.findAll('li.planned')).toHaveLength(0);
    expect(wrapper.text()).toContain('No questions planned for this session yet.');
  });

  it('shows main refusing to add a question through the error message', async () => {
    const { workspace, clientId, nextId } = await workspaceWithSessions();
    const { wrapper } = await mountWithWorkspace(IntimacyPreparation, workspace, { clientId, sessionId: nextId });
    await vi.waitFor(() => expect(wrapper.text()).toContain('No questions planned for this session yet.'));
    // The session was deleted from the client file meanwhile: main answers NOT_FOUND.
    await workspace.sessions.remove(clientId, nextId);
    await wrapper.find('form.add select').setValue(HARD);
    await wrapper.find('form.add').trigger('submit');
    await vi.waitFor(() => expect(wrapper.find('[role="alert"]').exists()).toBe(true));
  });
});

describe('IntimacyReflection', () => {
  it('flags gently a question asked without its way out, and only while it is so', async () => {
    const { workspace, clientId, heldId } = await workspaceWithSessions();
    await workspace.intimacy.planQuestion(clientId, heldId, HARD);
    await workspace.intimacy.planQuestion(clientId, heldId, 'starter-know-01');
    const { wrapper } = await mountWithWorkspace(IntimacyReflection, workspace, { clientId, sessionId: heldId });
    await vi.waitFor(() => expect(wrapper.findAll('.planned-answer')).toHaveLength(2));
    const [hard, everyday] = wrapper.findAll('.planned-answer');
    // An everyday question has no way-out line: nothing to offer, nothing to flag.
    expect(everyday.findAll('input[type="checkbox"]')).toHaveLength(1);
    await everyday.find('input[type="checkbox"]').setValue(true);
    expect(wrapper.find('.gentle-flag').exists()).toBe(false);
    const [asked, wayOut] = hard.findAll('input[type="checkbox"]');
    await asked.setValue(true);
    expect(hard.find('.gentle-flag').text()).toContain(DEFAULT_WAY_OUT);
    await wayOut.setValue(true);
    expect(hard.find('.gentle-flag').exists()).toBe(false);
  });
});
