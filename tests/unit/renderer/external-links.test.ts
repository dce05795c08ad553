// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { testWorkspace } from '../../helpers/workspace-api';
import { eventually, mountApp } from './support';

const now = () => new Date('2026-03-02T09:00:00.000Z');

describe('links open in the coach’s own apps', () => {
  it('opens a web link in a note through the desktop, without the page navigating', async () => {
    const workspace = await testWorkspace({ now });
    const client = await workspace.clients.create({ name: 'Amara Okafor' });
    await workspace.notes.create(client.id, 'Look at [the job ad](https://jobs.example.com/42) before Friday.');
    const { wrapper, router, desktopCalls } = await mountApp(workspace, `/clients/${client.id}?tab=notes`);
    await eventually(() => expect(wrapper.find('.markdown a').exists()).toBe(true));

    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    wrapper.get('.markdown a').element.dispatchEvent(click);

    expect(click.defaultPrevented).toBe(true);
    await eventually(() => expect(desktopCalls).toContainEqual({ method: 'openExternal', args: ['https://jobs.example.com/42'] }));
    expect(router.currentRoute.value.fullPath).toBe(`/clients/${client.id}?tab=notes`);
  });

  it('makes the client’s email and phone, and a session’s meeting link, clickable', async () => {
    const workspace = await testWorkspace({ now });
    const client = await workspace.clients.create({ name: 'Amara Okafor', email: 'amara@example.com', phone: '+44 20 7946 0958' });
    await workspace.sessions.create(client.id, {
      startsAt: '2026-03-05T10:00:00.000Z',
      mode: 'video',
      location: 'Video call: https://meet.example.com/abc-defg',
    });
    const { wrapper, router, desktopCalls } = await mountApp(workspace, `/clients/${client.id}`);
    await eventually(() => expect(wrapper.find('header a[href^="mailto:"]').exists()).toBe(true));

    await wrapper.get('header a[href^="mailto:"]').trigger('click');
    await wrapper.get('header a[href^="tel:"]').trigger('click');
    await router.push(`/clients/${client.id}?tab=sessions`);
    await eventually(() => expect(wrapper.find('.session a[href^="https:"]').exists()).toBe(true));
    await wrapper.get('.session a[href^="https:"]').trigger('click');

    await eventually(() =>
      expect(desktopCalls.filter((call) => call.method === 'openExternal').map((call) => call.args[0])).toEqual([
        'mailto:amara@example.com',
        'tel:+442079460958',
        'https://meet.example.com/abc-defg',
      ]),
    );
  });
});
