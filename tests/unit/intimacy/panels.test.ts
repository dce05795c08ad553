// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
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
