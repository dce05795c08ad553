// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Workspace } from '../../../electron/core/workspace';
import { printFailure } from '../../../electron/shell/print-result';
import App from '../../../renderer/src/App.vue';
import { useAgendaStore } from '../../../renderer/src/stores/agenda';
import AgendaPrintView from '../../../renderer/src/views/print/AgendaPrintView.vue';
import { RapportError } from '../../../shared/errors';
import { MAX_LONG_TEXT } from '../../../shared/model/primitives';
import { mountWithWorkspace, routerFor } from '../../helpers/mount';
import { recordingDesktop } from '../../helpers/recording-desktop';
import { rejection } from '../../helpers/rejection';
import { eventually, storeContext } from '../renderer/support';
import { workspaceWithSession } from './agenda-workspace';

/**
 * The agenda family on the renderer's one way: keyed loading, `useAction`, `ErrorMessage`.
 * Each test checks a consequence the coach would have met before it.
 */

afterEach(() => {
  Reflect.deleteProperty(window, 'confirm');
  delete document.body.dataset.printReady;
  delete document.body.dataset.printFailure;
});

/** A second planned session for the fixture's client, each with its own one-item agenda. */
async function twoSessions() {
  const fixture = await workspaceWithSession();
  const { workspace, clientId, sessionId: first } = fixture;
  const second = await workspace.sessions.create(clientId, {
    startsAt: '2026-03-16T10:00:00.000Z',
    durationMinutes: 60,
    mode: 'phone',
    location: '',
  });
  await workspace.agendas.save(clientId, first, { goals: [], items: [{ title: 'First session item', minutes: 10, proposedBy: 'coach' }] });
  await workspace.agendas.save(clientId, second.id, {
    goals: [],
    items: [{ title: 'Second session item', minutes: 10, proposedBy: 'coach' }],
  });
  return { ...fixture, first, second: second.id };
}

/** Holds back the workspace's first answer to `agendas.get` for `sessionId` until `release()`. */
function holdFirstAgendaOf(workspace: Workspace, sessionId: string) {
  const get = workspace.agendas.get.bind(workspace.agendas);
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const held: { late?: Promise<unknown> } = {};
  workspace.agendas.get = (clientId, asked) => {
    if (held.late || asked !== sessionId) return get(clientId, asked);
    held.late = gate.then(() => get(clientId, asked));
    return held.late as ReturnType<typeof get>;
  };
  return {
    release: async () => {
      release();
      await held.late;
      await flushPromises();
    },
  };
}

async function mountAgendaApp(workspace: Workspace, path: string, desktop = recordingDesktop().desktop) {
  const router = routerFor();
  await router.push(path);
  const mounted = await mountWithWorkspace(App, workspace, {}, { router, settle: false, desktop });
  return mounted;
}

type Wrapper = Awaited<ReturnType<typeof mountAgendaApp>>['wrapper'];

function itemTitles(wrapper: Wrapper): string[] {
  return wrapper.findAll('input[id^="item-title-"]').map((input) => (input.element as HTMLInputElement).value);
}

function button(wrapper: Wrapper, text: string) {
  const found = wrapper.findAll('button').find((candidate) => candidate.text() === text);
  if (!found) throw new Error(`no button “${text}”`);
  return found;
}

describe('AgendaView', () => {
  it('ignores a late answer for the session the coach has already left', async () => {
    const { workspace, clientId, first, second } = await twoSessions();
    const held = holdFirstAgendaOf(workspace, first);
    const { wrapper, router } = await mountAgendaApp(workspace, `/clients/${clientId}/sessions/${first}/agenda`);

    await router.push(`/clients/${clientId}/sessions/${second}/agenda`);
    await eventually(() => expect(itemTitles(wrapper)).toEqual(['Second session item']));
    await held.release();

    expect(itemTitles(wrapper)).toEqual(['Second session item']);
    expect(wrapper.text()).not.toContain('Unsaved changes');
    // Saving now writes what the page shows to the session in the address, and nothing else.
    await wrapper.get('form.editor').trigger('submit');
    await eventually(() => expect(wrapper.text()).toContain('Agenda saved.'));
    expect((await workspace.agendas.get(clientId, second))?.items.map((item) => item.title)).toEqual(['Second session item']);
    expect((await workspace.agendas.get(clientId, first))?.items.map((item) => item.title)).toEqual(['First session item']);
  });

  it('shows a printing failure as an alert in the coach’s words', async () => {
    const { workspace, clientId, sessionId } = await workspaceWithSession();
    await workspace.agendas.save(clientId, sessionId, { goals: [], items: [{ title: 'Check-in', minutes: 10, proposedBy: 'coach' }] });
    const { desktop } = recordingDesktop();
    const failure = printFailure(false, 'Printer is offline')!;
    desktop.print = () => Promise.reject(failure);
    const { wrapper } = await mountAgendaApp(workspace, `/clients/${clientId}/sessions/${sessionId}/agenda`, desktop);
    await eventually(() => expect(itemTitles(wrapper)).toEqual(['Check-in']));

    await button(wrapper, 'Print…').trigger('click');
    await eventually(() => expect(wrapper.get('[role="alert"]').text()).toBe(failure.message));
    expect(failure.code).toBe('IO_ERROR');
    expect(wrapper.findAll('[role="status"]').map((status) => status.text())).not.toContain(failure.message);
  });

  it('does not report, under the next session, a PDF saved for the previous one', async () => {
    const { workspace, clientId, first, second } = await twoSessions();
    const { desktop } = recordingDesktop();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    desktop.saveAsPdf = async () => {
      await gate;
      return '/home/coach/Agenda first.pdf';
    };
    const { wrapper, router } = await mountAgendaApp(workspace, `/clients/${clientId}/sessions/${first}/agenda`, desktop);
    await eventually(() => expect(itemTitles(wrapper)).toEqual(['First session item']));

    await button(wrapper, 'Save as PDF…').trigger('click');
    await router.push(`/clients/${clientId}/sessions/${second}/agenda`);
    await eventually(() => expect(itemTitles(wrapper)).toEqual(['Second session item']));
    release();
    await eventually(() => expect(button(wrapper, 'Save as PDF…').attributes('disabled')).toBeUndefined());
    expect(wrapper.text()).not.toContain('Saved the PDF');
  });

  it('limits the item details and outcomes to what the workspace stores', async () => {
    const { workspace, clientId, sessionId } = await workspaceWithSession();
    await workspace.agendas.save(clientId, sessionId, { goals: [], items: [{ title: 'Check-in', minutes: 10, proposedBy: 'coach' }] });
    const { wrapper } = await mountAgendaApp(workspace, `/clients/${clientId}/sessions/${sessionId}/agenda`);
    await eventually(() => expect(itemTitles(wrapper)).toEqual(['Check-in']));
    expect(wrapper.get('textarea[id^="item-details-"]').attributes('maxlength')).toBe(String(MAX_LONG_TEXT));
    expect(wrapper.get('textarea[id^="outcome-"]').attributes('maxlength')).toBe(String(MAX_LONG_TEXT));
    expect(wrapper.get('input[id^="item-minutes-"]').attributes()).toMatchObject({ min: '0', max: '600' });
  });
});

describe('the agenda editors', () => {
  it('keep focus in place when the coach removes an item or a goal', async () => {
    const { workspace, clientId, sessionId } = await workspaceWithSession();
    const saved = await workspace.agendas.save(clientId, sessionId, {
      goals: [{ text: 'Leave with next steps' }],
      items: ['First', 'Second', 'Third'].map((title) => ({ title, minutes: 10, proposedBy: 'coach' as const })),
    });
    const { wrapper } = await mountAgendaApp(workspace, `/clients/${clientId}/sessions/${sessionId}/agenda`);
    await eventually(() => expect(itemTitles(wrapper)).toEqual(['First', 'Second', 'Third']));

    await wrapper.get('button[aria-label="Remove item 2"]').trigger('click');
    await eventually(() => expect(document.activeElement?.getAttribute('data-record-id')).toBe(saved.items[2].id));
    expect(itemTitles(wrapper)).toEqual(['First', 'Third']);
    await wrapper.get('button[aria-label="Remove goal 1"]').trigger('click');
    await eventually(() => expect(document.activeElement?.id).toBe('agenda-goals-heading'));
  });
});

describe('AgendaTemplates', () => {
  it('keeps a template name that could not be saved, says why, and asks before it is left behind', async () => {
    const { workspace, clientId, sessionId } = await workspaceWithSession();
    await workspace.agendas.save(clientId, sessionId, { goals: [], items: [{ title: 'Check-in', minutes: 10, proposedBy: 'coach' }] });
    const { wrapper, router } = await mountAgendaApp(workspace, `/clients/${clientId}/sessions/${sessionId}/agenda`);
    await eventually(() => expect(itemTitles(wrapper)).toEqual(['Check-in']));
    const templates = wrapper.get('section[aria-labelledby="agenda-templates-heading"]');
    await templates.get('#agenda-template-name').setValue('Second-round interviews');
    await workspace.sessions.remove(clientId, sessionId);

    await button(wrapper, 'Save as template').trigger('click');
    await eventually(() => expect(templates.find('[role="alert"]').exists()).toBe(true));
    const refusal = await rejection(workspace.templates.saveFromAgenda(clientId, sessionId, 'Second-round interviews'), 'NOT_FOUND');
    expect(templates.get('#agenda-template-error').text()).toBe(refusal.message);
    expect((templates.get('#agenda-template-name').element as HTMLInputElement).value).toBe('Second-round interviews');

    const ask = vi.fn(() => false);
    window.confirm = ask;
    await router.push('/');
    expect(ask).toHaveBeenCalledOnce();
    expect(router.currentRoute.value.name).toBe('agenda');
  });

  it('saves the agenda as a template and then lets the coach leave without a question', async () => {
    const { workspace, clientId, sessionId } = await workspaceWithSession();
    await workspace.agendas.save(clientId, sessionId, { goals: [], items: [{ title: 'Check-in', minutes: 10, proposedBy: 'coach' }] });
    const { wrapper, router } = await mountAgendaApp(workspace, `/clients/${clientId}/sessions/${sessionId}/agenda`);
    await eventually(() => expect(itemTitles(wrapper)).toEqual(['Check-in']));
    const templates = wrapper.get('section[aria-labelledby="agenda-templates-heading"]');
    await templates.get('#agenda-template-name').setValue('Short check-in');
    await button(wrapper, 'Save as template').trigger('click');
    await eventually(() => expect(templates.get('[role="status"]').text()).toBe('Saved as the template “Short check-in”.'));
    expect((await workspace.templates.list()).map((template) => template.name)).toContain('Short check-in');
    expect(templates.findAll('#agenda-template option').map((option) => option.text())).toContain('Short check-in');
    expect((templates.get('#agenda-template-name').element as HTMLInputElement).value).toBe('');

    const ask = vi.fn(() => false);
    window.confirm = ask;
    await router.push('/');
    expect(ask).not.toHaveBeenCalled();
  });
});

describe('AgendaReplyImport', () => {
  it('does not offer, on the next session, the undo of a reply applied on the previous one', async () => {
    const { workspace, clientId, first, second } = await twoSessions();
    const { wrapper, router } = await mountAgendaApp(workspace, `/clients/${clientId}/sessions/${first}/agenda`);
    await eventually(() => expect(itemTitles(wrapper)).toEqual(['First session item']));
    const { text } = await workspace.agendas.shareText(clientId, first);
    await wrapper.get('#agenda-reply-text').setValue(text.replace('First session item (10 min)', 'First session item (20 min)'));
    await button(wrapper, 'Show changes').trigger('click');
    await eventually(() => expect(wrapper.findAll('.changes li')).toHaveLength(1));
    await button(wrapper, 'Accept all').trigger('click');
    await button(wrapper, 'Apply 1 accepted change').trigger('click');
    await eventually(() => expect(wrapper.text()).toContain('Applied 1 of 1 change.'));
    expect(document.activeElement?.id).toBe('agenda-reply-heading');

    await router.push(`/clients/${clientId}/sessions/${second}/agenda`);
    await eventually(() => expect(itemTitles(wrapper)).toEqual(['Second session item']));
    expect(wrapper.findAll('button').map((candidate) => candidate.text())).not.toContain('Undo applying the reply');
    expect(wrapper.text()).not.toContain('Applied 1 of 1 change.');
  });

  it('asks before a pasted reply is left behind', async () => {
    const { workspace, clientId, sessionId } = await workspaceWithSession();
    await workspace.agendas.save(clientId, sessionId, { goals: [], items: [{ title: 'Check-in', minutes: 10, proposedBy: 'coach' }] });
    const { wrapper, router } = await mountAgendaApp(workspace, `/clients/${clientId}/sessions/${sessionId}/agenda`);
    await eventually(() => expect(itemTitles(wrapper)).toEqual(['Check-in']));
    const { text } = await workspace.agendas.shareText(clientId, sessionId);
    await wrapper.get('#agenda-reply-text').setValue(text.replace('Check-in (10 min)', 'Check-in (5 min)'));

    const ask = vi.fn(() => false);
    window.confirm = ask;
    await router.push('/');
    expect(ask).toHaveBeenCalledOnce();
    expect(router.currentRoute.value.name).toBe('agenda');
  });

  it('shows a file it cannot read through the one error message, tied to the reply field', async () => {
    const { workspace, clientId, sessionId } = await workspaceWithSession();
    await workspace.agendas.save(clientId, sessionId, { goals: [], items: [{ title: 'Check-in', minutes: 10, proposedBy: 'coach' }] });
    const { desktop } = recordingDesktop();
    const message = 'That file is too large to be a reply. Please paste the text instead.';
    desktop.openTextFile = () => Promise.reject(new RapportError('INVALID_INPUT', message));
    const { wrapper } = await mountAgendaApp(workspace, `/clients/${clientId}/sessions/${sessionId}/agenda`, desktop);
    await eventually(() => expect(itemTitles(wrapper)).toEqual(['Check-in']));

    await button(wrapper, 'Open a file…').trigger('click');
    const reply = wrapper.get('section[aria-labelledby="agenda-reply-heading"]');
    await eventually(() => expect(reply.get('#agenda-reply-error[role="alert"]').text()).toBe(message));
    expect(reply.get('#agenda-reply-text').attributes()).toMatchObject({
      'aria-invalid': 'true',
      'aria-describedby': 'agenda-reply-error',
    });
  });
});

describe('AgendaShare', () => {
  it('shows a refused sharing as an alert in the coach’s words', async () => {
    const { workspace, clientId, sessionId } = await workspaceWithSession();
    await workspace.agendas.save(clientId, sessionId, { goals: [], items: [{ title: 'Check-in', minutes: 10, proposedBy: 'coach' }] });
    const { wrapper } = await mountAgendaApp(workspace, `/clients/${clientId}/sessions/${sessionId}/agenda`);
    await eventually(() => expect(itemTitles(wrapper)).toEqual(['Check-in']));
    // The session is deleted elsewhere (another window, a restore) while its agenda is open.
    await workspace.sessions.remove(clientId, sessionId);

    const share = wrapper.get('section[aria-labelledby="agenda-share-heading"]');
    await button(wrapper, 'Share for review').trigger('click');
    const refusal = await workspace.agendas.share(clientId, sessionId).then(
      () => expect.fail('sharing a deleted session must fail'),
      (error: { code: string; message: string }) => error,
    );
    expect(refusal.code).toBe('NOT_FOUND');
    await eventually(() => expect(share.get('[role="alert"]').text()).toBe(refusal.message));
    expect(share.get('[role="status"]').text()).toBe('');
  });
});

describe('AgendaPrintView', () => {
  it('prints the session in the address, not a late answer for the one before', async () => {
    const { workspace, clientId, first, second } = await twoSessions();
    const held = holdFirstAgendaOf(workspace, first);
    const { wrapper } = await mountWithWorkspace(AgendaPrintView, workspace, { clientId, sessionId: first }, { settle: false });

    await wrapper.setProps({ sessionId: second });
    await eventually(() => expect(document.body.dataset.printReady).toBe('true'));
    expect(wrapper.text()).toContain('Second session item');
    await held.release();

    expect(wrapper.text()).toContain('Second session item');
    expect(wrapper.text()).not.toContain('First session item');
  });
});

describe('the agenda store', () => {
  it('writes to the session it is given, reloads it, and leaves failures to the caller', async () => {
    const { workspace, clientId, first, second } = await twoSessions();
    storeContext(workspace);
    const store = useAgendaStore();
    await store.load(clientId, first);
    await store.load(clientId, second);

    const answer = await store.save(clientId, first, { goals: [], items: [{ title: 'Rewritten', minutes: 15, proposedBy: 'client' }] });
    expect(store.entryOf(clientId, first)?.agenda).toEqual(answer);
    expect(store.entryOf(clientId, first)?.agenda?.items.map((item) => item.title)).toEqual(['Rewritten']);
    expect(store.entryOf(clientId, second)?.agenda?.items.map((item) => item.title)).toEqual(['Second session item']);

    const before = store.entryOf(clientId, first);
    await expect(store.save(clientId, first, { goals: [], items: [{ title: '', minutes: 5, proposedBy: 'coach' }] })).rejects.toMatchObject(
      {
        code: 'INVALID_INPUT',
      },
    );
    expect(store.entryOf(clientId, first)).toBe(before);
    expect('error' in store).toBe(false);
  });
});
