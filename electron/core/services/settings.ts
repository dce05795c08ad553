import type { SettingsApi } from '../../../shared/api/settings';
import { emailTemplateIssues } from '../../../shared/email/templates';
import { RapportError } from '../../../shared/errors';
import type { ServiceContext } from './context';

export function createSettingsService({ store }: ServiceContext): SettingsApi {
  return {
    async get() {
      return store.practice().settings;
    },

    async update(patch) {
      const issues = patch.emailTemplates ? emailTemplateIssues(patch.emailTemplates) : [];
      if (issues.length > 0)
        throw new RapportError('INVALID_INPUT', 'Nothing was saved: a message uses a placeholder Rapport does not know.', issues);
      const { document } = await store.updatePractice((practice) => {
        Object.assign(practice.settings, patch);
      });
      return document.settings;
    },
  };
}
