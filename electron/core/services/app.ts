import type { AppApi } from '../../../shared/api/app';
import type { ServiceContext } from './context';

export function createAppService({ store, appVersion }: ServiceContext): AppApi {
  return {
    async status() {
      // Never the data directory's path: script in the page has no business knowing where it is.
      return { appVersion, quarantined: [...store.quarantined] };
    },
  };
}
