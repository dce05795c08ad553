import { describe, expect, it } from 'vitest';
import { isProxy, reactive, ref } from 'vue';
import { CHANNELS, type RapportApi } from '../../../shared/api';
import { buildBridge } from '../../../shared/bridge';
import { createApiClient } from '../../../renderer/src/api/client';
import { toPlainData } from '../../../renderer/src/api/plain-data';
import { copyAcrossContextBridge } from '../../helpers/context-bridge-copy';

const CLONE_ERROR = 'An object could not be cloned.';

/** A bridge that copies arguments as contextBridge does and keeps what arrived. */
function strictBridge() {
  const received: unknown[][] = [];
  const bridge = buildBridge<RapportApi>(CHANNELS, async (_channel, args) => {
    received.push(copyAcrossContextBridge(args));
    return { ok: true, value: null };
  });
  return { bridge, received };
}

describe('the contextBridge copy used by the browser host', () => {
  it.each([
    ['a Proxy', new Proxy({ term: 'x' }, {})],
    ['a Vue reactive object', reactive({ term: 'x', meaning: 'y' })],
    ['a reactive object inside plain data', { draft: reactive({ term: 'x' }) }],
    ['a reactive array inside an array', [reactive([1, 2])]],
    ['a function', { onSave: () => undefined }],
    ['a symbol value', { id: Symbol('id') }],
    ['a symbol key', { [Symbol('id')]: 1 }],
    [
      'a class instance with methods',
      new (class Draft {
        term = 'x';
        save() {}
      })(),
    ],
    ['a Map', new Map([['a', 1]])],
  ])('refuses %s with contextBridge’s message', (_name, value) => {
    expect(() => copyAcrossContextBridge(value)).toThrow(CLONE_ERROR);
  });

  it('copies plain data, arrays, nulls and dates', () => {
    const value = { term: 'x', tags: ['a', { b: null }], at: new Date(0), none: undefined };
    const copy = copyAcrossContextBridge(value);
    expect(copy).toEqual(value);
    expect(copy).not.toBe(value);
  });
});

describe('the API client sends plain data', () => {
  it('unwraps a reactive object at any depth before it reaches the bridge', async () => {
    const { bridge, received } = strictBridge();
    const draft = reactive({ term: 'the big move', meaning: 'leaving banking', tags: [{ label: 'career' }] });
    const api = createApiClient(bridge);
    await api.terminology.create('client-1', draft);
    await api.sessions.saveReflection('client-1', 'session-1', reactive({ text: { wentWell: ref('a lot') } }) as never);
    expect(received[0]).toEqual(['client-1', { term: 'the big move', meaning: 'leaving banking', tags: [{ label: 'career' }] }]);
    expect(received[1]).toEqual(['client-1', 'session-1', { text: { wentWell: 'a lot' } }]);
    await api.clients.get(ref('client-2') as never);
    expect(received[2]).toEqual(['client-2']);
  });

  it('fails before the fix: the raw reactive object is refused by the strict bridge', async () => {
    const { bridge } = strictBridge();
    await expect(bridge.terminology.create('client-1', reactive({ term: 'x', meaning: 'y' }))).rejects.toThrow(CLONE_ERROR);
  });

  it('returns copies that are no longer reactive and leaves the original untouched', () => {
    const original = reactive({ list: [{ a: 1 }] });
    const plain = toPlainData(original) as { list: { a: number }[] };
    expect(isProxy(plain)).toBe(false);
    expect(isProxy(plain.list)).toBe(false);
    expect(isProxy(plain.list[0])).toBe(false);
    expect(plain).toEqual({ list: [{ a: 1 }] });
    expect(original.list[0].a).toBe(1);
  });

  it.each([
    ['a function', { f: () => 1 }],
    ['a symbol', Symbol('s')],
    ['a class instance', new (class Draft {})()],
    ['a ref holding a function', ref(() => 1)],
  ])('rejects %s as a RapportError without calling the bridge', async (_name, value) => {
    const { bridge, received } = strictBridge();
    const api = createApiClient(bridge);
    await expect(api.clients.get(value as never)).rejects.toMatchObject({ name: 'RapportError', code: 'INTERNAL' });
    expect(received).toEqual([]);
  });

  it('refuses data that contains itself instead of overflowing the stack', () => {
    const looped: Record<string, unknown> = { a: 1 };
    looped.self = looped;
    expect(() => toPlainData(looped)).toThrow(TypeError);
    const shared = { a: 1 };
    expect(toPlainData({ x: shared, y: shared })).toEqual({ x: { a: 1 }, y: { a: 1 } });
  });
});
