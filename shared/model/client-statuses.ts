/**
 * A client's statuses, in the order a coach sees them. Apart from the schemas in client.ts so
 * that the renderer's first screen (the sidebar's status filter) does not have to load zod.
 */
export const CLIENT_STATUSES = ['prospect', 'active', 'paused', 'completed', 'archived'] as const;
