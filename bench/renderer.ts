import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from '@playwright/test';
import { startBrowserHost } from '../tests/e2e/hosts/browser-host';
import { launchChromium } from '../tests/e2e/hosts/chromium';
import type { ClientDocument } from '../shared/model/documents';
import { readAndParseAll } from './baselines/physical-read';
import { generatePractice } from './generate/generate-practice';
import { COMMON_TERM, RARE_TERM } from './generate/vocabulary';
import { describeMachine, describeMachineLine } from './harness/machine';
import { measurement, series, type Measurement } from './harness/results';
import { writeResults } from './harness/write-results';
import { formatTable } from './harness/table';
import { timeRepeatedly } from './harness/timing';
import { loadToPaint, timeToPaint, watchLoads } from './renderer/page-timing';

const CLIENT_LINKS = 'nav[aria-label="Clients"] a';
const SEARCH_HITS = '#search-results [role="option"]';
const SESSION_CARDS = '[role="tabpanel"] li.session';
/** As renderer/src/components/sessions/SessionsPanel.vue pages past sessions. */
const PAST_SESSIONS_SHOWN = 20;

function log(message: string): void {
  console.error(`[bench:renderer ${new Date().toISOString().slice(11, 19)}] ${message}`);
}

/** From navigation start (the workspace is already open) to a painted sidebar with every client's link. */
async function measureClientList(page: Page, clients: number, shown: number, rounds: number): Promise<Measurement> {
  await watchLoads(page, { selector: CLIENT_LINKS, atLeast: shown });
  const samples = await timeRepeatedly(rounds, 2, () =>
    loadToPaint(page, async () => {
      await page.reload();
    }),
  );
  return measurement({
    id: 'renderer-client-list',
    label: `client list interactive (${clients} clients)`,
    subject: series(`navigation start → sidebar with all ${shown} links painted`, samples),
    baseline: null,
    target: { kind: 'max-ms', value: 300 },
    note: `The sidebar lists the ${shown} clients that are not archived (its default filter); the workspace is open before the page loads.`,
  });
}

/** From the input event of a search term entered in one go to its results painted in the sidebar search. */
async function measureSearchKeystroke(page: Page, term: string, kind: string, rounds: number): Promise<Measurement> {
  await page.keyboard.press('Control+k');
  const box = page.getByRole('complementary').getByRole('combobox');
  await box.waitFor();
  const samples = await timeRepeatedly(rounds, 2, async () => {
    await box.fill('');
    await page.locator(SEARCH_HITS).first().waitFor({ state: 'detached' });
    return timeToPaint(page, { selector: SEARCH_HITS, atLeast: 1 }, 'input-event', async () => {
      await page.keyboard.insertText(term);
    });
  });
  await page.keyboard.press('Escape');
  return measurement({
    id: `renderer-search-${kind}`,
    label: `search keystroke → painted results, ${kind} “${term}”`,
    subject: series('input event → results painted', samples),
    baseline: null,
    target: { kind: 'max-ms', value: 50 },
  });
}

/** Session cards the sessions tab shows at first: every upcoming session and the latest past ones. */
function sessionCardsShown(document: ClientDocument, now: number): number {
  const upcoming = document.sessions.filter((session) => Date.parse(session.startsAt) + session.durationMinutes * 60_000 >= now).length;
  return upcoming + Math.min(PAST_SESSIONS_SHOWN, document.sessions.length - upcoming);
}

/** From following the link to the biggest client's sessions tab to its session cards painted. */
async function measureLargestClient(page: Page, client: ClientDocument, rounds: number): Promise<Measurement> {
  const shown = sessionCardsShown(client, Date.now());
  const samples = await timeRepeatedly(rounds, 2, async () => {
    await page.evaluate(() => {
      window.location.hash = '#/';
    });
    await page.locator(SESSION_CARDS).first().waitFor({ state: 'detached' });
    return timeToPaint(page, { selector: SESSION_CARDS, atLeast: shown }, 'action', async () => {
      await page.evaluate((id) => {
        window.location.hash = `#/clients/${id}?tab=sessions`;
      }, client.client.id);
    });
  });
  return measurement({
    id: 'renderer-largest-client',
    label: `open the largest client (${client.sessions.length} sessions)`,
    subject: series(`route change → sessions tab painted (${shown} cards)`, samples),
    baseline: null,
    target: { kind: 'max-ms', value: 150 },
    note: `The tab shows upcoming sessions and the latest ${PAST_SESSIONS_SHOWN} past ones, with a button for earlier ones.`,
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string', default: '1' },
      quick: { type: 'boolean', default: false },
      out: { type: 'string', default: 'bench/results/renderer.json' },
    },
  });
  const rounds = values.quick ? 3 : 11;
  const root = await mkdtemp(join(tmpdir(), 'rapport-bench-renderer-'));
  const machine = describeMachine(root);
  const startedAt = new Date();
  log(describeMachineLine(machine));
  const browser = await launchChromium();
  try {
    log('generating the ten-year practice…');
    const practice = await generatePractice(join(root, 'ten-year'), { seed: Number(values.seed), scale: 'ten-year' });
    const { clients } = await readAndParseAll(practice.dir);
    const largest = clients.reduce((best, document) => (document.sessions.length > best.sessions.length ? document : best));
    const notArchived = clients.filter((document) => document.client.status !== 'archived').length;
    const host = await startBrowserHost(browser, practice.dir);
    try {
      const measurements: Measurement[] = [];
      log('client list…');
      measurements.push(await measureClientList(host.page, practice.clients.length, notArchived, rounds));
      log('search keystroke…');
      measurements.push(await measureSearchKeystroke(host.page, COMMON_TERM, 'common', rounds));
      measurements.push(await measureSearchKeystroke(host.page, RARE_TERM, 'rare', rounds));
      log('largest client…');
      measurements.push(await measureLargestClient(host.page, largest, rounds));
      const errors = host.uncaughtErrors();
      if (errors.length > 0) throw new Error(`The page threw: ${errors.join('; ')}`);
      const outFile = await writeResults(resolve(values.out), {
        startedAt,
        quick: values.quick,
        machine,
        practice: { seed: Number(values.seed), counts: practice.counts, bytes: practice.bytes },
        measurements,
      });
      console.log(`\nRapport renderer benchmark (Chromium ${browser.version()}) — ${describeMachineLine(machine)}\n`);
      console.log(formatTable(measurements));
      console.log(`\nWritten to ${outFile}`);
    } finally {
      await host.close();
    }
  } finally {
    await browser.close();
    await rm(root, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
