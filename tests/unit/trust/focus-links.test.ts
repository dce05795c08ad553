// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { routes } from '../../../renderer/src/router';
import { clientTabs } from '../../../renderer/src/views/client-tabs';
import type { TrustRatings } from '../../../shared/trust/quotient';
import { FOCUS_TABS, suggestFocus } from '../../../shared/trust/focus';
import { agenda, clientDocument, local, session } from './fixtures';

const now = new Date(local(2026, 6, 30, 12));
const ONE_WEAK_COMPONENT: TrustRatings[] = [
  { credibility: 3, reliability: 8, intimacy: 8, selfOrientation: 2 },
  { credibility: 8, reliability: 3, intimacy: 8, selfOrientation: 2 },
  { credibility: 8, reliability: 8, intimacy: 3, selfOrientation: 2 },
  { credibility: 8, reliability: 8, intimacy: 8, selfOrientation: 8 },
];

describe('suggested focus links', () => {
  it('only name tabs the client file has', () => {
    const registered = clientTabs.map((tab) => tab.id);
    for (const tab of FOCUS_TABS) expect(registered).toContain(tab);
  });

  it('resolve to a real page for every component, with and without a session coming up', () => {
    const router = createRouter({ history: createMemoryHistory(), routes });
    const next = session(local(2026, 7, 2, 10), { status: 'planned' });
    const documents = [clientDocument(), clientDocument({ sessions: [next], agendas: [agenda(next.id)] })];
    const registered = new Set(clientTabs.map((tab) => tab.id));
    for (const document of documents) {
      for (const ratings of ONE_WEAK_COMPONENT) {
        const focus = suggestFocus(document, { source: 'coach', ratings }, { now, noContactDays: 21 });
        expect(focus?.practices).toHaveLength(3);
        for (const { link } of focus?.practices ?? []) {
          const resolved = router.resolve(link.to);
          expect(resolved.name, link.to).not.toBeUndefined();
          expect(resolved.matched[0]?.path, link.to).not.toBe('/:pathMatch(.*)*');
          if (resolved.name === 'client') expect(registered.has(String(resolved.query.tab)), link.to).toBe(true);
        }
      }
    }
  });

  it('open the next session’s agenda when one is coming', () => {
    const next = session(local(2026, 7, 2, 10), { status: 'planned' });
    const document = clientDocument({ sessions: [next] });
    const focus = suggestFocus(document, { source: 'coach', ratings: ONE_WEAK_COMPONENT[0] }, { now, noContactDays: 21 });
    expect(focus?.practices[2].link).toEqual({
      to: `/clients/${document.client.id}/sessions/${next.id}/agenda`,
      label: 'Plan the agenda for the session on',
      at: next.startsAt,
    });
  });
});
