import type { SessionMode, SessionStatus } from '../../../../shared/model/session';

const dateFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
const timeFormat = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
const stampFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' });
const dayFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

/** "Tue, 10 Mar 2026" in the coach's locale and time zone. */
export const formatDate = (iso: string) => dateFormat.format(new Date(iso));
/** "14:00" or "2:00 PM". */
export const formatTime = (iso: string) => timeFormat.format(new Date(iso));
/** When something was stamped: "8 Mar, 10:00". */
export const formatStamp = (iso: string) => stampFormat.format(new Date(iso));
/** A calendar date (`YYYY-MM-DD`, no time zone) such as a due date: "10 Mar 2026". */
export function formatCalendarDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return dayFormat.format(new Date(year, month - 1, day));
}

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
