import { z } from 'zod';
import type { AgendaTemplate } from '../model/agenda';
import { Id, ShortText } from '../model/primitives';

export type TemplateSummary = AgendaTemplate & {
  /** One of the starters that ship with Rapport; these cannot be removed. */
  builtIn: boolean;
};

export interface TemplatesApi {
  /** The starters first, then the coach's own templates by name. */
  list(): Promise<TemplateSummary[]>;
  /** Saves the goals and items of a session's agenda as a new template. */
  saveFromAgenda(clientId: string, sessionId: string, name: string): Promise<TemplateSummary>;
  remove(templateId: string): Promise<void>;
}

export const templatesContract = {
  list: z.tuple([]),
  saveFromAgenda: z.tuple([Id, Id, ShortText.trim().min(1, { error: 'Please name the template.' })]),
  remove: z.tuple([Id]),
};
