// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import QuestionBankView from '../../../renderer/src/views/QuestionBankView.vue';
import TrustOverviewView from '../../../renderer/src/views/TrustOverviewView.vue';
import FeedbackSheetPrintView from '../../../renderer/src/views/print/FeedbackSheetPrintView.vue';
import { hasUnsavedChanges } from '../../../renderer/src/composables/unsaved-changes';
import { routes } from '../../../renderer/src/router';
import { STARTER_QUESTIONS } from '../../../shared/questions/starter';
import { testWorkspace } from '../../helpers/workspace-api';
import { mountWithWorkspace } from '../../helpers/mount';

afterEach(() => {
  document.body.innerHTML = '';
  delete document.body.dataset.printReady;
  delete document.body.dataset.printFailure;
});

const rating = (credibility: number, reliability: number, intimacy: number, selfOrientation: number) => ({
  credibility,
  reliability,
  intimacy,
  selfOrientation,
});

describe('routes', () => {
  it('registers the trust pages and the print-only feedback sheet', () => {
    const byPath = Object.fromEntries(routes.map((route) => [route.path, route]));
    expect(byPath['/trust']?.name).toBe('trust-overview');
    expect(byPath['/questions']?.name).toBe('question-bank');
    expect(byPath['/print/feedback/:clientId']?.meta).toEqual({ print: true });
  });
});

describe('TrustOverviewView', () => {
  it('lists active clients and sorts by any column', async () => {
    const workspace = await testWorkspace({ now: () => new Date('2026-06-30T12:00:00.000Z') });
    const amara = await workspace.clients.create({ name: 'Amara', status: 'active' });
    const ben = await workspace.clients.create({ name: 'Ben', status: 'active' });
    await workspace.clients.create({ name: 'Cara', status: 'active' });
    await workspace.assessments.create(amara.id, { date: '2026-06-01', source: 'coach', ...rating(7, 8, 5, 4) });
    await workspace.assessments.create(ben.id, { date: '2026-03-01', source: 'client', ...rating(6, 3, 3, 8) });
    await workspace.assessments.create(ben.id, { date: '2026-03-20', source: 'client', ...rating(6, 5, 5, 8) });

    const { wrapper } = await mountWithWorkspace(TrustOverviewView, workspace);
    await vi.waitFor(() => expect(wrapper.findAll('tbody tr')).toHaveLength(3));
    const names = () => wrapper.findAll('tbody th').map((cell) => cell.text());
    // Default: trust ascending, unrated last.
    expect(names()).toEqual(['Ben', 'Amara', 'Cara']);
    const benRow = wrapper
      .findAll('tbody tr')[0]
      .findAll('td')
      .map((cell) => cell.text());
    expect(benRow.slice(1, 3)).toEqual(['Up 0.5', 'Self-orientation']);
    // The quotient and its band are two parts of one cell, spaced by the cell's gap.
    expect(
      wrapper
        .findAll('tbody tr')[0]
        .findAll('td .cell > span')
        .map((part) => part.text()),
    ).toEqual(['2.0', 'Low', expect.stringContaining('· Client feedback'), 'Out of date']);
    expect(benRow[3]).toContain('Out of date');

    const trustHeader = wrapper.findAll('thead th')[1];
    expect(trustHeader.attributes('aria-sort')).toBe('ascending');
    await trustHeader.find('button').trigger('click');
    expect(trustHeader.attributes('aria-sort')).toBe('descending');
    expect(names()).toEqual(['Amara', 'Ben', 'Cara']);
    await wrapper.findAll('thead th')[0].find('button').trigger('click');
    expect(names()).toEqual(['Amara', 'Ben', 'Cara']);
    await wrapper.findAll('thead th')[0].find('button').trigger('click');
    expect(names()).toEqual(['Cara', 'Ben', 'Amara']);
  });
});

describe('QuestionBankView', () => {
  it('adds, rewords and hides questions in the real workspace', async () => {
    const workspace = await testWorkspace();
    const { wrapper } = await mountWithWorkspace(QuestionBankView, workspace);
    await vi.waitFor(() => expect(wrapper.findAll('li.question')).toHaveLength(STARTER_QUESTIONS.length));

    await wrapper.find('form[aria-labelledby="add-question-heading"]').trigger('submit');
    expect(wrapper.find('#new-question-error').text()).toBe('Please write the question.');
    expect(wrapper.find('#new-question-text').attributes('aria-invalid')).toBe('true');

    await wrapper.find('#new-question-text').setValue('What would you do with a free year?');
    await wrapper.find('#new-question-group').setValue('values-and-motivation');
    await wrapper.find('form[aria-labelledby="add-question-heading"]').trigger('submit');
    await vi.waitFor(async () => expect(await workspace.questions.list()).toHaveLength(STARTER_QUESTIONS.length + 1));
    expect((await workspace.questions.list()).at(-1)).toMatchObject({ group: 'values-and-motivation', origin: 'custom' });

    const first = () => wrapper.findAll('li.question')[0];
    await first().findAll('button')[0].trigger('click');
    await first().find('input').setValue('What makes a weekend good for you?');
    await first().find('form').trigger('submit');
    await vi.waitFor(async () =>
      expect((await workspace.questions.list())[0]).toMatchObject({ text: 'What makes a weekend good for you?', edited: true }),
    );
    await vi.waitFor(() => expect(first().text()).toContain('Reworded'));

    const hide = first()
      .findAll('button')
      .find((button) => button.text().startsWith('Hide'));
    await hide?.trigger('click');
    await vi.waitFor(async () => expect((await workspace.questions.list())[0].hidden).toBe(true));
    await vi.waitFor(() => expect(wrapper.findAll('li.question')).toHaveLength(STARTER_QUESTIONS.length));
    expect(wrapper.text()).toContain('Show hidden questions (1)');
  });

  it('counts a half-typed or reworded question as unsaved for the leave guard', async () => {
    const workspace = await testWorkspace();
    const { wrapper } = await mountWithWorkspace(QuestionBankView, workspace);
    await vi.waitFor(() => expect(wrapper.findAll('li.question')).toHaveLength(STARTER_QUESTIONS.length));
    expect(hasUnsavedChanges()).toBe(false);

    await wrapper.find('#new-question-text').setValue('What would you do with a free year?');
    expect(hasUnsavedChanges()).toBe(true);
    await wrapper.find('form[aria-labelledby="add-question-heading"]').trigger('submit');
    await vi.waitFor(() => expect(wrapper.find('[role="status"]').text()).toBe('Added to Getting to know you.'));
    expect(hasUnsavedChanges()).toBe(false);

    const first = () => wrapper.findAll('li.question')[0];
    await first().findAll('button')[0].trigger('click');
    expect(hasUnsavedChanges()).toBe(false);
    await first().find('input').setValue('What makes a weekend good for you?');
    expect(hasUnsavedChanges()).toBe(true);
    wrapper.unmount();
    expect(hasUnsavedChanges()).toBe(false);
  });
});

describe('FeedbackSheetPrintView', () => {
  it('prints four statements for the client and signals it is ready', async () => {
    const workspace = await testWorkspace();
    await workspace.settings.update({ coachName: 'Jo Rivera' });
    const client = await workspace.clients.create({ name: 'Amara Okafor', preferredName: 'Amara' });
    const { wrapper } = await mountWithWorkspace(FeedbackSheetPrintView, workspace, { clientId: client.id });
    await vi.waitFor(() => expect(document.body.dataset.printReady).toBe('true'));
    await vi.waitFor(() => expect(wrapper.findAll('.statements li')).toHaveLength(4));
    expect(wrapper.text()).toContain('For Amara, from Jo');
    expect(
      wrapper
        .findAll('.statements li')[0]
        .findAll('.box')
        .map((box) => box.text()),
    ).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
  });

  it('says so when the client does not exist, and tells the host why it cannot be printed', async () => {
    const workspace = await testWorkspace();
    const { wrapper } = await mountWithWorkspace(FeedbackSheetPrintView, workspace, { clientId: '00000000-0000-4000-8000-000000000000' });
    await vi.waitFor(() => expect(document.body.dataset.printFailure).toBeDefined());
    expect(wrapper.find('[role="alert"]').text()).toContain('no longer exists');
    expect(JSON.parse(document.body.dataset.printFailure ?? '')).toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('no longer exists'),
    });
    expect(document.body.dataset.printReady).toBeUndefined();
  });
});
