import { describe, expect, it } from 'vitest';
import type { Client, ClientSummary } from '../../../shared/model/client';
import { changedFields, draftOf, profileOf, splitTags } from '../../../renderer/src/components/clients/client-draft';
import { filterClients } from '../../../renderer/src/components/clients/filter-clients';
import { trendText } from '../../../renderer/src/components/clients/overview-text';
import { targetIndex } from '../../../renderer/src/components/common/keyboard';
import { useFormErrors } from '../../../renderer/src/components/common/use-form-errors';

function summary(name: string, extra: Partial<ClientSummary> = {}): ClientSummary {
  return {
    id: name,
    name,
    preferredName: '',
    status: 'active',
    tags: [],
    organisation: '',
    nextSessionAt: null,
    lastContactAt: null,
    ...extra,
  };
}

describe('filterClients', () => {
  const clients = [
    summary('Amara Okafor', { organisation: 'Northwind', tags: ['leadership'] }),
    summary('Bo Lindqvist', { preferredName: 'Bosse', status: 'paused' }),
    summary('Dana Archer', { status: 'archived', organisation: 'Northwind' }),
  ];

  it('filters by status, hiding archived clients by default', () => {
    expect(filterClients(clients, 'all')).toHaveLength(3);
    expect(filterClients(clients, 'not-archived').map((c) => c.name)).toEqual(['Amara Okafor', 'Bo Lindqvist']);
    expect(filterClients(clients, 'archived').map((c) => c.name)).toEqual(['Dana Archer']);
    expect(filterClients(clients, 'paused').map((c) => c.name)).toEqual(['Bo Lindqvist']);
  });
});

describe('client drafts', () => {
  it('turns comma-separated text into tags, dropping empty ones', () => {
    expect(splitTags(' a, b ,, c ,')).toEqual(['a', 'b', 'c']);
    expect(splitTags('')).toEqual([]);
  });

  it('round-trips a client and sends only what changed', () => {
    const client = {
      id: '0b7c6a52-5d0e-4c43-9a55-3a3f6b0f4d11',
      name: 'Amara',
      preferredName: '',
      pronouns: '',
      email: '',
      phone: '',
      currentRole: '',
      targetRole: '',
      organisation: '',
      status: 'active',
      tags: ['x', 'y'],
      startDate: null,
      background: '',
    } as unknown as Client;
    const draft = draftOf(client);
    expect(draft.tags).toBe('x, y');
    expect(changedFields(profileOf(draft), client)).toEqual({});
    expect(changedFields(profileOf({ ...draft, tags: 'x', startDate: '2026-01-01' }), client)).toEqual({
      tags: ['x'],
      startDate: '2026-01-01',
    });
  });
});

describe('keyboard targets', () => {
  it('wraps around and understands Home and End', () => {
    expect(targetIndex('ArrowDown', 2, 3, 'vertical')).toBe(0);
    expect(targetIndex('ArrowUp', 0, 3, 'vertical')).toBe(2);
    expect(targetIndex('ArrowRight', 0, 3, 'horizontal')).toBe(1);
    expect(targetIndex('ArrowRight', 0, 3, 'vertical')).toBeNull();
    expect(targetIndex('End', 0, 3, 'horizontal')).toBe(2);
    expect(targetIndex('Home', 2, 3, 'vertical')).toBe(0);
    expect(targetIndex('ArrowDown', 0, 0, 'vertical')).toBeNull();
  });
});

describe('useFormErrors', () => {
  it('keeps the first message per known field and returns the rest', () => {
    const form = useFormErrors(['name', 'tags'] as const);
    const others = form.showAll([
      { path: ['tags', 2], message: 'Tags cannot be empty.' },
      { path: ['name'], message: 'Please enter the client’s name.' },
      { path: ['name'], message: 'A second message.' },
      { path: ['backup', 'keep'], message: 'Keep at least one backup.' },
    ]);
    expect(form.errors.value).toEqual({ name: 'Please enter the client’s name.', tags: 'Tags cannot be empty.' });
    expect(form.firstInvalid.value).toBe('name');
    expect(others).toEqual(['Keep at least one backup.']);

    form.showFor('name', []);
    expect(form.errors.value).toEqual({ tags: 'Tags cannot be empty.' });
    form.showFor('name', [{ path: ['tags'], message: 'ignored for name' }]);
    expect(form.errors.value).toEqual({ tags: 'Tags cannot be empty.' });
    form.clear();
    expect(form.hasErrors.value).toBe(false);
  });
});

describe('trendText', () => {
  const point = (source: 'coach' | 'client', quotient: number) => ({ assessmentId: source, date: '2026-03-01', source, quotient });

  it('says which way trust moved, and why there is no trend yet', () => {
    expect(trendText({ change: null, trend: [point('coach', 3)], latest: point('coach', 3) })).toMatch(/^The first rating/);
    expect(trendText({ change: null, trend: [point('coach', 3), point('client', 4)], latest: point('client', 4) })).toMatch(
      /^The client’s first feedback/,
    );
    expect(trendText({ change: 0.6, trend: [], latest: null })).toBe('Up 0.6 since the previous rating.');
    expect(trendText({ change: -1.25, trend: [], latest: null })).toBe('Down 1.3 since the previous rating.');
    expect(trendText({ change: 0.01, trend: [], latest: null })).toBe('Steady since the previous rating.');
  });
});
