import { inject, type InjectionKey } from 'vue';
import type { RapportApi } from '../../../shared/api';
import { RapportError } from '../../../shared/errors';
import { toPlainData } from './plain-data';

export const API_KEY: InjectionKey<RapportApi> = Symbol('rapport-api');

/**
 * Wraps a bridge (Electron's preload, or the browser test host) so that every argument crosses
 * as plain data (views pass Vue's reactive Proxies, which contextBridge refuses), and every
 * failure rejects with a real RapportError, whatever shape it had after crossing the boundary.
 */
export function createApiClient(bridge: RapportApi): RapportApi {
  // The bridge already has exactly the contract's methods; walking it rather than the contract
  // keeps the argument schemas (and zod), which only main uses, out of the renderer's bundle.
  const client: Record<string, Record<string, (...args: unknown[]) => Promise<unknown>>> = {};
  for (const [namespace, methods] of Object.entries(
    bridge as unknown as Record<string, Record<string, (...args: unknown[]) => Promise<unknown>>>,
  )) {
    client[namespace] = {};
    for (const [method, call] of Object.entries(methods)) {
      client[namespace][method] = async (...args) => {
        try {
          return await call(...args.map(toPlainData));
        } catch (error) {
          throw RapportError.from(error);
        }
      };
    }
  }
  return client as unknown as RapportApi;
}

/** The API client provided to the app; stores and components call this, never window.rapport. */
export function useApi(): RapportApi {
  const api = inject(API_KEY);
  if (!api) throw new Error('The Rapport API client was not provided to the app.');
  return api;
}
