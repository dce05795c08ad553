import { describe, expect, it } from 'vitest';
import { CHANNELS, contract } from '../../../shared/api';
import { RapportError } from '../../../shared/errors';
import { createDispatcher } from '../../../electron/core/dispatch';
import { rendererApiFor, testWorkspace } from '../../helpers/workspace-api';

describe('dispatch', () => {
  it('serves every channel of the contract and nothing else', async () => {
    const workspace = await testWorkspace();
    for (const channel of CHANNELS) {
      const [namespace, method] = channel.split(':');
      expect(typeof (workspace as unknown as Record<string, Record<string, unknown>>)[namespace][method]).toBe('function');
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
