// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import EmailButton from '../../../renderer/src/components/email/EmailButton.vue';
import { MAX_MAILTO_LENGTH } from '../../../shared/email/mailto';
import { mountWithWorkspace, settle } from '../../helpers/mount';
import { testWorkspace } from '../../helpers/workspace-api';

afterEach(() => {
  document.body.innerHTML = '';
});

async function plannedSession(email: string) {
  const workspace = await testWorkspace();
  await workspace.settings.update({ coachName: 'Sam Rivera' });
  const client = await workspace.clients.create({ name: 'Amara Okafor', email });
  const session = await workspace.sessions.create(client.id, {
    startsAt: '2031-01-07T10:00:00.000Z',
    mode: 'video',
    location: 'https://meet.example/a',
  });
  return { workspace, clientId: client.id, sessionId: session.id };
}

type Wrapper = Awaited<ReturnType<typeof mountWithWorkspace>>['wrapper'];
const button = (wrapper: Wrapper, name: string) => {
  const found = wrapper.findAll('button').find((candidate) => candidate.text() === name);
  if (!found) throw new Error(`No button “${name}” in: ${wrapper.text()}`);
  return found;
};

describe('EmailButton', () => {
  it('puts a long agenda on the clipboard, opens address and subject only, and stamps it once the coach says it is sent', async () => {
    const { workspace, clientId, sessionId } = await plannedSession('amara@example.com');
    const items = Array.from({ length: 12 }, (_, index) => ({
      title: `Item ${index + 1} with a few words`,
      details: 'Some details about what we will look at, and why it matters to you.',
      minutes: 5,
      proposedBy: 'coach' as const,
    }));
    await workspace.agendas.save(clientId, sessionId, { goals: [{ text: 'Leave with a plan' }], items });
    const { wrapper, desktopCalls } = await mountWithWorkspace(EmailButton, workspace, { clientId, sessionId, kind: 'agenda' });

    await button(wrapper, 'Email the agenda').trigger('click');
    await settle();
    await vi.waitFor(() => expect(wrapper.text()).toContain('Did you send it?'));
    expect(wrapper.find('[role="status"]').text()).toBe('The message is on the clipboard: paste it into the email.');
    const opened = desktopCalls.filter((call) => call.method === 'openExternal').map((call) => call.args[0] as string);
    expect(opened).toHaveLength(1);
    expect(opened[0]).toMatch(/^mailto:amara@example\.com\?subject=Agenda%20for%20our%20session%20on%20[^&]+$/u);
    const copied = await navigator.clipboard.readText();
    expect(copied.length).toBeGreaterThan(MAX_MAILTO_LENGTH / 3);
    expect(copied).toMatch(/^Hi Amara,\n\nHere is what I suggest we cover/u);
    expect(copied).toContain('12. Item 12 with a few words (5 min) — proposed by Sam');
    expect((await workspace.sessions.list(clientId))[0].agendaSentAt).toBeNull();

    await button(wrapper, 'Yes, it is sent').trigger('click');
    await settle();
    expect((await workspace.sessions.list(clientId))[0].agendaSentAt).not.toBeNull();
    expect(wrapper.find('[role="status"]').text()).toBe('Agenda marked as sent.');
    expect(wrapper.text()).toContain('Email the agenda');
  });

  it('keeps a short message in the link and stamps nothing when the coach says “Not yet”', async () => {
    const { workspace, clientId, sessionId } = await plannedSession('amara@example.com');
    const { wrapper, desktopCalls } = await mountWithWorkspace(EmailButton, workspace, { clientId, sessionId, kind: 'reconfirm' });
    await button(wrapper, 'Reconfirm').trigger('click');
    await settle();
    const [url] = desktopCalls.filter((call) => call.method === 'openExternal').map((call) => call.args[0] as string);
    expect(new URL(url).searchParams.get('body')).toMatch(/^Hi Amara,\r\n\r\nJust confirming our session on /u);
    await button(wrapper, 'Not yet').trigger('click');
    await settle();
    expect((await workspace.sessions.list(clientId))[0].reconfirmedAt).toBeNull();
    expect(wrapper.find('[role="status"]').text()).toBe('Nothing was marked. You can send it again at any time.');
  });

  it('says when the client has no address, opens nothing, and copies the message instead', async () => {
    const { workspace, clientId, sessionId } = await plannedSession('');
    const { wrapper, desktopCalls } = await mountWithWorkspace(EmailButton, workspace, { clientId, sessionId, kind: 'materials' });
    await button(wrapper, 'Send materials').trigger('click');
    await settle();
    expect(wrapper.text()).toContain('Amara Okafor has no email address on file.');
    await button(wrapper, 'Copy the message').trigger('click');
    await settle();
    expect(await navigator.clipboard.readText()).toMatch(/^Something to look at before .+\n\nHi Amara,\n/u);
    expect(desktopCalls.filter((call) => call.method === 'openExternal')).toEqual([]);
    await button(wrapper, 'Yes, it is sent').trigger('click');
    await settle();
    expect((await workspace.sessions.list(clientId))[0].materialsSentAt).not.toBeNull();
  });

  it('shows a session that no longer exists as an error, and opens nothing', async () => {
    const { workspace, clientId } = await plannedSession('amara@example.com');
    const { wrapper, desktopCalls } = await mountWithWorkspace(EmailButton, workspace, {
      clientId,
      sessionId: '00000000-0000-4000-8000-000000000000',
      kind: 'recap',
    });
    await button(wrapper, 'Send recap').trigger('click');
    await settle();
    expect(wrapper.find('[role="alert"]').text()).toContain('That session no longer exists.');
    expect(desktopCalls.filter((call) => call.method === 'openExternal')).toEqual([]);
  });
});
