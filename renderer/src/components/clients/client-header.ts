import type { Client } from '../../../../shared/model/client';

/** The Profile tab's heading, where "Edit profile" puts the cursor. */
export const PROFILE_HEADING_ID = 'profile-heading';

/** What the coach works on with the client, in one line: "Analyst, aiming for Head of Engineering at Northwind". */
export function roleLineOf(client: Pick<Client, 'currentRole' | 'targetRole' | 'organisation'>): string {
  const { currentRole, targetRole, organisation } = client;
  const now = currentRole && organisation ? `${currentRole} at ${organisation}` : currentRole || organisation;
  if (!targetRole) return now;
  return now ? `${now}, aiming for ${targetRole}` : `Aiming for ${targetRole}`;
}
