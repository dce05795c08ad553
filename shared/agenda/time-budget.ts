export interface TimeBudget {
  /** Minutes the items add up to. */
  planned: number;
  /** The session's length in minutes. */
  available: number;
  /** Minutes planned beyond the session's length; 0 when everything fits. */
  over: number;
}

export function timeBudget(items: readonly { minutes: number | null }[], sessionMinutes: number): TimeBudget {
  const planned = items.reduce((sum, item) => sum + (item.minutes ?? 0), 0);
  return { planned, available: sessionMinutes, over: Math.max(0, planned - sessionMinutes) };
}
