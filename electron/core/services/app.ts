import type { AppApi } from '../../../shared/api/app';
import type { ServiceContext } from './context';

export function createAppService({ store, dataDir, appVersion }: ServiceContext): AppApi {
  return {
    async status() {
      return { appVersion, dataDir, quarantined: [...store.quarantined] };
    },
  };
}
