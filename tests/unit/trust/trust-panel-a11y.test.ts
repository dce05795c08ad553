// @vitest-environment happy-dom
import axe from 'axe-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import TrustPanel from '../../../renderer/src/components/trust/TrustPanel.vue';
import { testWorkspace } from '../../helpers/workspace-api';
import { mountWithWorkspace } from '../../helpers/mount';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('TrustPanel accessibility', () => {
  it('has no serious or critical axe violations with ratings, trend and questions shown', async () => {
    const workspace = await testWorkspace();
    const client = await workspace.clients.create({ name: 'Amara Okafor', status: 'active' });
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
    const { wrapper } = await mountWithWorkspace(TrustPanel, workspace, { clientId: client.id });
    await vi.waitFor(() => expect(wrapper.find('#client-questions-heading').exists()).toBe(true));

    // Colour contrast needs real layout, which happy-dom lacks; the e2e scan covers it.
    const results = await axe.run(wrapper.element, { rules: { 'color-contrast': { enabled: false } } });
    const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
    expect(serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});
