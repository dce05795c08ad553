import { describe, expect, it } from 'vitest';
import { testWorkspace } from '../../helpers/workspace-api';
import { MISSING_ID } from './api-helpers';
import { rejection } from '../../helpers/rejection';

const clock = () => new Date('2026-06-30T12:00:00.000Z');
const rating = { date: '2026-06-29', source: 'coach' as const, credibility: 6, reliability: 3, intimacy: 3, selfOrientation: 8 };

describe('assessments API', () => {
  it('creates, lists in date order and removes assessments', async () => {
    const workspace = await testWorkspace({ now: clock });
    const client = await workspace.clients.create({ name: 'Amara Okafor' });
    const later = await workspace.assessments.create(client.id, { ...rating, note: 'After session 3' });
    const earlier = await workspace.assessments.create(client.id, { ...rating, date: '2026-05-01', source: 'client' });
    expect(later).toMatchObject({ ...rating, note: 'After session 3', createdAt: '2026-06-30T12:00:00.000Z' });
    expect(earlier.note).toBe('');
    expect((await workspace.assessments.list(client.id)).map((entry) => entry.id)).toEqual([earlier.id, later.id]);
    await workspace.assessments.remove(client.id, earlier.id);
    expect(await workspace.assessments.list(client.id)).toEqual([later]);
  });

  it('keeps assessments after reopening the workspace', async () => {
    const first = await testWorkspace({ now: clock });
    const client = await first.clients.create({ name: 'Ben' });
    const created = await first.assessments.create(client.id, rating);
    await first.close();
    const second = await testWorkspace({ now: clock, dir: first.dataDir });
    expect(await second.assessments.list(client.id)).toEqual([created]);
  });

  it('refuses ratings outside 1–10, fractions, unknown fields and bad dates', async () => {
    const workspace = await testWorkspace({ now: clock });
    const client = await workspace.clients.create({ name: 'Chen' });
    const cases: [unknown, string][] = [
      [{ ...rating, reliability: 11 }, 'reliability'],
      [{ ...rating, intimacy: 0 }, 'intimacy'],
      [{ ...rating, credibility: 6.5 }, 'credibility'],
      [{ ...rating, selfOrientation: '5' }, 'selfOrientation'],
      [{ ...rating, source: 'friend' }, 'source'],
      [{ ...rating, date: '29/06/2026' }, 'date'],
      [{ ...rating, extra: true }, ''],
    ];
    for (const [input, field] of cases) {
      const error = await rejection(workspace.assessments.create(client.id, input as never));
      expect(error.code).toBe('INVALID_INPUT');
      if (field) expect(error.issues[0].path).toEqual([field]);
    }
    const { selfOrientation: _omitted, ...missing } = rating;
    expect((await rejection(workspace.assessments.create(client.id, missing as never))).issues[0].path).toEqual(['selfOrientation']);
    expect(await workspace.assessments.list(client.id)).toEqual([]);
  });

  it('refuses a date in the future', async () => {
    const workspace = await testWorkspace({ now: clock });
    const client = await workspace.clients.create({ name: 'Dana' });
    const error = await rejection(workspace.assessments.create(client.id, { ...rating, date: '2026-07-02' }));
    expect(error).toMatchObject({ code: 'INVALID_INPUT', issues: [{ path: ['date'], message: expect.stringContaining('future') }] });
  });

  it('answers NOT_FOUND for unknown clients and assessments, and INVALID_INPUT for bad ids', async () => {
    const workspace = await testWorkspace({ now: clock });
    const client = await workspace.clients.create({ name: 'Eve' });
    await expect(workspace.assessments.list(MISSING_ID)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(workspace.assessments.create(MISSING_ID, rating)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(workspace.assessments.remove(client.id, MISSING_ID)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(workspace.assessments.list('not-an-id')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(workspace.assessments.remove(client.id, 'nope')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});
