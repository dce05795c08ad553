import type { Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, pdfText, test } from './fixtures';

const SCRIPT = '<script>window.__pwned = "script"</script>';
const IMG = '<img src=x onerror="window.__pwned = \'img\'">';
const JS_LINK = '<a href="javascript:window.__pwned = \'link\'">open</a>';
const MARKDOWN = '[click me](javascript:window.__pwned=1) ![tracker](https://example.com/t.png)';
const BIDI = 'Amara \u202Etxt.exe\u202C Okafor\u200B\u200C\u200D\uFEFF';
const LONG = 'W'.repeat(5000);
const NAME = `${IMG} ${BIDI}`;
const REPLY_ITEM = '<svg onload="window.__pwned = \'reply\'"> added by the client';

/** What the coach can read in the main area: its text and the values of its fields. */
async function shownText(page: Page): Promise<string> {
  return page.getByRole('main').evaluate((main) => {
    const values = [...main.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')].map((field) => field.value);
    return [(main as HTMLElement).innerText, ...values].join('\n');
  });
}

/** Nothing ran, nothing was turned into markup, and nothing pushed the page wider than the window. */
async function expectInert(page: Page, dialogs: string[]): Promise<void> {
  expect(dialogs).toEqual([]);
  const state = await page.evaluate(() => ({
    pwned: (window as unknown as Record<string, unknown>).__pwned ?? null,
    injectedElements: document.querySelectorAll('main img, main svg[onload], main script:not([src]), main iframe, a[href^="javascript:" i]')
      .length,
    pageWidth: document.documentElement.scrollWidth,
    viewportWidth: window.innerWidth,
  }));
  expect(state).toEqual({ pwned: null, injectedElements: 0, pageWidth: state.viewportWidth, viewportWidth: state.viewportWidth });
  const sidebar = await page.locator('aside').first().boundingBox();
  expect(sidebar).not.toBeNull();
  expect(sidebar!.x + sidebar!.width).toBeLessThanOrEqual(state.viewportWidth);
}

async function openRoute(page: Page, route: string): Promise<void> {
  await page.evaluate((hash) => (window.location.hash = hash), route);
}

interface Seeded {
  clientId: string;
  sessionId: string;
}

/** Everything else a client file holds, through the same API the app's own screens call. */
async function seedHostileRecords(page: Page, clientId: string): Promise<Seeded> {
  return page.evaluate(
    async ({ clientId, text, startsAt }) => {
      const api = window.rapport;
      const session = await api.sessions.create(clientId, { startsAt, mode: 'in-person', location: text.JS_LINK });
      await api.notes.create(clientId, [text.SCRIPT, text.IMG, text.JS_LINK, text.MARKDOWN, text.BIDI, text.LONG].join('\n\n'));
      await api.terminology.create(clientId, { term: text.SCRIPT, meaning: text.IMG });
      const goal = await api.goals.create(clientId, { title: text.IMG, why: text.LONG });
      await api.goals.createStep(clientId, goal.id, { text: text.JS_LINK, owner: 'client' });
      await api.commitments.create(clientId, { text: `${text.SCRIPT} ${text.BIDI}`, owner: 'client' });
      await api.agendas.save(clientId, session.id, {
        goals: [{ text: text.SCRIPT }],
        items: [{ title: text.IMG, minutes: 10, proposedBy: 'coach', details: `${text.MARKDOWN}\n${text.LONG}` }],
      });
      const { text: shared } = await api.agendas.share(clientId, session.id);
      const reply = `${shared.trimEnd()}\n2. ${text.REPLY_ITEM} (5 min)\n`;
      const preview = await api.agendas.previewReply(clientId, session.id, reply);
      await api.agendas.applyReply(
        clientId,
        session.id,
        reply,
        preview.changes.map((change) => change.id),
      );
      return { clientId, sessionId: session.id };
    },
    // Two days ahead, so Today lists the session under the client's name.
    {
      clientId,
      text: { SCRIPT, IMG, JS_LINK, MARKDOWN, BIDI, LONG, REPLY_ITEM },
      startsAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
    },
  );
}

let folder: string;

test.beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'rapport-e2e-untrusted-'));
});

test.afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

test(
  'script-like, right-to-left and very long text is shown as written and runs nothing, on screen and in print',
  { tag: '@pdf' },
  async ({ app }) => {
    const { page } = app;
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });

    await page.getByRole('button', { name: 'New client' }).click();
    const main = page.getByRole('main');
    await main.getByLabel('Name', { exact: true }).fill(NAME);
    await main.getByLabel('Background', { exact: true }).fill(`${SCRIPT}\n${LONG}`);
    await main.getByRole('button', { name: 'Create client' }).click();
    await expect(main.getByRole('heading', { level: 1 })).toHaveText(NAME.trim());
    const clientId = /#\/clients\/([0-9a-f-]{36})/.exec(page.url())?.[1];
    expect(clientId).toBeDefined();
    await expectInert(page, dialogs);
    await expect(page.locator('aside')).toContainText(NAME.trim());

    const { sessionId } = await seedHostileRecords(page, clientId!);
    await page.reload();

    const tabs: [string, string[]][] = [
      ['Profile', [NAME.trim(), SCRIPT]],
      ['Sessions', [JS_LINK]],
      ['Commitments', [`${SCRIPT} ${BIDI}`]],
      ['Goals', [IMG, JS_LINK]],
      ['Notes', [SCRIPT, IMG, JS_LINK, BIDI, 'click me', 'tracker']],
      ['Their words', [SCRIPT, IMG]],
    ];
    for (const [tab, expected] of tabs) {
      await main.getByRole('tab', { name: tab }).click();
      await expect(main.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
      for (const text of expected) await expect.poll(() => shownText(page), `${tab} shows ${text.slice(0, 30)}`).toContain(text);
      await expectInert(page, dialogs);
    }

    await openRoute(page, `/clients/${clientId}/sessions/${sessionId}/agenda`);
    for (const text of [SCRIPT, IMG, REPLY_ITEM]) await expect.poll(() => shownText(page), `agenda shows ${text}`).toContain(text);
    await expectInert(page, dialogs);

    for (const route of ['/', '/goals']) {
      await openRoute(page, route);
      await expect.poll(() => shownText(page), `${route} shows the client's name`).toContain(NAME.trim());
      await expectInert(page, dialogs);
    }

    const pdf = join(folder, 'agenda.pdf');
    await app.queueFilePath(pdf);
    await page.evaluate(
      ([client, session]) => window.rapportDesktop.saveAsPdf(`/print/agenda/${client}/${session}`, 'Agenda.pdf'),
      [clientId!, sessionId],
    );
    const printed = await pdfText(pdf);
    for (const text of [SCRIPT, IMG, REPLY_ITEM]) expect(printed).toContain(text);
    await expectInert(page, dialogs);
  },
);
