import type { SettingsApi } from '../../../shared/api/settings';
import type { ServiceContext } from './context';

export function createSettingsService({ store }: ServiceContext): SettingsApi {
  return {
    async get() {
      return store.practice().settings;
    },

    async update(patch) {
      const { document } = await store.updatePractice((practice) => {
        Object.assign(practice.settings, patch);
      });
      return document.settings;
    },
  };
}
