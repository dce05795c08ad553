import type { z } from 'zod';
import { agendasContract, type AgendasApi } from './api/agendas';
import { appContract, type AppApi } from './api/app';
import { clientsContract, type ClientsApi } from './api/clients';
import { settingsContract, type SettingsApi } from './api/settings';
import { templatesContract, type TemplatesApi } from './api/templates';

/**
 * The one contract between the renderer and the main process. Every method is async;
 * its IPC channel is `namespace:method`.
 */
export interface RapportApi {
  app: AppApi;
  clients: ClientsApi;
  settings: SettingsApi;
  agendas: AgendasApi;
  templates: TemplatesApi;
}

type AnyMethod = (...args: never[]) => Promise<unknown>;

/** For every method of an API, a schema for its argument list. */
export type ContractFor<Api> = {
  [N in keyof Api]: {
    [M in keyof Api[N]]: Api[N][M] extends AnyMethod ? z.ZodType<Parameters<Api[N][M]>> : never;
  };
};

/** Argument schemas for every method, used by main to validate what the renderer sends. */
export const contract = {
  app: appContract,
  clients: clientsContract,
  settings: settingsContract,
  agendas: agendasContract,
  templates: templatesContract,
} satisfies ContractFor<RapportApi>;

export type Namespace = keyof RapportApi;
export type Channel = { [N in Namespace]: `${N}:${keyof RapportApi[N] & string}` }[Namespace];

export function channelOf(namespace: string, method: string): string {
  return `${namespace}:${method}`;
}

/** Every channel of the contract, in a stable order. */
export const CHANNELS: readonly Channel[] = Object.entries(contract).flatMap(([namespace, methods]) =>
  Object.keys(methods).map((method) => channelOf(namespace, method) as Channel),
);
