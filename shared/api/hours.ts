import { z } from 'zod';
import type { HoursLog } from '../hours/log';

export const HoursFilter = z.strictObject({
  /** Only the sessions held in this calendar year. */
  year: z.number({ error: 'Please choose a year.' }).int({ error: 'Please choose a year.' }).min(1900).max(9999),
});
export type HoursFilter = z.infer<typeof HoursFilter>;

/** The CSV of the coaching log, ready to be saved through `desktop.saveTextFile`. */
export interface HoursCsv {
  /** A suggested file name, e.g. `coaching-log-2026.csv`. */
  fileName: string;
  text: string;
}

export interface HoursApi {
  /**
   * The coaching hours log: the totals (by client, by year, against the ICF thresholds) of the
   * whole practice, with the entries of every held session, or only of one year's when asked
   * (a ten-year practice holds over ten thousand).
   */
  log(filter?: HoursFilter): Promise<HoursLog>;
  /**
   * The log in the ICF client coaching log's columns, as CSV (UTF-8 with a byte-order mark so
   * that spreadsheets read accents); all years, or one.
   */
  csv(filter?: HoursFilter): Promise<HoursCsv>;
}

export const hoursContract = {
  log: z.tuple([HoursFilter.optional()]),
  csv: z.tuple([HoursFilter.optional()]),
};

export type { HoursLog };
