import { inject, type InjectionKey } from 'vue';
import { CHANNELS, type RapportApi } from '../../../shared/api';
import { RapportError } from '../../../shared/errors';

export const API_KEY: InjectionKey<RapportApi> = Symbol('rapport-api');

/**
 * Wraps a bridge (Electron's preload, or the browser test host) so that every failure
 * rejects with a real RapportError, whatever shape it had after crossing the boundary.
 */
export function createApiClient(bridge: RapportApi): RapportApi {
  const client: Record<string, Record<string, (...args: unknown[]) => Promise<unknown>>> = {};
  for (const channel of CHANNELS) {
    const [namespace, method] = channel.split(':');
    const target = (bridge as unknown as Record<string, Record<string, (...args: unknown[]) => Promise<unknown>>>)[namespace];
    client[namespace] ??= {};
    client[namespace][method] = (...args) =>
      target[method](...args).catch((error: unknown) => {
        throw RapportError.from(error);
      });
  }
  return client as unknown as RapportApi;
}

/** The API client provided to the app; stores and components call this, never window.rapport. */
export function useApi(): RapportApi {
  const api = inject(API_KEY);
  if (!api) throw new Error('The Rapport API client was not provided to the app.');
  return api;
}
