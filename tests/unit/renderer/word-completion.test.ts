// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { defineComponent, ref } from 'vue';
import TerminologyPanel from '../../../renderer/src/components/terminology/TerminologyPanel.vue';
import { vClientWords } from '../../../renderer/src/composables/client-words';
import { completionAt } from '../../../renderer/src/composables/word-vocabulary';
import { useVocabularyStore } from '../../../renderer/src/stores/vocabulary';
import { mountWithWorkspace, routerFor } from '../../helpers/mount';
import { testWorkspace } from '../../helpers/workspace-api';

/**
 * A field the way the app's forms have one: v-model on a draft, and the directive; the component
 * exposes a method, as GoalForm does (its directives then get a proxy of what it exposes).
 */
const Field = defineComponent({
  directives: { clientWords: vClientWords },
  props: { clientId: { type: String, default: undefined }, multiline: Boolean },
  expose: ['focus'],
  setup() {
    return { text: ref(''), focus: () => undefined };
  },
  template: `
    <form>
      <textarea v-if="multiline" v-model="text" v-client-words="clientId" aria-label="Note"></textarea>
      <input v-else v-model="text" v-client-words="clientId" type="text" aria-label="Title" />
      <button type="button">Next</button>
    </form>`,
});

async function setup(multiline = false) {
  const workspace = await testWorkspace();
  const client = await workspace.clients.create({ name: 'Amara Okafor' });
  await workspace.terminology.create(client.id, { term: 'Résumé', meaning: 'her CV' });
  await workspace.terminology.create(client.id, { term: 'portfolio career', meaning: '' });
  const mounted = await mountWithWorkspace(Field, workspace, { clientId: client.id, multiline });
  const field = mounted.wrapper.find<HTMLInputElement | HTMLTextAreaElement>(multiline ? 'textarea' : 'input').element;
  return { ...mounted, field, workspace, client };
}

/** Types as a browser does: the value changes, the caret follows, then the input event. */
function type(field: HTMLInputElement | HTMLTextAreaElement, text: string) {
  field.focus();
  for (const char of text) {
    const caret = field.selectionEnd ?? field.value.length;
    field.setRangeText(char, caret, caret, 'end');
    field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: char }));
  }
}

function press(field: HTMLElement, key: string, init: KeyboardEventInit = {}) {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
  field.dispatchEvent(event);
  return event;
}

const ghost = () => document.querySelector('[data-word-completion-suggestion]');
const status = () => document.querySelector('[data-word-completion-status]')?.textContent ?? '';

describe('v-client-words', () => {
  it('shows the rest of the client’s word after the caret and announces it politely', async () => {
    const { field } = await setup();
    expect(field.getAttribute('aria-autocomplete')).toBe('inline');
    type(field, 'Update the po');
    await vi.waitFor(() => expect(ghost()?.textContent).toBe('rtfolio careerTab'));
    expect(document.querySelector('[data-word-completion-status]')?.getAttribute('aria-live')).toBe('polite');
    expect(status()).toBe('Their word: portfolio career. Press Tab to use it.');
    expect(document.activeElement).toBe(field);
  });

  it('Tab completes the word into the model, and only the word', async () => {
    const { field, wrapper } = await setup();
    type(field, 'Send the resu');
    await vi.waitFor(() => expect(ghost()).not.toBeNull());
    const tab = press(field, 'Tab');
    expect(tab.defaultPrevented).toBe(true);
    expect(field.value).toBe('Send the résumé');
    expect((wrapper.vm as unknown as { text: string }).text).toBe('Send the résumé');
    expect(field.selectionEnd).toBe('Send the résumé'.length);
    expect(ghost()?.isConnected ?? false).toBe(false);
  });

  it('→ accepts too; Escape dismisses and typing on does not bring the word back', async () => {
    const { field } = await setup();
    type(field, 'my po');
    await vi.waitFor(() => expect(ghost()).not.toBeNull());
    expect(press(field, 'ArrowRight').defaultPrevented).toBe(true);
    expect(field.value).toBe('my portfolio career');

    type(field, ' and RE');
    expect(ghost()?.textContent).toBe('SUMÉTab');
    const escape = press(field, 'Escape');
    expect(escape.defaultPrevented).toBe(true);
    expect(ghost()).toBeNull();
    type(field, 'S');
    expect(ghost()).toBeNull();
    expect(field.value).toBe('my portfolio career and RES');
  });

  it('keeps Escape from a dialog around the field while it dismisses a suggestion, and only then', async () => {
    const { field } = await setup();
    const heard: string[] = [];
    const dialogListener = (event: KeyboardEvent) => heard.push(event.key);
    document.addEventListener('keydown', dialogListener, true);
    try {
      type(field, 'po');
      press(field, 'Escape');
      expect(ghost()).toBeNull();
      expect(heard).toEqual([]);
      press(field, 'Escape');
      expect(heard).toEqual(['Escape']);
    } finally {
      document.removeEventListener('keydown', dialogListener, true);
    }
  });

  it('leaves Tab alone when nothing is suggested', async () => {
    const { field } = await setup();
    type(field, 'Send the p');
    expect(ghost()).toBeNull();
    expect(press(field, 'Tab').defaultPrevented).toBe(false);
    expect(press(field, 'ArrowRight').defaultPrevented).toBe(false);
  });

  it('ignores typing while an input method composes', async () => {
    const { field } = await setup();
    field.dispatchEvent(new CompositionEvent('compositionstart'));
    field.value = 'po';
    field.setSelectionRange(2, 2);
    field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertCompositionText', isComposing: true }));
    expect(ghost()).toBeNull();
    field.dispatchEvent(new CompositionEvent('compositionend'));
    expect(ghost()?.textContent).toBe('rtfolio careerTab');
  });

  it('offers nothing after a deletion, and hides when the field loses focus', async () => {
    const { field } = await setup(true);
    type(field, 'port');
    expect(ghost()).not.toBeNull();
    field.setRangeText('', 3, 4, 'end');
    field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'deleteContentBackward' }));
    expect(ghost()).toBeNull();
    type(field, 't');
    expect(ghost()).not.toBeNull();
    field.dispatchEvent(new FocusEvent('blur'));
    expect(ghost()).toBeNull();
    expect(status()).toBe('');
  });

  it('cleans up when the field goes', async () => {
    const { field, wrapper } = await setup();
    type(field, 'po');
    expect(ghost()).not.toBeNull();
    wrapper.unmount();
    expect(ghost()).toBeNull();
    expect(field.hasAttribute('aria-autocomplete')).toBe(false);
  });
});

describe('v-client-words without a client id', () => {
  it('offers the words of the client in the address, even in a component that exposes a method', async () => {
    const workspace = await testWorkspace();
    const client = await workspace.clients.create({ name: 'Amara Okafor' });
    await workspace.terminology.create(client.id, { term: 'side hustle', meaning: '' });
    const router = routerFor();
    await router.push(`/clients/${client.id}`);
    const { wrapper } = await mountWithWorkspace(Field, workspace, {}, { router });
    const field = wrapper.get<HTMLInputElement>('input').element;
    await vi.waitFor(() => {
      field.value = '';
      type(field, 'a si');
      expect(ghost()?.textContent).toBe('de hustleTab');
    });
  });
});

describe('the vocabulary store', () => {
  it('offers a word the coach has just added to the client’s terminology', async () => {
    const workspace = await testWorkspace();
    const client = await workspace.clients.create({ name: 'Amara Okafor' });
    const { wrapper, pinia } = await mountWithWorkspace(TerminologyPanel, workspace, { clientId: client.id });
    const store = useVocabularyStore(pinia);
    await store.ensure(client.id);
    expect(completionAt(store.vocabularyOf(client.id), 'my cr', 5)).toBeNull();

    await wrapper.get('#new-term').setValue('my crew');
    await wrapper.get('form').trigger('submit');
    await vi.waitFor(() => expect(completionAt(store.vocabularyOf(client.id), 'my cr', 5)).toMatchObject({ replacement: 'crew' }));
  });

  it('builds a client’s vocabulary once, not per lookup', async () => {
    const workspace = await testWorkspace();
    const client = await workspace.clients.create({ name: 'Amara Okafor' });
    await workspace.terminology.create(client.id, { term: 'my crew', meaning: '' });
    const { pinia } = await mountWithWorkspace(TerminologyPanel, workspace, { clientId: client.id });
    const store = useVocabularyStore(pinia);
    await store.ensure(client.id);
    expect(store.vocabularyOf(client.id)).toBe(store.vocabularyOf(client.id));
  });
});
