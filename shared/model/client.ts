import { z } from 'zod';
import { CLIENT_STATUSES } from './client-statuses';
import { IsoDate, LongText, ShortText, Timestamp, recordFields } from './primitives';

export { CLIENT_STATUSES };
export const ClientStatus = z.enum(CLIENT_STATUSES, { error: 'Please choose a status.' });
export type ClientStatus = z.infer<typeof ClientStatus>;

export const Email = z.union([z.literal(''), z.email({ error: 'Please enter an email address like name@example.com.' })]);
export const Phone = z
  .string()
  .max(40, { error: 'Please keep the phone number under 40 characters.' })
  .regex(/^[0-9+()\-./ ]*$/, { error: 'A phone number may contain digits, spaces and + ( ) - . / only.' });
const Tag = z.string().trim().min(1, { error: 'Tags cannot be empty.' }).max(40, { error: 'Please keep each tag under 40 characters.' });

export const BILLINGS = ['paid', 'pro-bono'] as const;
export const Billing = z.enum(BILLINGS, { error: 'Please choose paid or pro bono.' });
export type Billing = z.infer<typeof Billing>;

/**
 * An IANA time-zone name, or empty for the coach's own zone. The pattern keeps out what cannot be
 * a zone; whether the zone exists is checked against the runtime's list where it is saved.
 */
export const TimeZoneName = z
  .string()
  .max(64, { error: 'Please choose a time zone from the list.' })
  .regex(/^(?:[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+){0,2})?$/, { error: 'Please choose a time zone from the list.' });

/** The client's own words for things, e.g. "my practice" for "my business". */
export const TermEntry = z.strictObject({
  ...recordFields,
  term: ShortText.min(1, { error: 'Please enter the client’s word or phrase.' }),
  meaning: ShortText,
});
export type TermEntry = z.infer<typeof TermEntry>;

export const ClientNote = z.strictObject({
  ...recordFields,
  text: LongText.min(1, { error: 'A note cannot be empty.' }),
});
export type ClientNote = z.infer<typeof ClientNote>;

/** The fields a coach edits on the profile form. */
export const clientProfileFields = {
  name: ShortText.trim().min(1, { error: 'Please enter the client’s name.' }),
  preferredName: ShortText,
  pronouns: ShortText,
  email: Email,
  phone: Phone,
  currentRole: ShortText,
  targetRole: ShortText,
  organisation: ShortText,
  status: ClientStatus,
  tags: z.array(Tag).max(50, { error: 'Please use at most 50 tags.' }),
  startDate: IsoDate.nullable(),
  background: LongText,
  /** The client's IANA time zone ("Europe/Berlin"); empty when it is the coach's own (version 3). */
  timeZone: TimeZoneName,
  /** Whether the coaching is paid or pro bono, for the hours log; a session may differ (version 3). */
  billing: Billing,
};

export const Client = z.strictObject({
  ...recordFields,
  ...clientProfileFields,
  terminology: z.array(TermEntry),
  notes: z.array(ClientNote),
  /** The status to return to when an archived client is unarchived. */
  statusBeforeArchive: ClientStatus.nullable(),
  archivedAt: Timestamp.nullable(),
});
export type Client = z.infer<typeof Client>;

const profile = z.strictObject(clientProfileFields);

export const ClientCreateInput = profile.partial().required({ name: true });
export type ClientCreateInput = z.infer<typeof ClientCreateInput>;

export const ClientPatch = profile.partial();
export type ClientPatch = z.infer<typeof ClientPatch>;

/**
 * What the sidebar shows and filters by (name, preferred name, organisation, tags, status),
 * without loading whole files into the renderer. A practice lists hundreds: keep it this small.
 */
export interface ClientSummary {
  id: string;
  name: string;
  preferredName: string;
  status: ClientStatus;
  tags: string[];
  organisation: string;
  /** The start of the next planned or confirmed session not over yet; null when none is planned. */
  nextSessionAt: string | null;
  /** The last held session or note; null when there was none yet. */
  lastContactAt: string | null;
}

/** When the client was last in touch and meets next; the client list sorts by these. */
export type ClientActivity = Pick<ClientSummary, 'nextSessionAt' | 'lastContactAt'>;

/** The summary of a client, as `clients.list()` sends it and the sidebar keeps it. */
export function toClientSummary(client: Client, activity: ClientActivity): ClientSummary {
  const { id, name, preferredName, status, tags, organisation } = client;
  return { id, name, preferredName, status, tags, organisation, ...activity };
}

/** The order of the client list: by name, then by id so that namesakes keep their places. */
export function byClientName(a: Pick<ClientSummary, 'id' | 'name'>, b: Pick<ClientSummary, 'id' | 'name'>): number {
  return a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
}
