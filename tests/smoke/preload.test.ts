import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../shared/api';
import { DESKTOP_CHANNELS, MENU_CHANNEL } from '../../shared/api/desktop';

const PRELOAD = resolve(import.meta.dirname, '../../out/preload/preload.cjs');

/**
 * What a sandboxed preload gets from Electron: a `require` that knows only `electron`'s renderer
 * modules and the polyfilled `events`, `timers` and `url` (Electron's "Process Sandboxing"
 * tutorial). Anything else throws, as it does in the real renderer.
 */
async function loadPreload() {
  const exposed = new Map<string, unknown>();
  const invoked: { channel: string; args: unknown[] }[] = [];
  const listeners = new Map<string, (...args: unknown[]) => void>();
  const electron = {
    contextBridge: {
      exposeInMainWorld(key: string, api: unknown) {
        if (exposed.has(key)) throw new Error(`Cannot bind an API on top of an existing property on the window object: ${key}`);
        exposed.set(key, api);
      },
    },
    ipcRenderer: {
      async invoke(channel: string, ...args: unknown[]) {
        invoked.push({ channel, args: structuredClone(args) });
        return { ok: true, value: null };
      },
      on(channel: string, listener: (...args: unknown[]) => void) {
        listeners.set(channel, listener);
      },
    },
  };
  const allowed: Record<string, unknown> = {
    electron,
    events: await import('node:events'),
    timers: await import('node:timers'),
    url: await import('node:url'),
  };
  const required: string[] = [];
  const sandboxRequire = (name: string) => {
    required.push(name);
    if (!(name in allowed)) throw new Error(`module not found: ${name}`);
    return allowed[name];
  };
  const module = { exports: {} };
  runInNewContext(await readFile(PRELOAD, 'utf8'), { require: sandboxRequire, module, exports: module.exports, Promise, console });
  return { exposed, invoked, listeners, required };
}

const methodsOf = (api: unknown) =>
  Object.entries(api as Record<string, Record<string, unknown>>).flatMap(([namespace, methods]) =>
    Object.keys(methods).map((method) => `${namespace}:${method}`),
  );

describe('the built preload, as a sandboxed renderer loads it', () => {
  it('requires nothing but what the sandbox provides', async () => {
    const { required } = await loadPreload();
    expect(required.every((name) => ['electron', 'events', 'timers', 'url'].includes(name))).toBe(true);
  });

  it('exposes exactly the contract through contextBridge', async () => {
    const { exposed } = await loadPreload();
    expect([...exposed.keys()].sort()).toEqual(['rapport', 'rapportDesktop']);
    expect(methodsOf(exposed.get('rapport')).sort()).toEqual([...CHANNELS].sort());
    const desktop = exposed.get('rapportDesktop') as Record<string, unknown>;
    expect(Object.keys(desktop).sort()).toEqual([...DESKTOP_CHANNELS.map((channel) => channel.split(':')[1]), 'onMenuCommand'].sort());
  });

  it('sends each call on its channel, and hands the page only valid menu commands', async () => {
    const { exposed, invoked, listeners } = await loadPreload();
    const rapport = exposed.get('rapport') as { clients: { get(id: string): Promise<unknown> } };
    await rapport.clients.get('client-1');
    expect(invoked).toEqual([{ channel: 'clients:get', args: ['client-1'] }]);
    const commands: unknown[] = [];
    (exposed.get('rapportDesktop') as { onMenuCommand(listener: (command: unknown) => void): void }).onMenuCommand((command) =>
      commands.push(command),
    );
    const fromMain = listeners.get(MENU_CHANNEL);
    fromMain?.({ sender: 'the IPC event' }, 'new-client');
    fromMain?.({}, 'format-disk');
    expect(commands).toEqual(['new-client']);
  });
});
