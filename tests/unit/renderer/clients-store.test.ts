import { describe, expect, it } from 'vitest';
import { RapportError } from '../../../shared/errors';
import { useClientsStore } from '../../../renderer/src/stores/clients';
import { useSettingsStore } from '../../../renderer/src/stores/settings';
import { testWorkspace } from '../../helpers/workspace-api';
import { storeContext } from './support';

const now = () => new Date('2026-03-02T09:00:00.000Z');

describe('the clients store', () => {
  it('loads the summaries main lists, in its order', async () => {
    const workspace = await testWorkspace({ now });
    await workspace.clients.create({ name: 'Zoë Adams' });
    await workspace.clients.create({ name: 'Amara Okafor' });
    storeContext(workspace);
    const store = useClientsStore();

    expect(store.loaded).toBe(false);
    await store.ensureLoaded();
    expect(store.loaded).toBe(true);
    expect(store.summaries).toEqual(await workspace.clients.list());
  });

  it('keeps the list in step with main after every change', async () => {
    const workspace = await testWorkspace({ now });
    storeContext(workspace);
    const store = useClientsStore();
    await store.load();

    const bo = await store.create({ name: 'Bo Lindqvist', status: 'active' });
    const amara = await store.create({ name: 'Amara Okafor' });
    expect(store.summaries).toEqual(await workspace.clients.list());
    expect(store.summaries.map((summary) => summary.name)).toEqual(['Amara Okafor', 'Bo Lindqvist']);

    await store.update(bo.id, { name: 'Ada Bo', tags: ['mentoring'] });
    expect(store.summaries).toEqual(await workspace.clients.list());
    expect(store.details[bo.id]).toEqual(await workspace.clients.get(bo.id));

    await store.archive(amara.id);
    expect(store.summary(amara.id)?.status).toBe('archived');
    await store.unarchive(amara.id);
    expect(store.summary(amara.id)?.status).toBe('prospect');
    expect(store.summaries).toEqual(await workspace.clients.list());
  });

  it('rejects with main’s RapportError and changes nothing', async () => {
    const workspace = await testWorkspace({ now });
    storeContext(workspace);
    const store = useClientsStore();
    const amara = await store.create({ name: 'Amara Okafor' });
    const before = JSON.parse(JSON.stringify(store.summaries));

    const failure = await store.update(amara.id, { email: 'nope' }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(RapportError);
    expect((failure as RapportError).code).toBe('INVALID_INPUT');
    expect((failure as RapportError).issues[0].path).toEqual(['email']);
    expect(store.summaries).toEqual(before);
  });
});

describe('the settings store', () => {
  it('reads and updates the practice settings', async () => {
    const workspace = await testWorkspace({ now });
    storeContext(workspace);
    const store = useSettingsStore();
    expect((await store.load()).paperSize).toBe('A4');
    await store.update({ paperSize: 'Letter' });
    expect(store.settings?.paperSize).toBe('Letter');
    expect((await workspace.settings.get()).paperSize).toBe('Letter');
  });
});
