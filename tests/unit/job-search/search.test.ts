import { describe, expect, it } from 'vitest';
import { testWorkspace } from '../../helpers/workspace-api';

describe('search over the job search', () => {
  it('finds organisation, role, notes, contacts, next action and criteria, opening the Job search tab', async () => {
    const workspace = await testWorkspace();
    const { id: clientId } = await workspace.clients.create({ name: 'Amara Okafor' });
    const app = await workspace.jobSearch.createApplication(clientId, {
      organisation: 'Quillfeather Ltd',
      role: 'Cartographer',
      notes: 'Referred by a zephyrine friend',
    });
    await workspace.jobSearch.addContact(clientId, app.id, { name: 'Oswin Marchbank', role: 'Talent partner' });
    await workspace.jobSearch.setNextAction(clientId, app.id, { text: 'Draft a portfolio of sextant maps', dueDate: null });
    await workspace.jobSearch.addCriterion(clientId, { label: 'Mentorship', weight: 3 });
    for (const [query, field] of [
      ['quillfeather', 'organisation'],
      ['cartographer', 'role'],
      ['zephyrine', 'notes'],
      ['marchbank', 'contactName'],
      ['sextant', 'nextAction'],
      ['mentorship', 'criterion'],
    ] as const) {
      const hits = await workspace.search.query(query);
      expect(hits, query).toEqual([
        expect.objectContaining({ clientId, kind: 'application', field, target: expect.objectContaining({ tab: 'job-search' }) }),
      ]);
      if (field !== 'criterion') expect(hits[0].target.id).toBe(app.id);
    }
    await workspace.jobSearch.removeApplication(clientId, app.id);
    expect(await workspace.search.query('quillfeather')).toEqual([]);
  });
});
