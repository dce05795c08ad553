export const DAY_MS = 24 * 60 * 60 * 1000;

/** How far back the evidence looks. */
export const EVIDENCE_WINDOW_DAYS = 90;

/**
 * The last moment of a calendar date in the local time zone of the process — in the app, the
 * coach's own zone — so "done by Friday" means by Friday evening where the coach lives.
 */
export function endOfLocalDay(isoDate: string): number {
  const [year, month, day] = isoDate.split('-').map(Number);
  return new Date(year, month - 1, day, 23, 59, 59, 999).getTime();
}

/** Today's date (YYYY-MM-DD) in the local time zone. */
export function localIsoDate(moment: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${moment.getFullYear()}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}`;
}

/** Whole days between two moments, rounded down. */
export function wholeDaysBetween(earlier: number, later: number): number {
  return Math.floor((later - earlier) / DAY_MS);
}
