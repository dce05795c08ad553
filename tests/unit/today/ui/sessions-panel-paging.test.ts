// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import SessionsPanel from '../../../../renderer/src/components/sessions/SessionsPanel.vue';
import { testWorkspace } from '../../../helpers/workspace-api';
import { mountWithWorkspace, settle } from '../../../helpers/mount';

describe('SessionsPanel with years of history', () => {
  it('shows the latest 20 past sessions and the earlier ones on request', async () => {
    const workspace = await testWorkspace();
    const client = await workspace.clients.create({ name: 'Amara' });
    const ids: string[] = [];
    for (let week = 0; week < 25; week += 1) {
      const session = await workspace.sessions.create(client.id, {
        startsAt: new Date(Date.UTC(2020, 0, 6 + week * 7, 9)).toISOString(),
        durationMinutes: 60,
        mode: 'video',
        location: '',
      });
      ids.push(session.id);
    }
    const { wrapper } = await mountWithWorkspace(SessionsPanel, workspace, { clientId: client.id });

    expect(wrapper.findAll('li.session')).toHaveLength(20);
    expect(wrapper.find(`#session-${ids[24]}`).exists()).toBe(true);
    expect(wrapper.find(`#session-${ids[4]}`).exists()).toBe(false);

    const more = wrapper.findAll('button').find((button) => button.text() === 'Show 5 earlier sessions');
    if (!more) throw new Error('no button for earlier sessions');
    await more.trigger('click');
    await settle();
    expect(wrapper.findAll('li.session')).toHaveLength(25);
    expect(wrapper.findAll('button').some((button) => button.text().startsWith('Show '))).toBe(false);
  });
});
