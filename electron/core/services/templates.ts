import type { TemplateSummary, TemplatesApi } from '../../../shared/api/templates';
import { STARTER_TEMPLATES, isStarterTemplate } from '../../../shared/agenda/starter-templates';
import { RapportError } from '../../../shared/errors';
import type { AgendaTemplate } from '../../../shared/model/agenda';
import type { DocumentStore } from '../store';
import type { ServiceContext } from './context';
import { newRecord } from './records';

/** A starter or one of the coach's templates; NOT_FOUND when neither. */
export function findTemplate(store: DocumentStore, id: string): AgendaTemplate {
  const template = STARTER_TEMPLATES.find((starter) => starter.id === id) ?? store.practice().templates.find((own) => own.id === id);
  if (!template) throw new RapportError('NOT_FOUND', 'That template no longer exists. It may have been removed.');
  return template;
}

function requireAgenda(store: DocumentStore, clientId: string, sessionId: string) {
  const agenda = store.client(clientId).agendas.find((candidate) => candidate.sessionId === sessionId);
  if (!agenda) throw new RapportError('NOT_FOUND', 'There is no agenda for this session yet. Draft one first.');
  return agenda;
}

export function createTemplatesService(context: ServiceContext): TemplatesApi {
  const { store } = context;
  return {
    async list() {
      const own = [...store.practice().templates].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
      return [
        ...STARTER_TEMPLATES.map((template) => ({ ...template, builtIn: true })),
        ...own.map((template) => ({ ...template, builtIn: false })),
      ];
    },

    async saveFromAgenda(clientId, sessionId, name) {
      const agenda = requireAgenda(store, clientId, sessionId);
      const template: AgendaTemplate = {
        ...newRecord(context),
        name,
        goals: agenda.goals.map((goal) => goal.text),
        items: agenda.items.map(({ title, details, minutes }) => ({ title, details, minutes })),
      };
      await store.updatePractice((practice) => {
        practice.templates.push(template);
      });
      return { ...template, builtIn: false } satisfies TemplateSummary;
    },

    async remove(templateId) {
      if (isStarterTemplate(templateId)) {
        throw new RapportError('INVALID_INPUT', 'The starter templates that come with Rapport cannot be removed.');
      }
      findTemplate(store, templateId);
      await store.updatePractice((practice) => {
        practice.templates = practice.templates.filter((template) => template.id !== templateId);
      });
    },
  };
}
