// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import HoursView from '../../../renderer/src/views/HoursView.vue';
import HoursPrintView from '../../../renderer/src/views/print/HoursPrintView.vue';
import { printRouteFor } from '../../../renderer/src/composables/menu-commands';
import { mountWithWorkspace, routerFor, settle } from '../../helpers/mount';
import { testWorkspace } from '../../helpers/workspace-api';
import { local } from '../today/support';

async function practiceWithHours() {
  const workspace = await testWorkspace();
  const ada = await workspace.clients.create({ name: 'Ada Lovelace', email: 'ada@example.com' });
  for (const [at, minutes] of [
    [local(2025, 6, 2, 10), 60],
    [local(2026, 2, 3, 10), 90],
  ] as const) {
    const session = await workspace.sessions.create(ada.id, { startsAt: at.toISOString(), mode: 'video', durationMinutes: minutes });
    await workspace.sessions.setStatus(ada.id, session.id, 'held');
  }
  return workspace;
}

describe('HoursView', () => {
  it('welcomes a new coach with what will appear, and offers no export yet', async () => {
    const { wrapper } = await mountWithWorkspace(HoursView, await testWorkspace());
    expect(wrapper.text()).toContain('No coaching hours yet.');
    expect(wrapper.findAll('button').map((button) => button.text())).toEqual([]);
  });

  it('shows totals and what is left to each credential, filters the log by year and exports that year', async () => {
    const { wrapper, desktopCalls } = await mountWithWorkspace(HoursView, await practiceWithHours());
    expect(wrapper.get('[data-total="hours"]').text()).toBe('2.50');
    expect(wrapper.get('[data-credential="ACC"]').text()).toContain('97.50 hours (72.50 paid) and 7 clients to go');
    expect(wrapper.get('[data-credential="MCC"]').text()).toContain('2,500 hours (2,250 paid) with 35 clients');
    expect(wrapper.get<HTMLSelectElement>('#hours-year').element.value, 'this year first').toBe(String(new Date().getFullYear()));

    await wrapper.get('#hours-year').setValue('');
    await settle();
    expect(wrapper.findAll('tbody tr[data-record-id]')).toHaveLength(2);
    expect(wrapper.text()).toContain('2 sessions in all years: 2.50 hours');

    await wrapper.get('#hours-year').setValue('2026');
    await settle();
    expect(wrapper.findAll('tbody tr[data-record-id]')).toHaveLength(1);
    expect(wrapper.text()).toContain('1 session in 2026: 1.50 hours, 1.50 paid, 0.00 pro bono');

    await wrapper
      .findAll('button')
      .find((button) => button.text() === 'Export for ICF (CSV)…')!
      .trigger('click');
    await settle();
    const saved = desktopCalls.find((call) => call.method === 'saveTextFile');
    expect(saved?.args[0]).toBe('coaching-log-2026.csv');
    expect(String(saved?.args[1]).split('\r\n')).toEqual([
      '\uFEFFClient Name,Contact Information,Individual/Group,Number in Group,Start Date,End Date,Paid Hours,Pro-bono Hours',
      'Ada Lovelace,ada@example.com,Individual,1,2026-02-03,2026-02-03,1.50,',
      '',
    ]);
    expect(wrapper.text()).toContain('Not saved.');

    await wrapper
      .findAll('button')
      .find((button) => button.text().startsWith('Save as PDF…'))!
      .trigger('click');
    await settle();
    expect(desktopCalls.find((call) => call.method === 'saveAsPdf')?.args).toEqual(['/print/hours/2026', 'Coaching hours 2026.pdf']);
  });
});

describe('HoursPrintView', () => {
  it('prints one year’s sessions with the totals against the thresholds, and says when it is ready', async () => {
    const workspace = await practiceWithHours();
    await workspace.settings.update({ coachName: 'Sam Coach' });
    const { wrapper } = await mountWithWorkspace(HoursPrintView, workspace, { year: '2025' });
    await settle();
    await expect.poll(() => document.body.dataset.printReady).toBe('true');
    expect(wrapper.get('.letterhead .letterhead-name').text()).toBe('Sam Coach');
    expect(wrapper.text()).toContain('Sessions held in 2025');
    expect(wrapper.text()).toContain('1.00 hours: 1.00 paid, 0.00 pro bono, 1 client, 1 session.');
    expect(wrapper.findAll('table.log tbody tr').map((row) => row.findAll('td').map((cell) => cell.text()))).toEqual([
      [
        'Ada Lovelace',
        'ada@example.com',
        'Individual',
        '2025-06-02',
        expect.stringMatching(/10:00\s?AM–11:00\s?AM|10:00–11:00/),
        'Paid',
        '1.00',
      ],
    ]);
    wrapper.unmount();
  });
});

describe('File › Print on the Hours page', () => {
  it('prints the hours log', async () => {
    const router = routerFor();
    await router.push('/hours');
    expect(printRouteFor(router.currentRoute.value)).toBe('/print/hours');
    await router.push('/print/hours/2026');
    expect(router.currentRoute.value).toMatchObject({ name: 'print-hours', params: { year: '2026' }, meta: { print: true } });
  });
});
