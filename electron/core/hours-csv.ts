import { stringify } from 'csv-stringify/sync';
import type { HoursEntry } from '../../shared/hours/log';

/** The columns of the ICF client coaching log template, in its order. */
export const ICF_LOG_COLUMNS = [
  'Client Name',
  'Contact Information',
  'Individual/Group',
  'Number in Group',
  'Start Date',
  'End Date',
  'Paid Hours',
  'Pro-bono Hours',
] as const;

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return) as a formula,
 * so a client named "=HYPERLINK(…)" could run one on the coach's machine. A leading apostrophe
 * makes the spreadsheet show the text as it is (OWASP's advice on CSV injection).
 */
export function spreadsheetSafe(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

const hoursCell = (hours: number) => hours.toFixed(2);

/** One row per held session: start and end date are the session's date. */
export function coachingLogCsv(entries: readonly HoursEntry[]): string {
  const rows = entries.map((entry) => [
    spreadsheetSafe(entry.clientName),
    spreadsheetSafe(entry.contact),
    entry.kind === 'group' ? 'Group' : 'Individual',
    String(entry.groupSize),
    entry.date,
    entry.date,
    entry.billing === 'paid' ? hoursCell(entry.hours) : '',
    entry.billing === 'pro-bono' ? hoursCell(entry.hours) : '',
  ]);
  return stringify(rows, { bom: true, header: true, columns: [...ICF_LOG_COLUMNS], record_delimiter: 'windows' });
}
