import type { Billing, Client, ClientPatch, ClientStatus } from '../../../../shared/model/client';

export const CLIENT_FORM_FIELDS = [
  'name',
  'preferredName',
  'pronouns',
  'email',
  'phone',
  'currentRole',
  'targetRole',
  'organisation',
  'status',
  'tags',
  'startDate',
  'billing',
  'background',
  'timeZone',
] as const;
export type ClientFormField = (typeof CLIENT_FORM_FIELDS)[number];

/** What the form's controls hold: all text, as typed. */
export interface ClientDraft {
  name: string;
  preferredName: string;
  pronouns: string;
  email: string;
  phone: string;
  currentRole: string;
  targetRole: string;
  organisation: string;
  status: ClientStatus;
  /** Comma-separated, as typed. */
  tags: string;
  /** `YYYY-MM-DD` from the date input, or empty. */
  startDate: string;
  billing: Billing;
  background: string;
  /** An IANA zone name, or empty for the coach's own. */
  timeZone: string;
}

/** The profile as the schemas expect it, before validation. */
export type ClientProfileValues = Omit<ClientDraft, 'tags' | 'startDate'> & { tags: string[]; startDate: string | null };

export function emptyDraft(): ClientDraft {
  return {
    name: '',
    preferredName: '',
    pronouns: '',
    email: '',
    phone: '',
    currentRole: '',
    targetRole: '',
    organisation: '',
    status: 'prospect',
    tags: '',
    startDate: '',
    billing: 'paid',
    background: '',
    timeZone: '',
  };
}

export function draftOf(client: Client): ClientDraft {
  return {
    name: client.name,
    preferredName: client.preferredName,
    pronouns: client.pronouns,
    email: client.email,
    phone: client.phone,
    currentRole: client.currentRole,
    targetRole: client.targetRole,
    organisation: client.organisation,
    status: client.status,
    tags: client.tags.join(', '),
    startDate: client.startDate ?? '',
    billing: client.billing,
    background: client.background,
    timeZone: client.timeZone,
  };
}

/** "a, b,, c " → ["a", "b", "c"]: stray commas and spaces are not tags. */
export function splitTags(text: string): string[] {
  return text
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => tag.length > 0);
}

export function profileOf(draft: ClientDraft): ClientProfileValues {
  return { ...draft, tags: splitTags(draft.tags), startDate: draft.startDate === '' ? null : draft.startDate };
}

/** Only the fields that differ from the stored client, so a save never undoes someone else's edit elsewhere. */
export function changedFields(values: ClientPatch, client: Client): ClientPatch {
  const patch: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(values)) {
    if (JSON.stringify(value) !== JSON.stringify(client[field as keyof Client])) patch[field] = value;
  }
  return patch;
}
