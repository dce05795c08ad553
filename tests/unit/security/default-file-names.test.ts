// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { desktopContract } from '../../../shared/api/desktop';
import ClientExport from '../../../renderer/src/components/clients/ClientExport.vue';
import PrintButtons from '../../../renderer/src/components/goals/PrintButtons.vue';
import FeedbackSheetButtons from '../../../renderer/src/components/trust/FeedbackSheetButtons.vue';
import AddToCalendarButton from '../../../renderer/src/components/calendar/AddToCalendarButton.vue';
import { useClientsStore } from '../../../renderer/src/stores/clients';
import { testWorkspace } from '../../helpers/workspace-api';
import { mountWithWorkspace } from '../../helpers/mount';

afterEach(() => {
  document.body.innerHTML = '';
});

/** Names a client can really have: up to 200 characters, and whatever was pasted into the field. */
const HOSTILE_NAMES = [
  `Amara ${'Okafor-Whitfield '.repeat(11)}`.slice(0, 200),
  'Ben\tIto\u0007\nfrom the "CV" workshop: <draft>',
  '../../.config/CON',
  '\u202Efdp.exe',
];

/** Every desktop call must pass the contract main checks it against, or Save fails before any dialog. */
function refusedCalls(calls: { method: string; args: unknown[] }[]) {
  const contract = desktopContract as unknown as Record<string, { safeParse(args: unknown[]): { success: boolean } }>;
  return calls.filter(({ method, args }) => !contract[method].safeParse(args).success);
}

const button = (wrapper: { findAll(selector: string): { text(): string; trigger(event: string): Promise<void> }[] }, text: string) =>
  wrapper.findAll('button').find((candidate) => candidate.text().startsWith(text))!;

describe('default file names from what the coach typed', () => {
  it.each(HOSTILE_NAMES)('export and PDF of a client file work for %j', async (name) => {
    const workspace = await testWorkspace();
    const client = await workspace.clients.create({ name });
    const { wrapper, desktopCalls } = await mountWithWorkspace(ClientExport, workspace, { clientId: client.id, clientName: client.name });
    await button(wrapper, 'Export client and documents…').trigger('click');
    await vi.waitFor(() => expect(desktopCalls.map((call) => call.method)).toEqual(['chooseExportSavePath']));
    expect(String(desktopCalls[0].args[0])).toMatch(/^.+ – Rapport export \d{4}-\d{2}-\d{2}\.tar$/);
    await button(wrapper, 'Save client file as PDF…').trigger('click');
    await vi.waitFor(() => expect(desktopCalls).toHaveLength(2));
    expect(refusedCalls(desktopCalls)).toEqual([]);
    expect(wrapper.find('[role="alert"]').exists()).toBe(false);
  });

  it.each(HOSTILE_NAMES)('a goal sheet PDF works for %j', async (name) => {
    const workspace = await testWorkspace();
    const { wrapper, desktopCalls } = await mountWithWorkspace(PrintButtons, workspace, {
      route: '/print/goals/a1',
      fileName: `Goals – ${name}`,
      what: 'all active goals',
    });
    await button(wrapper, 'Save as PDF…').trigger('click');
    await vi.waitFor(() => expect(desktopCalls).toHaveLength(1));
    expect(refusedCalls(desktopCalls)).toEqual([]);
  });

  it.each(HOSTILE_NAMES)('a feedback sheet PDF works for %j', async (name) => {
    const workspace = await testWorkspace();
    const client = await workspace.clients.create({ name });
    const { wrapper, desktopCalls } = await mountWithWorkspace(FeedbackSheetButtons, workspace, { clientId: client.id });
    await useClientsStore().fetch(client.id);
    await button(wrapper, 'Save feedback sheet as PDF…').trigger('click');
    await vi.waitFor(() => expect(desktopCalls).toHaveLength(1));
    expect(refusedCalls(desktopCalls)).toEqual([]);
    expect(String(desktopCalls[0].args[1])).toMatch(/^Feedback sheet for .+\.pdf$/);
  });

  it.each(HOSTILE_NAMES)('a session’s calendar file works for %j', async (name) => {
    const workspace = await testWorkspace();
    const client = await workspace.clients.create({ name });
    const session = await workspace.sessions.create(client.id, { startsAt: '2026-03-10T14:00:00.000Z', mode: 'phone' });
    const { wrapper, desktopCalls } = await mountWithWorkspace(AddToCalendarButton, workspace, {
      clientId: client.id,
      sessionId: session.id,
    });
    await button(wrapper, 'Add to calendar').trigger('click');
    await vi.waitFor(() => expect(desktopCalls.map((call) => call.method)).toEqual(['saveTextFile']));
    expect(refusedCalls(desktopCalls)).toEqual([]);
    expect(String(desktopCalls[0].args[0])).toMatch(/^Session 2026-03-10 – .+\.ics$/);
    expect(String(desktopCalls[0].args[1])).toContain(`UID:${session.id}@rapport.app`);
  });
});
