// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { formatInstantDay, formatInstantWeekdayStamp } from '../../../renderer/src/format';
import { CLIENT_SORT_KEY } from '../../../renderer/src/components/clients/remembered-sort';
import { testWorkspace } from '../../helpers/workspace-api';
import { eventually, mountApp } from './support';

const NOW = new Date('2026-03-11T10:00:00.000Z');

type Wrapper = Awaited<ReturnType<typeof mountApp>>['wrapper'];

function listedNames(wrapper: Wrapper): string[] {
  return wrapper.findAll('nav[aria-label="Clients"] a').map((link) => link.text());
}

function rows(wrapper: Wrapper): string[] {
  return wrapper.findAll('nav[aria-label="Clients"] li').map((row) => row.element.textContent ?? '');
}

/**
 * Four clients: Amara meets soonest and was in touch last week; Bruno meets later and was in
 * touch long ago; Chen has nothing planned and no contact at all; Dana only a note yesterday.
 */
async function practice() {
  let clock = new Date('2026-01-05T10:00:00.000Z');
  const workspace = await testWorkspace({ now: () => clock });
  const amara = await workspace.clients.create({ name: 'Amara Okafor', status: 'active', tags: ['leadership'] });
  const bruno = await workspace.clients.create({ name: 'Bruno Silva', status: 'active', tags: ['career change', 'leadership'] });
  await workspace.clients.create({ name: 'Chen Wei', status: 'prospect', tags: ['career change'] });
  const dana = await workspace.clients.create({ name: 'Dana Levi-Nakamura-Oberhauser', status: 'completed' });
  const old = await workspace.sessions.create(bruno.id, { startsAt: '2026-01-10T10:00:00.000Z', mode: 'video' });
  await workspace.sessions.setStatus(bruno.id, old.id, 'held');
  const recent = await workspace.sessions.create(amara.id, { startsAt: '2026-03-04T10:00:00.000Z', mode: 'video' });
  await workspace.sessions.setStatus(amara.id, recent.id, 'held');
  await workspace.sessions.create(amara.id, { startsAt: '2026-03-12T10:00:00.000Z', mode: 'video' });
  await workspace.sessions.create(bruno.id, { startsAt: '2026-03-18T10:00:00.000Z', mode: 'video' });
  const cancelled = await workspace.sessions.create(dana.id, { startsAt: '2026-03-11T15:00:00.000Z', mode: 'video' });
  await workspace.sessions.setStatus(dana.id, cancelled.id, 'cancelled');
  clock = new Date('2026-03-10T10:00:00.000Z');
  await workspace.notes.create(dana.id, 'Sent her the article.');
  clock = NOW;
  return { workspace, amara, bruno, dana };
}

afterEach(() => {
  localStorage.clear();
});

describe('the client list', () => {
  it('sorts by name, next session and last contact, and remembers the choice on this machine', async () => {
    const { workspace } = await practice();
    const { wrapper } = await mountApp(workspace, '/');
    await eventually(() =>
      expect(listedNames(wrapper)).toEqual(['Amara Okafor', 'Bruno Silva', 'Chen Wei', 'Dana Levi-Nakamura-Oberhauser']),
    );
    const sort = wrapper.get('#client-sort');
    expect(wrapper.get('label[for="client-sort"]').text()).toBe('Sort by');
    expect(sort.findAll('option').map((option) => option.text())).toEqual(['Name', 'Next session', 'Last contact']);

    await sort.setValue('next-session');
    // Soonest first; a cancelled session is no next session.
    expect(listedNames(wrapper)).toEqual(['Amara Okafor', 'Bruno Silva', 'Chen Wei', 'Dana Levi-Nakamura-Oberhauser']);
    expect(rows(wrapper)[0]).toBe(`Amara Okafor Active next session ${formatInstantDay('2026-03-12T10:00:00.000Z')}`);
    expect(rows(wrapper)[3]).toBe('Dana Levi-Nakamura-Oberhauser Completed no session planned');

    await sort.setValue('last-contact');
    // Never in touch leads; then the longest without contact. Chen is not "recently in touch".
    expect(listedNames(wrapper)).toEqual(['Chen Wei', 'Bruno Silva', 'Amara Okafor', 'Dana Levi-Nakamura-Oberhauser']);
    expect(rows(wrapper)[0]).toBe('Chen Wei Prospect no contact yet');
    expect(rows(wrapper)[1]).toBe(`Bruno Silva Active last contact ${formatInstantDay('2026-01-10T10:00:00.000Z')}`);
    expect(localStorage.getItem(CLIENT_SORT_KEY)).toBe('last-contact');

    wrapper.unmount();
    const again = await mountApp(workspace, '/');
    await eventually(() => expect(listedNames(again.wrapper)[0]).toBe('Chen Wei'));
    expect(again.wrapper.get<HTMLSelectElement>('#client-sort').element.value).toBe('last-contact');
  });

  it('ignores a stored order it does not know', async () => {
    localStorage.setItem(CLIENT_SORT_KEY, 'by-shoe-size');
    const { workspace } = await practice();
    const { wrapper } = await mountApp(workspace, '/');
    await eventually(() => expect(listedNames(wrapper)).toHaveLength(4));
    expect(wrapper.get<HTMLSelectElement>('#client-sort').element.value).toBe('name');
    expect(listedNames(wrapper)[0]).toBe('Amara Okafor');
  });

  it('filters by a tag the clients carry, together with the status', async () => {
    const { workspace } = await practice();
    const { wrapper } = await mountApp(workspace, '/');
    await eventually(() => expect(listedNames(wrapper)).toHaveLength(4));
    const tag = wrapper.get('#client-tag-filter');
    expect(wrapper.get('label[for="client-tag-filter"]').text()).toBe('Tag');
    expect(tag.findAll('option').map((option) => option.text())).toEqual(['All tags', 'career change', 'leadership']);

    await tag.setValue('career change');
    expect(listedNames(wrapper)).toEqual(['Bruno Silva', 'Chen Wei']);
    await wrapper.get('#client-status-filter').setValue('active');
    expect(listedNames(wrapper)).toEqual(['Bruno Silva']);
    await wrapper.get('#client-status-filter').setValue('paused');
    expect(listedNames(wrapper)).toEqual([]);
    expect(wrapper.get('nav[aria-label="Clients"]').text()).toContain('No clients with this status and tag.');
    await tag.setValue('');
    await wrapper.get('#client-status-filter').setValue('not-archived');
    expect(listedNames(wrapper)).toHaveLength(4);
  });

  it('offers no tag filter before any client has a tag', async () => {
    const workspace = await testWorkspace({ now: () => NOW });
    await workspace.clients.create({ name: 'Amara Okafor' });
    const { wrapper } = await mountApp(workspace, '/');
    await eventually(() => expect(listedNames(wrapper)).toEqual(['Amara Okafor']));
    expect(wrapper.find('#client-tag-filter').exists()).toBe(false);
  });

  it('marks the open client on its row and names the link by the name alone', async () => {
    const { workspace, dana } = await practice();
    const { wrapper, router } = await mountApp(workspace, '/');
    await eventually(() => expect(listedNames(wrapper)).toHaveLength(4));
    await router.push(`/clients/${dana.id}`);
    const link = () => wrapper.get('nav[aria-label="Clients"] a[aria-current="page"]');
    await eventually(() => expect(link().text()).toBe('Dana Levi-Nakamura-Oberhauser'));
    expect(link().element.closest('li')?.classList.contains('open')).toBe(true);
  });

  it('catches up with a session scheduled elsewhere once the coach moves on', async () => {
    const { workspace, dana } = await practice();
    localStorage.setItem(CLIENT_SORT_KEY, 'next-session');
    const { wrapper, router } = await mountApp(workspace, '/');
    await eventually(() => expect(listedNames(wrapper).at(-1)).toBe('Dana Levi-Nakamura-Oberhauser'));
    await workspace.sessions.create(dana.id, { startsAt: '2026-03-11T16:00:00.000Z', mode: 'phone' });
    await router.push(`/clients/${dana.id}`);
    await eventually(() => expect(listedNames(wrapper)[0]).toBe('Dana Levi-Nakamura-Oberhauser'));
    await eventually(() => expect(wrapper.get('header .facts').text()).toContain(formatInstantWeekdayStamp('2026-03-11T16:00:00.000Z')));
  });
});
