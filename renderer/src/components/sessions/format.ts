import type { SessionMode, SessionStatus } from '../../../../shared/model/session';

const pad = (value: number) => String(value).padStart(2, '0');

/** The local date and time of `iso` as values for `<input type="date">` and `<input type="time">`. */
export function toLocalInputs(iso: string): { date: string; time: string } {
  const at = new Date(iso);
  return {
    date: `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`,
    time: `${pad(at.getHours())}:${pad(at.getMinutes())}`,
  };
}

/** The instant of a local date and time typed by the coach, or null when either is incomplete. */
export function fromLocalInputs(date: string, time: string): string | null {
  const dateParts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const timeParts = /^(\d{2}):(\d{2})$/.exec(time);
  if (!dateParts || !timeParts) return null;
  const [, year, month, day] = dateParts.map(Number);
  const [, hours, minutes] = timeParts.map(Number);
  return new Date(year, month - 1, day, hours, minutes).toISOString();
}

export const MODE_LABELS: Record<SessionMode, string> = { 'in-person': 'In person', video: 'Video', phone: 'Phone' };
export const STATUS_LABELS: Record<SessionStatus, string> = {
  planned: 'Planned',
  confirmed: 'Confirmed',
  held: 'Held',
  cancelled: 'Cancelled',
  'no-show': 'No-show',
};
