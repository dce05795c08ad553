import type { z } from 'zod';
import { appContract, type AppApi } from './api/app';
import { backupContract, type BackupApi } from './api/backup';
import { clientsContract, type ClientsApi } from './api/clients';
import { goalsContract, type GoalsApi } from './api/goals';
import { settingsContract, type SettingsApi } from './api/settings';

/**
 * The one contract between the renderer and the main process. Every method is async;
 * its IPC channel is `namespace:method`.
 */
export interface RapportApi {
  app: AppApi;
  backup: BackupApi;
  clients: ClientsApi;
  goals: GoalsApi;
  settings: SettingsApi;
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
  backup: backupContract,
  clients: clientsContract,
  goals: goalsContract,
  settings: settingsContract,
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
