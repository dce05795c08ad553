// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import TodayView from '../../../../renderer/src/views/TodayView.vue';
import { testWorkspace } from '../../../helpers/workspace-api';
import { mountWithWorkspace } from '../../../helpers/mount';

afterEach(() => {
  document.body.innerHTML = '';
});

/** Tomorrow at noon, local time: always inside the next 7 days. */
function tomorrowNoon(): string {
  const now = new Date();
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 12).toISOString();
}

function isoDate(daysFromToday: number): string {
  const now = new Date();
  const day = new Date(now.getFullYear(), now.getMonth(), now.getDate() + daysFromToday);
  return `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
}

describe('TodayView', () => {
  it('welcomes a new coach with a way to add the first client', async () => {
    const workspace = await testWorkspace();
    const { wrapper, router } = await mountWithWorkspace(TodayView, workspace);
    expect(wrapper.text()).toContain('Add your first client');
    const button = wrapper.get('button.btn.primary');
    expect(button.text()).toBe('Add your first client');
    await button.trigger('click');
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/clients/new'));
  });

  it('shows the readiness of the next sessions and stamps a missing step in one click, with undo', async () => {
    const workspace = await testWorkspace();
    const client = await workspace.clients.create({ name: 'Amara Okafor', status: 'active' });
    const session = await workspace.sessions.create(client.id, {
      startsAt: tomorrowNoon(),
      mode: 'video',
      location: 'https://meet.example/a',
    });
    const { wrapper } = await mountWithWorkspace(TodayView, workspace);

    const card = wrapper.find('[data-testid="today-session"]');
    expect(card.text()).toContain('Amara Okafor');
    const agendaLinks = card.findAll(`a[href="/clients/${client.id}/sessions/${session.id}/agenda"]`).map((link) => link.text());
    expect(agendaLinks).toEqual(['Open agenda', 'Draft agenda', 'Review agenda with client']);
    expect(card.text()).toContain('0 of 4 steps done');

    const reconfirm = card.findAll('button').find((button) => button.text() === 'Mark reconfirmed');
    await reconfirm!.trigger('click');
    await vi.waitFor(async () => expect((await workspace.sessions.list(client.id))[0].reconfirmedAt).not.toBeNull());
    expect(wrapper.find('[data-testid="today-session"]').text()).toContain('Reconfirmed');

    await wrapper.find('button[aria-label="Undo reconfirmed"]').trigger('click');
    await vi.waitFor(async () => expect((await workspace.sessions.list(client.id))[0].reconfirmedAt).toBeNull());
    expect(wrapper.find('[data-testid="today-session"]').text()).toContain('Mark reconfirmed');
  });

  it('lists overdue commitments with a done checkbox, and clients not heard from', async () => {
    let clock = new Date(Date.now() - 30 * 24 * 60 * 60 * 1000);
    const workspace = await testWorkspace({ now: () => clock });
    const quiet = await workspace.clients.create({ name: 'Quiet Client', status: 'active' });
    clock = new Date();
    const client = await workspace.clients.create({ name: 'Ben Ito', status: 'active' });
    const overdue = await workspace.commitments.create(client.id, { text: 'Send the article', owner: 'coach', dueDate: isoDate(-2) });
    await workspace.commitments.create(client.id, { text: 'Update CV', owner: 'client', dueDate: isoDate(0) });
    const { wrapper } = await mountWithWorkspace(TodayView, workspace);

    const rows = wrapper.findAll('[data-testid="today-commitment"]');
    expect(rows.map((row) => row.text())).toEqual([expect.stringContaining('Overdue'), expect.stringContaining('Due today')]);
    expect(rows[0].find('a').attributes('href')).toBe(`/clients/${client.id}?tab=commitments&focus=${overdue.id}`);
    await rows[0].find('input[type="checkbox"]').setValue(true);
    await vi.waitFor(async () =>
      expect((await workspace.commitments.list(client.id)).find((c) => c.id === overdue.id)?.doneAt).not.toBeNull(),
    );
    expect(wrapper.findAll('[data-testid="today-commitment"]')).toHaveLength(1);

    const silent = wrapper.findAll('[data-testid="today-no-contact"]');
    // Ben Ito was added today with no contact yet: listed too, after the longer silence.
    expect(silent.map((row) => row.text())).toEqual([expect.stringContaining('Quiet Client'), expect.stringContaining('Ben Ito')]);
    expect(silent[0].text()).toContain('added 30 days ago');
    expect(silent[0].find('a').attributes('href')).toBe(`/clients/${quiet.id}?tab=sessions`);
  });
  it('moves focus to the next commitment after one is done, and to the heading after the last', async () => {
    const workspace = await testWorkspace();
    const client = await workspace.clients.create({ name: 'Ben Ito', status: 'active' });
    await workspace.commitments.create(client.id, { text: 'Send the article', owner: 'coach', dueDate: isoDate(-2) });
    const second = await workspace.commitments.create(client.id, { text: 'Update CV', owner: 'client', dueDate: isoDate(0) });
    const { wrapper } = await mountWithWorkspace(TodayView, workspace);

    await wrapper.find('[data-testid="today-commitment"] input[type="checkbox"]').setValue(true);
    await vi.waitFor(() => expect(document.activeElement?.getAttribute('data-record-id')).toBe(second.id));
    await wrapper.find('[data-testid="today-commitment"] input[type="checkbox"]').setValue(true);
    await vi.waitFor(() => expect(document.activeElement?.id).toBe('today-commitments'));
    expect(wrapper.text()).toContain('Nothing overdue or due today.');
  });

  it('shows main refusing to mark a commitment done through one error message, then what main holds', async () => {
    const workspace = await testWorkspace();
    const client = await workspace.clients.create({ name: 'Ben Ito', status: 'active' });
    const gone = await workspace.commitments.create(client.id, { text: 'Send the article', owner: 'coach', dueDate: isoDate(-2) });
    const { wrapper } = await mountWithWorkspace(TodayView, workspace);
    // Deleted from the client file in the meantime.
    await workspace.commitments.remove(client.id, gone.id);
    const checkbox = wrapper.find('[data-testid="today-commitment"] input[type="checkbox"]');
    (checkbox.element as HTMLElement).focus();
    await checkbox.setValue(true);
    await vi.waitFor(() => expect(wrapper.find('[role="alert"]').exists()).toBe(true));
    expect(wrapper.findAll('[role="alert"]')).toHaveLength(1);
    expect(wrapper.text()).toContain('Nothing overdue or due today.');
  });

  it('shows the first 50 of a long backlog of commitments, and all of them when asked', async () => {
    const workspace = await testWorkspace();
    const client = await workspace.clients.create({ name: 'Busy Client', status: 'active' });
    for (let number = 1; number <= 52; number++) {
      await workspace.commitments.create(client.id, { text: `Follow-up ${number}`, owner: 'coach', dueDate: isoDate(-1) });
    }
    const { wrapper } = await mountWithWorkspace(TodayView, workspace);

    expect(wrapper.findAll('[data-testid="today-commitment"]')).toHaveLength(50);
    const showAll = wrapper.findAll('button').find((button) => button.text() === 'Show all 52 commitments');
    await showAll!.trigger('click');
    await vi.waitFor(() => expect(wrapper.findAll('[data-testid="today-commitment"]')).toHaveLength(52));
    expect(wrapper.findAll('button').some((button) => button.text().startsWith('Show all'))).toBe(false);

    // Ticking one off keeps the whole list in view.
    await wrapper.find('[data-testid="today-commitment"] input[type="checkbox"]').setValue(true);
    await vi.waitFor(() => expect(wrapper.findAll('[data-testid="today-commitment"]')).toHaveLength(51));
  });
  it('shows the first 50 clients not heard from, and all of them when asked', async () => {
    let clock = new Date(Date.now() - 60 * 24 * 60 * 60 * 1000);
    const workspace = await testWorkspace({ now: () => clock });
    for (let number = 1; number <= 51; number++) await workspace.clients.create({ name: `Quiet ${number}`, status: 'active' });
    clock = new Date();
    const { wrapper } = await mountWithWorkspace(TodayView, workspace);

    expect(wrapper.findAll('[data-testid="today-no-contact"]')).toHaveLength(50);
    const showAll = wrapper.findAll('button').find((button) => button.text() === 'Show all 51 clients');
    await showAll!.trigger('click');
    expect(wrapper.findAll('[data-testid="today-no-contact"]')).toHaveLength(51);
  });

  it('shows each section with its count, in the order a coach needs them', async () => {
    const workspace = await testWorkspace();
    const client = await workspace.clients.create({ name: 'Amara Okafor', status: 'active' });
    await workspace.sessions.create(client.id, { startsAt: tomorrowNoon(), mode: 'video' });
    const { wrapper } = await mountWithWorkspace(TodayView, workspace);

    const headings = wrapper.findAll('h2').map((heading) => heading.text());
    expect(headings).toEqual([
      'Sessions in the next 7 days 1',
      'Client commitments due before their session 0',
      'Commitments overdue or due today 0',
      'Sessions to write up or reflect on 0',
      'Overdue goal steps 0',
      'Job-search next actions due 0',
      'Clients not heard from 1',
      'Calendar',
    ]);
    expect(wrapper.findAll('[data-testid="today-empty-line"]').map((line) => line.text())).toEqual([
      'No client commitments fall due before their next session.',
      'Nothing overdue or due today.',
      'Every session of the last 7 days is written up and reflected on.',
    ]);
  });

  it('lists a client with no contact yet as such, never as recently in touch', async () => {
    const workspace = await testWorkspace();
    const client = await workspace.clients.create({ name: 'New Client', status: 'prospect' });
    const { wrapper } = await mountWithWorkspace(TodayView, workspace);

    const rows = wrapper.findAll('[data-testid="today-no-contact"]');
    expect(rows).toHaveLength(1);
    expect(rows[0].find('a').attributes('href')).toBe(`/clients/${client.id}?tab=sessions`);
    expect(rows[0].findAll('span').map((span) => span.text())).toEqual(['No contact yet', 'added today']);
    expect(wrapper.text()).not.toContain('in touch with every');
  });

  it('links a past session straight to its write-up, and a client commitment to the session it must precede', async () => {
    const workspace = await testWorkspace();
    const client = await workspace.clients.create({ name: 'Ben Ito', status: 'active' });
    const now = new Date();
    const past = await workspace.sessions.create(client.id, {
      startsAt: new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1, 10).toISOString(),
      mode: 'video',
    });
    await workspace.sessions.saveReflection(client.id, past.id, { signs: [], habits: [], text: 'Talked too much.' });
    const next = await workspace.sessions.create(client.id, {
      startsAt: new Date(now.getFullYear(), now.getMonth(), now.getDate() + 3, 10).toISOString(),
      mode: 'video',
    });
    const homework = await workspace.commitments.create(client.id, {
      text: 'Draft the cover letter',
      owner: 'client',
      dueDate: isoDate(2),
    });
    const { wrapper } = await mountWithWorkspace(TodayView, workspace);

    const writeUp = wrapper.get('[data-testid="today-write-up"]');
    const links = writeUp.findAll('a').map((link) => [link.text(), link.attributes('href')]);
    expect(links).toEqual([
      ['Ben Ito', `/clients/${client.id}?tab=sessions&focus=${past.id}`],
      ['Write up', `/clients/${client.id}?tab=sessions&focus=${past.id}&open=notes`],
    ]);
    expect(writeUp.text()).toContain('Reflected on');

    const before = wrapper.get('[data-testid="today-before-session"]');
    expect(before.text()).toContain('Draft the cover letter');
    expect(before.text()).toContain('before the session on');
    expect(before.attributes('data-record-id')).toBe(homework.id);
    expect(next.id).toBeTruthy();
    await before.get('input[type="checkbox"]').setValue(true);
    await vi.waitFor(async () => expect((await workspace.commitments.list(client.id))[0].doneAt).not.toBeNull());
    await vi.waitFor(() => expect(wrapper.find('[data-testid="today-before-session"]').exists()).toBe(false));
    await vi.waitFor(() => expect(document.activeElement?.id).toBe('today-before-session'));
  });
});
