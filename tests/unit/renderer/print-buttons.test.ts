// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { printFailure } from '../../../electron/shell/print-result';
import PrintButtons from '../../../renderer/src/components/goals/PrintButtons.vue';
import FeedbackSheetButtons from '../../../renderer/src/components/trust/FeedbackSheetButtons.vue';
import { mountWithWorkspace } from '../../helpers/mount';
import { recordingDesktop } from '../../helpers/recording-desktop';
import { testWorkspace } from '../../helpers/workspace-api';
import { eventually } from './support';

/** A desktop whose first "Save as PDF" answers only when the test says so. */
function desktopHoldingFirstPdf() {
  const { desktop } = recordingDesktop();
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let first = true;
  desktop.saveAsPdf = async (...args: unknown[]) => {
    if (!first) return `/home/coach/${String(args[0]).split('/').at(-1)}.pdf`;
    first = false;
    await gate;
    return '/home/coach/first.pdf';
  };
  return { desktop, release };
}

const failure = printFailure(false, 'Printer is offline')!;

describe('FeedbackSheetButtons', () => {
  it('says nothing under the next client about the previous client’s sheet', async () => {
    const workspace = await testWorkspace();
    const amara = await workspace.clients.create({ name: 'Amara Okafor' });
    const bruno = await workspace.clients.create({ name: 'Bruno Silva' });
    const { desktop, release } = desktopHoldingFirstPdf();
    desktop.print = () => Promise.reject(failure);
    const { wrapper } = await mountWithWorkspace(FeedbackSheetButtons, workspace, { clientId: amara.id }, { desktop });
    const button = (text: string) => wrapper.findAll('button').find((candidate) => candidate.text() === text)!;

    await button('Print feedback sheet…').trigger('click');
    await eventually(() => expect(wrapper.get('[role="alert"]').text()).toBe(failure.message));
    await wrapper.setProps({ clientId: bruno.id });
    expect(wrapper.find('[role="alert"]').exists()).toBe(false);

    await wrapper.setProps({ clientId: amara.id });
    await button('Save feedback sheet as PDF…').trigger('click');
    await wrapper.setProps({ clientId: bruno.id });
    release();
    await eventually(() => expect(wrapper.get('button').attributes('disabled')).toBeUndefined());
    await flushPromises();
    expect(wrapper.get('[role="status"]').text()).toBe('');

    await button('Save feedback sheet as PDF…').trigger('click');
    await eventually(() => expect(wrapper.get('[role="status"]').text()).toBe(`Saved as /home/coach/${bruno.id}.pdf`));
  });
});

describe('PrintButtons', () => {
  it('says nothing about one sheet beside the next one', async () => {
    const workspace = await testWorkspace();
    const { desktop, release } = desktopHoldingFirstPdf();
    desktop.print = () => Promise.reject(failure);
    const props = { route: '/print/goals/a', fileName: 'Goals A', what: 'all active goals' };
    const { wrapper } = await mountWithWorkspace(PrintButtons, workspace, props, { desktop });
    const button = (text: string) => wrapper.findAll('button').find((candidate) => candidate.text().startsWith(text))!;

    await button('Print…').trigger('click');
    await eventually(() => expect(wrapper.get('[role="alert"]').text()).toBe(failure.message));
    await wrapper.setProps({ route: '/print/goals/b', fileName: 'Goals B' });
    expect(wrapper.find('[role="alert"]').exists()).toBe(false);

    await wrapper.setProps(props);
    await button('Save as PDF…').trigger('click');
    await wrapper.setProps({ route: '/print/goals/b', fileName: 'Goals B' });
    release();
    await eventually(() => expect(wrapper.get('button').attributes('disabled')).toBeUndefined());
    await flushPromises();
    expect(wrapper.get('[role="status"]').text()).toBe('');

    await button('Save as PDF…').trigger('click');
    await eventually(() => expect(wrapper.get('[role="status"]').text()).toBe('Saved as /home/coach/b.pdf'));
  });
});
