// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import CommitmentsPanel from '../../../../renderer/src/components/commitments/CommitmentsPanel.vue';
import NotesPanel from '../../../../renderer/src/components/notes/NotesPanel.vue';
import TerminologyPanel from '../../../../renderer/src/components/terminology/TerminologyPanel.vue';
import { testWorkspace } from '../../../helpers/workspace-api';
import { mountWithWorkspace, settle } from '../../../helpers/mount';

afterEach(() => {
  document.body.innerHTML = '';
});

function buttonNamed(wrapper: { findAll(selector: string): { text(): string; trigger(event: string): Promise<void> }[] }, name: string) {
  const button = wrapper.findAll('button').find((candidate) => candidate.text() === name);
  if (!button) throw new Error(`no button named ${name}`);
  return button;
}

describe('NotesPanel', () => {
  it('adds a note and renders it inert: the characters typed, no element', async () => {
    const workspace = await testWorkspace();
    const client = await workspace.clients.create({ name: 'Amara' });
    await workspace.terminology.create(client.id, { term: 'my practice', meaning: 'her business' });
    const { wrapper } = await mountWithWorkspace(NotesPanel, workspace, { clientId: client.id });
    expect(wrapper.text()).toContain('“my practice”');

    await wrapper.find('#new-note').setValue('Said: <img src=x onerror=alert(1)> and **smiled**');
    await wrapper.find('form').trigger('submit');
    await settle();

    const note = wrapper.find('[data-note-id]');
    expect(note.text()).toContain('<img src=x onerror=alert(1)>');
    expect(note.find('img').exists()).toBe(false);
    expect(note.find('strong').text()).toBe('smiled');
    expect((await workspace.clients.get(client.id)).notes).toHaveLength(1);
  });

  it('edits and deletes a note', async () => {
    const workspace = await testWorkspace();
    const client = await workspace.clients.create({ name: 'Ben' });
    await workspace.notes.create(client.id, 'First draft');
    const { wrapper } = await mountWithWorkspace(NotesPanel, workspace, { clientId: client.id });
    await buttonNamed(wrapper, 'Edit').trigger('click');
    await wrapper.find('textarea[id^="edit-"]').setValue('Second draft');
    await buttonNamed(wrapper, 'Save').trigger('click');
    await vi.waitFor(async () => expect((await workspace.clients.get(client.id)).notes[0].text).toBe('Second draft'));
    await buttonNamed(wrapper, 'Delete').trigger('click');
    await vi.waitFor(async () => expect((await workspace.clients.get(client.id)).notes).toEqual([]));
    expect(wrapper.text()).toContain('No notes yet.');
  });

  it('shows a coach-readable error for an empty note', async () => {
    const workspace = await testWorkspace();
    const client = await workspace.clients.create({ name: 'Chen' });
    const { wrapper } = await mountWithWorkspace(NotesPanel, workspace, { clientId: client.id });
    await wrapper.find('form').trigger('submit');
    await vi.waitFor(async () => expect(wrapper.find('[role="alert"]').text()).toBe('Please write something first.'));
  });
});

describe('TerminologyPanel', () => {
  it('adds, edits and removes the client’s words', async () => {
    const workspace = await testWorkspace();
    const client = await workspace.clients.create({ name: 'Dana' });
    const { wrapper } = await mountWithWorkspace(TerminologyPanel, workspace, { clientId: client.id });
    await wrapper.find('#new-term').setValue('my practice');
    await wrapper.find('#new-meaning').setValue('her business');
    await wrapper.find('form').trigger('submit');
    await vi.waitFor(async () => expect(wrapper.find('[data-term-id]').text()).toMatch(/“my practice”\s*means her business/));

    await wrapper.find('button[aria-label="Edit my practice"]').trigger('click');
    await wrapper.find('input[id^="term-"]').setValue('the studio');
    await buttonNamed(wrapper, 'Save').trigger('click');
    await vi.waitFor(async () => expect((await workspace.clients.get(client.id)).terminology.map((t) => t.term)).toEqual(['the studio']));

    await wrapper.find('button[aria-label="Remove the studio"]').trigger('click');
    await vi.waitFor(async () => expect((await workspace.clients.get(client.id)).terminology).toEqual([]));
  });

  it('shows the workspace’s message when the term is empty', async () => {
    const workspace = await testWorkspace();
    const client = await workspace.clients.create({ name: 'Eve' });
    const { wrapper } = await mountWithWorkspace(TerminologyPanel, workspace, { clientId: client.id });
    await wrapper.find('form').trigger('submit');
    await vi.waitFor(async () => expect(wrapper.find('[role="alert"]').text()).toContain('Please enter the client’s word or phrase.'));
  });
});

describe('CommitmentsPanel', () => {
  it('adds a commitment, marks it done, and shows a late one as Late', async () => {
    const workspace = await testWorkspace();
    const client = await workspace.clients.create({ name: 'Femi' });
    const late = await workspace.commitments.create(client.id, { text: 'Send intro email', owner: 'coach', dueDate: '2020-01-10' });
    await workspace.commitments.setDone(client.id, late.id, true);
    const { wrapper } = await mountWithWorkspace(CommitmentsPanel, workspace, { clientId: client.id });
    expect(wrapper.find(`li[data-timing="late"]`).text()).toContain('Late');

    await wrapper.find('input[type="text"]').setValue('Book a mock interview');
    await wrapper.find('select').setValue('client');
    await wrapper.find('form').trigger('submit');
    await settle();
    const [added] = await workspace.commitments.list(client.id);
    expect(added).toMatchObject({ text: 'Book a mock interview', owner: 'client', dueDate: null, doneAt: null });

    await wrapper.find(`#commitment-${added.id}-done`).setValue(true);
    await vi.waitFor(async () =>
      expect((await workspace.commitments.list(client.id)).find((c) => c.id === added.id)?.doneAt).not.toBeNull(),
    );
  });
});
