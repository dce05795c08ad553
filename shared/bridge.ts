import type { Envelope } from './errors';

export type Invoke = (channel: string, args: unknown[]) => Promise<Envelope<unknown>>;

/**
 * Builds the `window.rapport` object from the list of channels: `{ clients: { list(...) } }`.
 * A failed call rejects with the error's plain data (`{ name, code, message, issues }`), because
 * contextBridge would strip a thrown Error down to its message; the renderer's API client turns
 * it back into a RapportError.
 *
 * Keep this function self-contained (no imports, no outer variables): the browser test host
 * serialises it into the page as an init script, so both hosts share the very same bridge.
 */
export function buildBridge<Api>(channels: readonly string[], invoke: Invoke): Api {
  const api: Record<string, Record<string, (...args: unknown[]) => Promise<unknown>>> = {};
  for (const channel of channels) {
    const [namespace, method] = channel.split(':');
    api[namespace] ??= {};
    api[namespace][method] = async (...args: unknown[]) => {
      const envelope = await invoke(channel, args);
      if (envelope.ok) return envelope.value;
      // Plain data on purpose: contextBridge would strip an Error down to its message (see above).
      // eslint-disable-next-line @typescript-eslint/only-throw-error
      throw { name: 'RapportError', ...envelope.error };
    };
  }
  return api as Api;
}
