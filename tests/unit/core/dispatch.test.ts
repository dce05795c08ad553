import { describe, expect, it } from 'vitest';
import { CHANNELS, contract } from '../../../shared/api';
import { RapportError } from '../../../shared/errors';
import { createDispatcher } from '../../../electron/core/dispatch';
import { DialogTokens } from '../../../electron/security/dialog-tokens';
import { pageApi } from '../../../electron/security/page-api';
import { rendererApiFor, testWorkspace } from '../../helpers/workspace-api';

describe('dispatch', () => {
  it('serves every channel of the contract and nothing else', async () => {
    const workspace = await testWorkspace();
    // What IPC serves: the workspace behind the page's file tokens (documents.open exists only there).
    const served = pageApi(workspace, new DialogTokens());
    for (const channel of CHANNELS) {
      const [namespace, method] = channel.split(':');
      expect(typeof (served as unknown as Record<string, Record<string, unknown>>)[namespace][method]).toBe('function');
    }
    expect(CHANNELS.length).toBe(Object.values(contract).reduce((sum, methods) => sum + Object.keys(methods).length, 0));
    const dispatch = createDispatcher(workspace);
    for (const channel of ['clients:delete-everything', '__proto__:constructor', 'constructor:prototype', 42, null]) {
      expect(await dispatch(channel, [])).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
  });

  it('refuses an argument list that is not an array', async () => {
    const dispatch = createDispatcher(await testWorkspace());
    expect(await dispatch('clients:list', { length: 0 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('refuses a 5-million-element argument list with INVALID_INPUT, not INTERNAL', async () => {
    const dispatch = createDispatcher(await testWorkspace());
    const huge = new Array<number>(5_000_000).fill(0);
    expect(await dispatch('clients:list', huge)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await dispatch('clients:create', [{ name: 'Gita' }, ...huge.slice(0, 20)])).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });

  it('refuses a Map, Set, Date or class instance where the contract expects plain data', async () => {
    const workspace = await testWorkspace();
    const dispatch = createDispatcher(workspace);
    const client = await workspace.clients.create({ name: 'Gita', targetRole: 'Lead' });
    for (const patch of [new Map([['targetRole', 'Hacked']]), new Set(), new Date(), new (class Patch {})(), { nested: new Map() }]) {
      expect(await dispatch('clients:update', [client.id, patch])).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    expect((await workspace.clients.get(client.id)).targetRole).toBe('Lead');
    expect((await workspace.clients.get(client.id)).updatedAt).toBe(client.updatedAt);
  });

  it('returns values and errors as envelopes', async () => {
    const dispatch = createDispatcher(await testWorkspace());
    const created = await dispatch('clients:create', [{ name: 'Gita' }]);
    expect(created).toMatchObject({ ok: true, value: { name: 'Gita' } });
    expect(await dispatch('clients:create', [{ name: '' }])).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', issues: [{ path: ['name'] }] },
    });
  });

  it('rejects in the renderer with a RapportError carrying the code and field issues', async () => {
    const api = rendererApiFor(await testWorkspace());
    const error = await api.clients.create({ name: 'Hana', email: 'nope' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RapportError);
    expect(error).toMatchObject({ code: 'INVALID_INPUT', issues: [{ path: ['email'] }] });
    expect(await api.clients.list()).toEqual([]);
  });
});
