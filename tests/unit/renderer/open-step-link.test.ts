// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { testWorkspace } from '../../helpers/workspace-api';
import { eventually, mountApp } from './support';

const DAY = 24 * 60 * 60_000;

/**
 * Today's "Write up" and "Reflect" links name the step (`?focus=<session>&open=notes`): the
 * session card opens that step and the caret lands in its first field, so the coach can type
 * at once instead of finding the card and its button again.
 */
describe('a link that opens a step of a session card', () => {
  it.each([
    { open: 'notes', field: (id: string) => `notes-${id}` },
    { open: 'reflection', field: () => null },
  ])('?open=$open opens that step on the named session only', async ({ open, field }) => {
    const workspace = await testWorkspace();
    const client = await workspace.clients.create({ name: 'Ben Ito', status: 'active' });
    const named = await workspace.sessions.create(client.id, { startsAt: new Date(Date.now() - DAY).toISOString(), mode: 'video' });
    const other = await workspace.sessions.create(client.id, { startsAt: new Date(Date.now() - 3 * DAY).toISOString(), mode: 'video' });
    const { wrapper } = await mountApp(workspace, `/clients/${client.id}?tab=sessions&focus=${named.id}&open=${open}`);

    const card = () => wrapper.get(`[data-record-id="${named.id}"]`);
    const step = open === 'notes' ? 'form:not(.reflection)' : 'form.reflection';
    await eventually(() => expect(card().find(step).exists()).toBe(true));
    expect(wrapper.get(`[data-record-id="${other.id}"]`).find('form').exists()).toBe(false);
    await eventually(() => {
      const active = document.activeElement as HTMLElement | null;
      expect(card().element.contains(active)).toBe(true);
      expect(active?.matches('textarea, input, select, button')).toBe(true);
      const id = field(named.id);
      if (id) expect(active?.id).toBe(id);
    });
  });
});
