import type { HoursApi } from '../../../shared/api/hours';
import { buildHoursLog } from '../../../shared/hours/log';
import { coachingLogCsv } from '../hours-csv';
import type { ServiceContext } from './context';

export function createHoursService({ store }: ServiceContext): HoursApi {
  return {
    async log() {
      return buildHoursLog(store.allClients());
    },

    async csv(filter) {
      const entries = buildHoursLog(store.allClients()).entries.filter(
        (entry) => filter === undefined || entry.date.startsWith(`${filter.year}-`),
      );
      return { fileName: `coaching-log${filter ? `-${filter.year}` : ''}.csv`, text: coachingLogCsv(entries) };
    },
  };
}
