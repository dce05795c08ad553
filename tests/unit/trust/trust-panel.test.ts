// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import TrustPanel from '../../../renderer/src/components/trust/TrustPanel.vue';
import { localIsoDate } from '../../../shared/dates';
import { testWorkspace } from '../../helpers/workspace-api';
import { mountWithWorkspace } from '../../helpers/mount';

afterEach(() => {
  document.body.innerHTML = '';
});

async function setup() {
  const workspace = await testWorkspace();
  const client = await workspace.clients.create({ name: 'Amara Okafor', preferredName: 'Amara', status: 'active' });
  return { workspace, client };
}

describe('TrustPanel', () => {
  it('shows the latest ratings, balance, focus with links, and the trend as a table', async () => {
    const { workspace, client } = await setup();
    await workspace.assessments.create(client.id, {
      date: '2026-01-10',
      source: 'coach',
      credibility: 6,
      reliability: 3,
      intimacy: 3,
      selfOrientation: 8,
    });
    await workspace.assessments.create(client.id, {
      date: '2026-02-10',
      source: 'client',
      credibility: 7,
      reliability: 8,
      intimacy: 5,
      selfOrientation: 4,
    });
    const { wrapper, desktopCalls } = await mountWithWorkspace(TrustPanel, workspace, { clientId: client.id });
    await vi.waitFor(() => expect(wrapper.find('#trust-score-coach').exists()).toBe(true));

    expect(wrapper.find('#trust-score-coach').element.closest('section')?.textContent).toContain('1.5');
    const clientCard = wrapper.find('[aria-labelledby="trust-score-client"]');
    expect(clientCard.text()).toContain('5.0');
    expect(clientCard.text()).toContain('a little uneven');
    // 7, 8, 5 and 4: the quotient in its band, the part that needs work in words, and the trend.
    expect(clientCard.get('[data-testid="trust-band"]').text()).toBe('Middling');
    expect(clientCard.get('[data-testid="trust-meaning"]').text()).toBe(
      'Middling (3 to under 8). The client trusts you in part; one part is usually holding the rest back.',
    );
    expect(clientCard.get('[data-testid="trust-reading"]').text()).toContain('Needs work: Intimacy is the lowest of the three (5 of 10).');
    expect(clientCard.get('[data-testid="trust-change"]').text()).toBe('First assessment.');
    expect(wrapper.find('[aria-labelledby="trust-score-coach"] [data-testid="trust-band"]').text()).toBe('Low');
    expect(wrapper.text()).not.toMatch(/points? ahead/);
    const focus = wrapper.find('[aria-labelledby="trust-focus-heading"]');
    expect(focus.text()).toContain('Suggested focus: Intimacy');
    expect(focus.findAll('a').map((link) => link.attributes('href'))).toContain(`/clients/${client.id}?tab=trust`);
    const rows = wrapper.findAll('.assessment-table tbody tr').map((row) => row.findAll('td').map((cell) => cell.text()));
    expect(rows.map((row) => row.slice(1, 3))).toEqual([
      ['Your rating', '1.5'],
      ['Client feedback', '5.0'],
    ]);
    expect(wrapper.find('svg[role="img"] desc').text()).toContain('Your rating: 1.5');
    const saveAsPdf = wrapper.findAll('button').find((button) => button.text() === 'Save feedback sheet as PDF…');
    await saveAsPdf?.trigger('click');
    expect(desktopCalls).toEqual([{ method: 'saveAsPdf', args: [`/print/feedback/${client.id}`, 'Feedback sheet.pdf'] }]);
  });

  it('saves a quick rating dated today and updates the quotient', async () => {
    const { workspace, client } = await setup();
    const { wrapper } = await mountWithWorkspace(TrustPanel, workspace, { clientId: client.id });
    await vi.waitFor(() => expect(wrapper.find('form.quick-rating').exists()).toBe(true));
    expect(wrapper.text()).toContain('No ratings yet');

    await wrapper.find('#quick-rating-credibility').setValue('7');
    await wrapper.find('#quick-rating-reliability').setValue('8');
    await wrapper.find('#quick-rating-intimacy').setValue('5');
    await wrapper.find('#quick-rating-selfOrientation').setValue('4');
    await wrapper.find('input[value="client"]').setValue(true);
    await wrapper.find('form.quick-rating').trigger('submit');

    await vi.waitFor(async () => expect(await workspace.assessments.list(client.id)).toHaveLength(1));
    const [saved] = await workspace.assessments.list(client.id);
    expect(saved).toMatchObject({ source: 'client', date: localIsoDate(new Date()), credibility: 7, selfOrientation: 4 });
    await vi.waitFor(() => expect(wrapper.find('[aria-labelledby="trust-score-client"]').text()).toContain('5.0'));
    expect(wrapper.find('form.quick-rating [role="status"]').text()).toBe('Client feedback saved.');
  });

  it('marks invalid ratings and saves nothing', async () => {
    const { workspace, client } = await setup();
    const { wrapper } = await mountWithWorkspace(TrustPanel, workspace, { clientId: client.id });
    await vi.waitFor(() => expect(wrapper.find('form.quick-rating').exists()).toBe(true));
    for (const [field, value] of [
      ['credibility', '11'],
      ['reliability', '5'],
      ['intimacy', '5'],
      ['selfOrientation', ''],
    ]) {
      await wrapper.find(`#quick-rating-${field}`).setValue(value);
    }
    await wrapper.find('form.quick-rating').trigger('submit');
    const credibility = wrapper.find('#quick-rating-credibility');
    expect(credibility.attributes('aria-invalid')).toBe('true');
    expect(credibility.attributes('aria-describedby')).toContain('quick-rating-credibility-error');
    expect(wrapper.find('#quick-rating-credibility-error').text()).toBe('Please enter a whole number from 1 to 10.');
    expect(wrapper.find('#quick-rating-selfOrientation').attributes('aria-invalid')).toBe('true');
    expect(wrapper.find('#quick-rating-reliability').attributes('aria-invalid')).toBeUndefined();
    expect(await workspace.assessments.list(client.id)).toEqual([]);
  });

  it('shows main refusing a rating as an alert and keeps the form filled in', async () => {
    const { workspace, client } = await setup();
    const { wrapper } = await mountWithWorkspace(TrustPanel, workspace, { clientId: client.id });
    await vi.waitFor(() => expect(wrapper.find('form.quick-rating').exists()).toBe(true));
    for (const field of ['credibility', 'reliability', 'intimacy', 'selfOrientation']) {
      await wrapper.find(`#quick-rating-${field}`).setValue('6');
    }
    const tomorrow = new Date();
    tomorrow.setDate(tomorrow.getDate() + 1);
    await wrapper.find('#quick-rating-date').setValue(localIsoDate(tomorrow));
    await wrapper.find('#quick-rating-note').setValue('After the second session');
    await wrapper.find('form.quick-rating').trigger('submit');

    const message = 'An assessment cannot be dated in the future. Please use today’s date or an earlier one.';
    await vi.waitFor(() => expect(wrapper.find('form.quick-rating [role="alert"]').text()).toBe(message));
    expect(wrapper.find('#quick-rating-date').attributes('aria-invalid')).toBe('true');
    expect(wrapper.find('#quick-rating-date-error').text()).toBe(message);
    expect((wrapper.find('#quick-rating-note').element as HTMLInputElement).value).toBe('After the second session');
    expect(await workspace.assessments.list(client.id)).toEqual([]);
  });

  it('marks a suggested question asked and can undo it', async () => {
    const { workspace, client } = await setup();
    const { wrapper } = await mountWithWorkspace(TrustPanel, workspace, { clientId: client.id });
    await vi.waitFor(() => expect(wrapper.find('#client-questions-heading').exists()).toBe(true));
    const first = wrapper.find('#questions .question');
    const text = first.find('.text').text();
    await first.find('input').setValue('Walks in the Peak District');
    await first.find('button').trigger('click');

    await vi.waitFor(async () => expect((await workspace.questions.forClient(client.id)).asked).toHaveLength(1));
    const [asked] = (await workspace.questions.forClient(client.id)).asked;
    expect(asked).toMatchObject({ text, note: 'Walks in the Peak District' });
    await vi.waitFor(() => expect(wrapper.findAll('#questions .question .text').filter((node) => node.text() === text)).toHaveLength(1));

    const undo = wrapper.findAll('#questions button').find((button) => button.text().startsWith('Undo'));
    await undo?.trigger('click');
    await vi.waitFor(async () => expect((await workspace.questions.forClient(client.id)).asked).toEqual([]));
  });

  it('removes an assessment only after the coach confirms', async () => {
    const { workspace, client } = await setup();
    const kept = await workspace.assessments.create(client.id, {
      date: '2026-01-10',
      source: 'coach',
      credibility: 6,
      reliability: 3,
      intimacy: 3,
      selfOrientation: 8,
    });
    const mistaken = await workspace.assessments.create(client.id, {
      date: '2026-02-10',
      source: 'coach',
      credibility: 2,
      reliability: 2,
      intimacy: 2,
      selfOrientation: 9,
    });
    const { wrapper } = await mountWithWorkspace(TrustPanel, workspace, { clientId: client.id });
    await vi.waitFor(() => expect(wrapper.find(`#remove-${mistaken.id}`).exists()).toBe(true));

    await wrapper.find(`#remove-${mistaken.id}`).trigger('click');
    await wrapper.find(`#keep-${mistaken.id}`).trigger('click');
    expect(await workspace.assessments.list(client.id)).toHaveLength(2);

    await wrapper.find(`#remove-${mistaken.id}`).trigger('click');
    const confirm = wrapper.findAll('.assessment-table button').find((button) => button.text().startsWith('Yes, remove'));
    await confirm?.trigger('click');
    await vi.waitFor(async () => expect((await workspace.assessments.list(client.id)).map((entry) => entry.id)).toEqual([kept.id]));
    await vi.waitFor(() => expect(wrapper.find('#trust-score-coach').element.closest('section')?.textContent).toContain('1.5'));
    expect(wrapper.find('.assessment-table [role="status"]').text()).toMatch(/^Removed your rating of /);
  });
});
