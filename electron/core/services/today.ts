import type { TodayApi } from '../../../shared/api/today';
import { buildTodayOverview } from '../../../shared/today/overview';
import type { ServiceContext } from './context';

export function createTodayService({ store, now }: ServiceContext): TodayApi {
  return {
    async get(options) {
      return buildTodayOverview(store.allClients(), now(), store.practice().settings.noContactDays, options);
    },
  };
}
