import { z } from 'zod';

/** A document that could not be read and was moved aside, untouched. */
export interface QuarantinedDocument {
  /** Where the damaged file now lives, relative to the data directory. */
  file: string;
  /** The client it belonged to, when the file name or its text says so. */
  clientId: string | null;
  clientName: string | null;
  reason: string;
  at: string;
}

export interface AppStatus {
  appVersion: string;
  quarantined: QuarantinedDocument[];
}

export interface AppApi {
  status(): Promise<AppStatus>;
}

export const appContract = {
  status: z.tuple([]),
};
