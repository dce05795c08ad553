// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { DesktopBridge } from '../../../shared/api/desktop';
import { API_KEY } from '../../../renderer/src/api/client';
import { DESKTOP_KEY } from '../../../renderer/src/api/desktop';
import { routes } from '../../../renderer/src/router';
import App from '../../../renderer/src/App.vue';
import type { Workspace } from '../../../electron/core/workspace';
import { rendererApiFor } from '../../helpers/workspace-api';
import { workspaceWithSession } from './agenda-workspace';

/** The desktop shell's side of things, recorded: there is no Electron here. */
function recordingDesktop() {
  const calls: { method: string; args: unknown[] }[] = [];
  const record =
    <T>(method: string, value: T) =>
    async (...args: unknown[]) => {
      calls.push({ method, args });
      return value;
    };
  const desktop: DesktopBridge = {
    chooseBackupSavePath: record('chooseBackupSavePath', null),
    chooseExportSavePath: record('chooseExportSavePath', null),
    automaticBackupProtection: record('automaticBackupProtection', { available: true, enabled: false }),
    setAutomaticBackupPassphrase: record('setAutomaticBackupPassphrase', { available: true, enabled: true }),
    chooseBackupOpenPath: record('chooseBackupOpenPath', null),
    chooseDocuments: record('chooseDocuments', []),
    chooseDocumentSavePath: record('chooseDocumentSavePath', null),
    saveTextFile: record('saveTextFile', '/home/coach/agenda.txt'),
    openTextFile: record('openTextFile', null),
    openCalendarFile: record('openCalendarFile', null),
    print: record('print', undefined),
    saveAsPdf: record('saveAsPdf', '/home/coach/agenda.pdf'),
    openExternal: record('openExternal', undefined),
    onMenuCommand: () => undefined,
  };
  return { desktop, calls };
}

async function eventually(check: () => void, timeout = 3000): Promise<void> {
  const started = Date.now();
  for (;;) {
    await flushPromises();
    try {
      check();
      return;
    } catch (error) {
      if (Date.now() - started > timeout) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
}

async function mountAt(workspace: Workspace, path: string) {
  const router = createRouter({ history: createMemoryHistory(), routes });
  await router.push(path);
  await router.isReady();
  const { desktop, calls } = recordingDesktop();
  const wrapper = mount(App, {
    attachTo: document.body,
    global: {
      plugins: [createPinia(), router],
      provide: { [API_KEY as symbol]: rendererApiFor(workspace), [DESKTOP_KEY as symbol]: desktop },
    },
  });
  return { wrapper, calls };
}

type Wrapper = Awaited<ReturnType<typeof mountAt>>['wrapper'];

function button(wrapper: Wrapper, text: string) {
  const found = wrapper.findAll('button').find((candidate) => candidate.text() === text);
  if (!found) throw new Error(`no button “${text}”`);
  return found;
}

/** Moves to a stage of the agenda as a coach would: its tab, pressed. */
async function toStage(wrapper: Wrapper, name: string): Promise<void> {
  const tab = wrapper.findAll('[role="tab"]').find((candidate) => candidate.text().endsWith(name));
  if (!tab) throw new Error(`no stage “${name}”`);
  await tab.trigger('mousedown', { button: 0 });
  await eventually(() => expect(tab.attributes('aria-selected')).toBe('true'));
}

function itemTitles(wrapper: Wrapper): string[] {
  return wrapper.findAll('input[id^="item-title-"]').map((input) => (input.element as HTMLInputElement).value);
}

describe('AgendaView over a real workspace', () => {
  it('drafts from a template, edits, reorders by keyboard, shares, imports a reply, and stamps reviewed', async () => {
    const { workspace, clientId, sessionId } = await workspaceWithSession();
    const { wrapper, calls } = await mountAt(workspace, `/clients/${clientId}/sessions/${sessionId}/agenda?stage=prepare`);
    await eventually(() => expect(wrapper.find('h1').text()).toBe('Agenda for Amara Okafor'));
    // The session's mode reads as the session cards write it ("Video"), not as stored ("video").
    expect(wrapper.get('.agenda-header .field-hint').text()).toMatch(/ · Video( · |$)/);
    expect(wrapper.text()).toContain('my crew');
    // Their words are offered at the caret in the fields, not as a list that replaces the field.
    expect(wrapper.find('datalist').exists()).toBe(false);

    await wrapper.get('#agenda-template').setValue((await workspace.templates.list())[1].id);
    await button(wrapper, 'Use this template').trigger('click');
    await eventually(() => expect(itemTitles(wrapper)).toHaveLength(5));
    expect((await workspace.agendas.get(clientId, sessionId))?.history.map((entry) => entry.summary)).toEqual([
      'Started from the template “Regular session”',
    ]);

    await button(wrapper, 'Add an item').trigger('click');
    const titles = wrapper.findAll('input[id^="item-title-"]');
    expect(titles[5].attributes('aria-autocomplete')).toBe('inline');
    await titles[5].setValue('Salary expectations');
    await wrapper.findAll('input[id^="item-minutes-"]')[5].setValue('30');
    await wrapper.findAll('select[id^="item-by-"]')[5].setValue('client');
    expect(wrapper.get('.budget').text()).toContain('90 of 60 minutes planned.');
    expect(wrapper.get('.budget .badge.danger').text()).toContain('30 minutes over');
    expect(wrapper.text()).toContain('Unsaved changes');

    await titles[5].trigger('keydown', { key: 'ArrowUp', altKey: true });
    await eventually(() => expect(itemTitles(wrapper)[4]).toBe('Salary expectations'));
    expect(wrapper.get('section[aria-labelledby="agenda-items-heading"] [role="status"]').text()).toBe(
      'Moved “Salary expectations” to position 5 of 6.',
    );

    await wrapper.get('form.editor').trigger('submit');
    await eventually(() => expect(wrapper.text()).toContain('Agenda saved.'));
    const saved = await workspace.agendas.get(clientId, sessionId);
    expect(saved?.items.map((item) => item.title)).toEqual([
      'Check-in',
      'Review of last time’s commitments',
      'Main topic',
      'Next steps and commitments',
      'Salary expectations',
      'How was this session for you?',
    ]);
    expect(saved?.items[4]).toMatchObject({ minutes: 30, proposedBy: 'client' });
    expect(saved?.history.at(-1)?.summary).toBe('Added “Salary expectations”');

    await toStage(wrapper, 'Share & reply');
    expect(wrapper.get('form.editor').element.closest('[role="tabpanel"]')?.hasAttribute('hidden')).toBe(true);
    await button(wrapper, 'Share for review').trigger('click');
    await eventually(() => expect(wrapper.find('#agenda-share-text').exists()).toBe(true));
    const shared = (wrapper.get('#agenda-share-text').element as HTMLTextAreaElement).value;
    expect(shared).toContain('5. Salary expectations (30 min) — proposed by you');
    expect((await workspace.agendas.get(clientId, sessionId))?.sharedAt).not.toBeNull();
    await button(wrapper, 'Save as file…').trigger('click');
    await eventually(() => expect(calls.find((call) => call.method === 'saveTextFile')?.args[1]).toBe(shared));

    const reply = `Hi, a couple of changes!\n\n${shared
      .replace('5. Salary expectations (30 min) — proposed by you', '5. Salary expectations (20 min)')
      .replace(/^6\. How was this session.*$/m, '6. Practise the pitch (10 min)')}`;
    await wrapper.get('#agenda-reply-text').setValue(reply);
    await button(wrapper, 'Show changes').trigger('click');
    await eventually(() => expect(wrapper.findAll('.changes li')).toHaveLength(3));
    expect(wrapper.get('.comments').text()).toBe('Before the items: Hi, a couple of changes!');
    expect(wrapper.find('.cautions').exists()).toBe(false);
    // Each change shows what it was and what it becomes.
    const retiming = wrapper.findAll('.changes fieldset').find((fieldset) => fieldset.text().includes('Changed “Salary expectations”'));
    expect(retiming?.get('.before .text').text()).toBe('Salary expectations (30 min)');
    expect(retiming?.get('.after .text').text()).toBe('Salary expectations (20 min)');
    // Nothing is accepted for the coach; a clean reply offers Accept all.
    expect(wrapper.findAll('.changes input[type="radio"]').some((input) => (input.element as HTMLInputElement).checked)).toBe(false);
    await button(wrapper, 'Accept all').trigger('click');
    // Keep the closing question (reject its removal); accept the new item and the re-timing.
    const removal = wrapper.findAll('.changes fieldset').find((fieldset) => fieldset.text().includes('Removed'));
    await removal?.findAll('input[type="radio"]')[1].setValue(true);
    await button(wrapper, 'Apply 2 accepted changes').trigger('click');
    await eventually(() => expect(wrapper.text()).toContain('Applied 2 of 3 changes.'));
    const applied = await workspace.agendas.get(clientId, sessionId);
    expect(applied?.items.map((item) => [item.title, item.minutes, item.proposedBy]).slice(4)).toEqual([
      ['Salary expectations', 20, 'client'],
      ['Practise the pitch', 10, 'client'],
      ['How was this session for you?', 5, 'coach'],
    ]);
    await toStage(wrapper, 'History');
    expect(wrapper.get('.history').text()).toContain('Amara Okafor');
    await toStage(wrapper, 'Prepare');
    await eventually(() => expect(itemTitles(wrapper)).toContain('Practise the pitch'));
    await toStage(wrapper, 'Share & reply');
    // The text shown for sharing follows the agenda at once, and Save writes the current one.
    await eventually(() =>
      expect((wrapper.get('#agenda-share-text').element as HTMLTextAreaElement).value).toContain(
        '6. Practise the pitch (10 min) — proposed by you',
      ),
    );
    await button(wrapper, 'Save as file…').trigger('click');
    await eventually(() => expect(calls.filter((call) => call.method === 'saveTextFile').at(-1)?.args[1]).toContain('Practise the pitch'));

    // Undo puts the agenda back exactly, in one step, and the history keeps both.
    await button(wrapper, 'Undo applying the reply').trigger('click');
    await eventually(() => expect(wrapper.text()).toContain('Undone: the agenda is back as it was before the reply.'));
    const undone = await workspace.agendas.get(clientId, sessionId);
    expect(undone?.items).toEqual(saved?.items);
    expect(undone?.history.at(-1)?.summary).toBe('Undid the changes applied from the client’s reply');
    await eventually(() =>
      expect((wrapper.get('#agenda-share-text').element as HTMLTextAreaElement).value).not.toContain('Practise the pitch'),
    );

    await wrapper.get('.reviewed input').setValue(true);
    await eventually(() => expect(wrapper.text()).toContain('Marked as reviewed with the client.'));
    expect((await workspace.agendas.get(clientId, sessionId))?.reviewedWithClientAt).toBe('2026-03-02T09:00:00.000Z');

    await button(wrapper, 'Print…').trigger('click');
    await eventually(() => expect(calls.at(-1)).toEqual({ method: 'print', args: [`/print/agenda/${clientId}/${sessionId}`] }));
    wrapper.unmount();
  });

  it('opens the stage that needs the coach, keeps the stage in the address, and opens After the session only once it has started', async () => {
    const { workspace, clientId } = await workspaceWithSession();
    const DAY = 24 * 60 * 60_000;
    const soon = await workspace.sessions.create(clientId, { startsAt: new Date(Date.now() + 7 * DAY).toISOString(), mode: 'phone' });
    const path = `/clients/${clientId}/sessions/${soon.id}/agenda`;
    const selected = (wrapper: Wrapper) => wrapper.get('[role="tab"][aria-selected="true"]').text();

    // Nothing prepared yet: Prepare; After the session says when it opens.
    const first = await mountAt(workspace, path);
    await eventually(() => expect(selected(first.wrapper)).toBe('1 Prepare'));
    await toStage(first.wrapper, 'After the session');
    expect(first.wrapper.text()).toContain('This stage opens when the session starts, on');
    expect(first.wrapper.find('select[id^="goal-met-"]').exists()).toBe(false);
    first.wrapper.unmount();

    // Shared and waiting for the reply: Share & reply.
    await workspace.agendas.save(clientId, soon.id, { goals: [{ text: 'Pick two employers' }], items: [] });
    await workspace.agendas.share(clientId, soon.id);
    const second = await mountAt(workspace, path);
    await eventually(() => expect(selected(second.wrapper)).toBe('2 Share & reply'));
    second.wrapper.unmount();

    // A stage named in the address wins, so reloading keeps it.
    const third = await mountAt(workspace, `${path}?stage=history`);
    await eventually(() => expect(selected(third.wrapper)).toBe('4 History'));
    third.wrapper.unmount();

    // After the start: After the session, with the goals to mark.
    const past = await workspace.sessions.create(clientId, { startsAt: new Date(Date.now() - DAY).toISOString(), mode: 'phone' });
    await workspace.agendas.save(clientId, past.id, { goals: [{ text: 'Pick two employers' }], items: [] });
    const fourth = await mountAt(workspace, `/clients/${clientId}/sessions/${past.id}/agenda`);
    await eventually(() => expect(selected(fourth.wrapper)).toBe('3 After the session'));
    expect(fourth.wrapper.get('select[id^="goal-met-"]').element).toBeInstanceOf(HTMLSelectElement);
    fourth.wrapper.unmount();
  });

  it('switches stage with unsaved changes without asking and without losing them', async () => {
    const { workspace, clientId, sessionId } = await workspaceWithSession();
    const { wrapper } = await mountAt(workspace, `/clients/${clientId}/sessions/${sessionId}/agenda?stage=prepare`);
    await eventually(() => expect(wrapper.find('form.editor').exists()).toBe(true));
    await button(wrapper, 'Add a goal').trigger('click');
    await wrapper.get('input[id^="goal-"]').setValue('Leave with a plan');
    const ask = vi.fn(() => false);
    vi.stubGlobal('confirm', ask);
    await toStage(wrapper, 'History');
    await toStage(wrapper, 'Prepare');
    vi.unstubAllGlobals();
    expect(ask).not.toHaveBeenCalled();
    expect((wrapper.get('input[id^="goal-"]').element as HTMLInputElement).value).toBe('Leave with a plan');
    expect(wrapper.text()).toContain('Unsaved changes');
    wrapper.unmount();
  });

  it('reorders by drag and drop', async () => {
    const { workspace, clientId, sessionId } = await workspaceWithSession();
    await workspace.agendas.save(clientId, sessionId, {
      goals: [],
      items: ['First', 'Second', 'Third'].map((title) => ({ title, minutes: 10, proposedBy: 'coach' as const })),
    });
    const { wrapper } = await mountAt(workspace, `/clients/${clientId}/sessions/${sessionId}/agenda?stage=prepare`);
    await eventually(() => expect(itemTitles(wrapper)).toEqual(['First', 'Second', 'Third']));
    await wrapper.findAll('.handle')[2].trigger('dragstart');
    await wrapper.findAll('li.item')[0].trigger('drop');
    await eventually(() => expect(itemTitles(wrapper)).toEqual(['Third', 'First', 'Second']));
    await wrapper.get('form.editor').trigger('submit');
    await eventually(() => expect(wrapper.text()).toContain('Agenda saved.'));
    expect((await workspace.agendas.get(clientId, sessionId))?.history.at(-1)?.summary).toBe('Reordered the items');
    wrapper.unmount();
  });

  it('shows save errors from the workspace without losing the draft', async () => {
    const { workspace, clientId, sessionId } = await workspaceWithSession();
    const { wrapper } = await mountAt(workspace, `/clients/${clientId}/sessions/${sessionId}/agenda?stage=prepare`);
    await eventually(() => expect(wrapper.find('h1').text()).toBe('Agenda for Amara Okafor'));
    await button(wrapper, 'Add an item').trigger('click');
    await wrapper.get('form.editor').trigger('submit');
    await eventually(() => expect(wrapper.find('[role="alert"]').text()).toBe('An agenda item needs a title.'));
    expect(itemTitles(wrapper)).toEqual(['']);
    expect(await workspace.agendas.get(clientId, sessionId)).toBeNull();
    wrapper.unmount();
  });

  it('prints the agenda with the coach’s details and sets printReady', async () => {
    const { workspace, clientId, sessionId } = await workspaceWithSession();
    await workspace.settings.update({
      coachName: 'Sam Rivera',
      businessName: 'Rivera Coaching',
      contactLine: 'sam@example.com',
      paperSize: 'Letter',
    });
    await workspace.agendas.save(clientId, sessionId, {
      goals: [{ text: 'Agree on three target employers' }],
      items: [
        { title: 'Check-in', minutes: 10, proposedBy: 'coach' },
        { title: 'Salary', details: 'Range first.', minutes: 20, proposedBy: 'client' },
      ],
    });
    delete document.body.dataset.printReady;
    const { wrapper } = await mountAt(workspace, `/print/agenda/${clientId}/${sessionId}`);
    await eventually(() => expect(document.body.dataset.printReady).toBe('true'));
    const text = wrapper.text();
    for (const expected of [
      'Sam Rivera',
      'Rivera Coaching',
      'sam@example.com',
      'Agenda for Amara Okafor',
      'Video call · Zoom',
      'Agree on three target employers',
      'Range first.',
      'proposed by you',
      'proposed by Sam',
    ]) {
      expect(text).toContain(expected);
    }
    // The client's copy: "you" and the coach's first name, never their full names as proposers.
    expect(text).not.toContain('proposed by Amara');
    expect(text).not.toContain('proposed by Sam Rivera');
    expect(wrapper.findAll('.item .item-head').map((head) => [head.get('.title').text(), head.get('.minutes').text()])).toEqual([
      ['Check-in', '10 min'],
      ['Salary', '20 min'],
    ]);
    expect(wrapper.get('.print-agenda').classes()).toContain('paper-letter');
    wrapper.unmount();
  });
});
