import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testWorkspace } from '../../helpers/workspace-api';
import { FIXED_NOW, workspaceWithSession } from './agenda-workspace';
import { rejection } from '../../helpers/rejection';

const MISSING = randomUUID();

describe('templates', () => {
  it('lists the three starters first', async () => {
    const workspace = await testWorkspace({ now: () => FIXED_NOW });
    const templates = await workspace.templates.list();
    expect(templates.map((template) => [template.name, template.builtIn])).toEqual([
      ['First session', true],
      ['Regular session', true],
      ['Closing session', true],
    ]);
    for (const template of templates) {
      expect(template.items.length).toBeGreaterThan(3);
      expect(template.items.reduce((sum, item) => sum + item.minutes, 0)).toBe(60);
    }
  });

  it('saves an agenda as a template, lists it by name, and starts a new agenda from it', async () => {
    const { workspace, clientId, sessionId } = await workspaceWithSession();
    await workspace.agendas.save(clientId, sessionId, {
      goals: [{ text: 'Prepare the interview' }],
      items: [{ title: 'Mock interview', details: 'Three questions.', minutes: 40, proposedBy: 'client' }],
    });
    const saved = await workspace.templates.saveFromAgenda(clientId, sessionId, '  Interview prep  ');
    expect(saved).toMatchObject({
      name: 'Interview prep',
      builtIn: false,
      goals: ['Prepare the interview'],
      items: [{ title: 'Mock interview', details: 'Three questions.', minutes: 40 }],
      createdAt: FIXED_NOW.toISOString(),
    });
    await workspace.templates.saveFromAgenda(clientId, sessionId, 'Another');
    expect((await workspace.templates.list()).map((template) => template.name)).toEqual([
      'First session',
      'Regular session',
      'Closing session',
      'Another',
      'Interview prep',
    ]);
    const agenda = await workspace.agendas.fromTemplate(clientId, sessionId, saved.id);
    expect(agenda.items).toMatchObject([{ title: 'Mock interview', minutes: 40, proposedBy: 'coach' }]);
  });

  it('removes the coach’s own templates but never the starters', async () => {
    const { workspace, clientId, sessionId } = await workspaceWithSession();
    await workspace.agendas.save(clientId, sessionId, { goals: [], items: [{ title: 'One', minutes: 5, proposedBy: 'coach' }] });
    const saved = await workspace.templates.saveFromAgenda(clientId, sessionId, 'Mine');
    await workspace.templates.remove(saved.id);
    expect((await workspace.templates.list()).map((template) => template.name)).not.toContain('Mine');
    const [starter] = await workspace.templates.list();
    const refused = await rejection(workspace.templates.remove(starter.id), 'INVALID_INPUT');
    expect(refused.message).toContain('cannot be removed');
    expect(await workspace.templates.list()).toHaveLength(3);
  });

  it('says NOT_FOUND and INVALID_INPUT where it should', async () => {
    const { workspace, clientId, sessionId } = await workspaceWithSession();
    await expect(workspace.templates.saveFromAgenda(clientId, sessionId, 'No agenda yet')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(workspace.templates.saveFromAgenda(MISSING, sessionId, 'X')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(workspace.templates.saveFromAgenda(clientId, sessionId, '   ')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(workspace.templates.saveFromAgenda(clientId, sessionId, 'x'.repeat(201))).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(workspace.templates.remove(MISSING)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(workspace.templates.remove('starter')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect((workspace.templates.list as (...args: unknown[]) => Promise<unknown>)('extra')).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
  });
});
