import type { HoursApi, HoursFilter } from '../../../shared/api/hours';
import { buildHoursLog, type HoursEntry } from '../../../shared/hours/log';
import { coachingLogCsv } from '../hours-csv';
import type { ServiceContext } from './context';

const inYear = (entries: HoursEntry[], filter: HoursFilter | undefined) =>
  filter === undefined ? entries : entries.filter((entry) => entry.date.startsWith(`${filter.year}-`));

export function createHoursService({ store }: ServiceContext): HoursApi {
  return {
    async log(filter) {
      const log = buildHoursLog(store.allClients());
      return { ...log, entries: inYear(log.entries, filter) };
    },

    async csv(filter) {
      const entries = inYear(buildHoursLog(store.allClients()).entries, filter);
      return { fileName: `coaching-log${filter ? `-${filter.year}` : ''}.csv`, text: coachingLogCsv(entries) };
    },
  };
}
