import { join } from 'node:path';
import { openWorkspace } from '../../electron/core/workspace';
import { seedPractice, type SeededPractice } from './helpers/seed-practice';
import { expect, firstInk, pdfPageGrey, pdfPageTexts, test, topOfPage, type RapportApp } from './fixtures';

/*
 * The printed sheets are one family (docs/printing.md): the same letterhead and margins, a
 * running header with whose sheet it is and "Page N of M" on every page after the first, wording
 * addressed to the client, and the coach's Markdown rendered. Each sheet is saved as a real PDF
 * through the host's print path, from a seeded practice made long enough to run over pages.
 */

interface Sheet {
  name: string;
  route: (practice: SeededPractice) => string;
  /** The running header's text, before "Page N of M"; null for a sheet that is always one page. */
  header: string | null;
  /** Read by the client: no "Client"/"Coach" labels. The hours log is the coach's own. */
  forClient: boolean;
}

const SHEETS: Sheet[] = [
  { name: 'agenda', route: (p) => `/print/agenda/${p.amara.id}/${p.amaraNextSession}`, header: 'Amara Okafor · Agenda', forClient: true },
  { name: 'goals', route: (p) => `/print/goals/${p.amara.id}`, header: 'Amara Okafor · Goal checklists', forClient: true },
  { name: 'client-file', route: (p) => `/print/client/${p.amara.id}`, header: 'Amara Okafor · File', forClient: true },
  {
    name: 'recap',
    route: (p) => `/print/recap/${p.amara.id}/${p.amaraLastSession}`,
    header: 'Amara Okafor · Session recap',
    forClient: true,
  },
  { name: 'feedback', route: (p) => `/print/feedback/${p.amara.id}`, header: null, forClient: true },
  { name: 'hours', route: () => '/print/hours', header: 'Client coaching log', forClient: false },
];

const MARKDOWN_NOTE = '## Before we meet\n\n- **Dana** first\n- then the _board_\n\n> Wait for the pause.';

/** The seeded practice, with enough in it that every sheet but the feedback sheet runs over a page. */
async function seedLongPractice(app: RapportApp): Promise<SeededPractice> {
  let practice: SeededPractice | undefined;
  await app.restart(async () => {
    practice = await seedPractice(app.dataDir);
    const workspace = await openWorkspace(app.dataDir);
    try {
      const { amara, priya, amaraNextSession, amaraLastSession } = practice;
      await workspace.notes.create(amara.id, MARKDOWN_NOTE);
      const [goal] = await workspace.goals.list(amara.id);
      for (let step = 1; step <= 24; step += 1) {
        await workspace.goals.createStep(amara.id, goal.id, {
          text: `Step ${step} towards the role`,
          owner: step % 2 ? 'client' : 'coach',
        });
      }
      const agenda = await workspace.agendas.get(amara.id, amaraNextSession);
      await workspace.agendas.save(amara.id, amaraNextSession, {
        goals: (agenda?.goals ?? []).map(({ text }) => ({ text })),
        items: [
          ...(agenda?.items ?? []).map(({ title, details, minutes, proposedBy }) => ({ title, details, minutes, proposedBy })),
          ...Array.from({ length: 12 }, (_, index) => ({
            title: `Topic ${index + 1}`,
            details: 'What to bring: **the draft** and\n- the numbers\n- the dates',
            minutes: 5,
            proposedBy: index % 2 ? ('coach' as const) : ('client' as const),
          })),
        ],
      });
      for (let index = 1; index <= 30; index += 1) {
        await workspace.commitments.create(amara.id, {
          text: `Commitment ${index}: try one new way of handing a fire over`,
          owner: index % 2 ? 'client' : 'coach',
          sessionId: amaraLastSession,
        });
      }
      for (let week = 1; week <= 40; week += 1) {
        const startsAt = new Date(Date.UTC(2025, 0, 6 + 7 * week, 10)).toISOString();
        const session = await workspace.sessions.create(priya.id, { startsAt, durationMinutes: 60, mode: 'video' });
        await workspace.sessions.setStatus(priya.id, session.id, 'held');
      }
    } finally {
      await workspace.close();
    }
  });
  if (!practice) throw new Error('the practice was not seeded');
  return practice;
}

async function savePdf(app: RapportApp, route: string, path: string): Promise<void> {
  await app.queueFilePath(path);
  await app.page.evaluate(([to, name]) => window.rapportDesktop.saveAsPdf(to, name), [route, 'sheet.pdf'] as const);
}

test(
  'the printed sheets share one letterhead, carry a running header after page one and speak to the client',
  { tag: '@pdf' },
  async ({ app }) => {
    test.setTimeout(180_000);
    const practice = await seedLongPractice(app);
    const folder = join(app.dataDir, '..');
    const letterheads = new Map<string, Buffer>();
    const texts = new Map<string, string>();

    for (const sheet of SHEETS) {
      const pdf = join(folder, `${sheet.name}.pdf`);
      await savePdf(app, sheet.route(practice), pdf);
      const pages = await pdfPageTexts(pdf);

      // The letterhead from Settings opens every sheet, drawn alike to the pixel: the same
      // component, type and margins (the band above the title, on A4).
      expect(pages[0], `${sheet.name}: the letterhead`).toMatch(
        /^Helen Marsh Marsh Career Coaching helen@marshcoaching\.example · \+44 20 7946 0321 /,
      );
      letterheads.set(sheet.name, topOfPage(await pdfPageGrey(pdf, 1), 36));

      // The running header: never on the first page, on every other one with its number.
      expect(pages[0], `${sheet.name}: page 1 has no running header`).not.toMatch(/Page \d+ of \d+/);
      if (sheet.header === null) {
        expect(pages, `${sheet.name} fits one page`).toHaveLength(1);
      } else {
        expect(pages.length, `${sheet.name} runs over a page`).toBeGreaterThan(1);
        for (const [index, text] of pages.entries()) {
          if (index > 0) expect(text, `${sheet.name}, page ${index + 1}`).toContain(`${sheet.header} Page ${index + 1} of ${pages.length}`);
        }
      }

      const text = pages.join(' ');
      texts.set(sheet.name, text);
      if (sheet.forClient) {
        expect(text, `${sheet.name}: no "Client"/"Coach" labels`).not.toMatch(/\b(Client|Coach)\b/u);
        expect(text, `${sheet.name}: the client is not "proposed by" their own full name`).not.toContain('proposed by Amara');
      }
      expect(text, `${sheet.name}: no Markdown marks shown raw`).not.toMatch(/\*\*|^#|\s#{1,6}\s/u);
    }

    const [first, ...others] = [...letterheads.entries()];
    for (const [name, pixels] of others) expect(pixels.equals(first[1]), `the letterhead of ${name} drawn as on ${first[0]}`).toBe(true);

    // The coach's Markdown is printed as formatting; proposers are "you" or the coach's first name.
    const file = texts.get('client-file') ?? '';
    expect(file).toContain('Energy rose when she talked about building teams; dropped at budgets.');
    expect(file).toContain('Before we meet Dana first then the board Wait for the pause.');
    expect(file).not.toContain('_board_');
    expect(file).not.toContain('> Wait');
    const agenda = texts.get('agenda') ?? '';
    expect(agenda).toContain('Topic 1 proposed by you 5 min What to bring: the draft and the numbers the dates');
    expect(agenda).toContain('Topic 2 proposed by Helen 5 min');

    // Before Settings has a letterhead, a sheet starts with its title: no empty band, no rule.
    await app.restart(async () => {
      const workspace = await openWorkspace(app.dataDir);
      await workspace.settings.update({ coachName: '', businessName: '', contactLine: '' });
      await workspace.close();
    });
    for (const sheet of SHEETS) {
      const pdf = join(folder, `${sheet.name}-plain.pdf`);
      await savePdf(app, sheet.route(practice), pdf);
      const ink = firstInk(await pdfPageGrey(pdf, 1));
      // The first ink is the title's first line of letters at the top margin (20 mm on A4), not a rule across the page.
      expect(ink?.millimetres, `${sheet.name}: where the first ink is`).toBeLessThan(23);
      expect(ink?.inked, `${sheet.name}: the first inked row is letters, not a rule`).toBeLessThan(0.5);
    }
  },
);
