import { z } from 'zod';
import { type Client, ClientCreateInput, ClientPatch, type ClientSummary } from '../model/client';
import { Id } from '../model/primitives';

export interface ClientsApi {
  /** Every client, archived ones included, sorted by name. */
  list(): Promise<ClientSummary[]>;
  get(id: string): Promise<Client>;
  create(input: ClientCreateInput): Promise<Client>;
  update(id: string, patch: ClientPatch): Promise<Client>;
  archive(id: string): Promise<Client>;
  unarchive(id: string): Promise<Client>;
  /**
   * Permanently deletes the client's file. `confirmName` must be the client's name exactly,
   * as the coach typed it to confirm; nothing else is touched.
   */
  remove(id: string, confirmName: string): Promise<void>;
}

export const clientsContract = {
  list: z.tuple([]),
  get: z.tuple([Id]),
  create: z.tuple([ClientCreateInput]),
  update: z.tuple([Id, ClientPatch]),
  archive: z.tuple([Id]),
  unarchive: z.tuple([Id]),
  remove: z.tuple([Id, z.string().max(200)]),
};

export type { Client };
