import type { AppApi } from '../../../shared/api/app';
import type { AutomaticFailureRecord } from '../backup/automatic-failure';
import type { ServiceContext } from './context';

export function createAppService({ store, appVersion }: ServiceContext, automaticFailure: Pick<AutomaticFailureRecord, 'current'>): AppApi {
  return {
    async status() {
      // Never the data directory's path: script in the page has no business knowing where it is.
      return { appVersion, quarantined: [...store.quarantined], automaticBackupFailure: automaticFailure.current() };
    },
  };
}
