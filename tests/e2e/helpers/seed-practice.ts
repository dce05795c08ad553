import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WorkspaceApi } from '../../../shared/api';
import { openWorkspace } from '../../../electron/core/workspace';

/**
 * The moment the seeded practice is "now" for: a Wednesday morning. Screenshots freeze both
 * clocks (the workspace's and the page's) here, so every picture shows the same week.
 */
export const SEED_NOW = new Date('2026-03-11T09:30:00Z');

/** The time zone the seeded dates are meant in; screenshots run the browser and Node in it. */
export const SEED_TIME_ZONE = 'Europe/London';

export interface SeededClient {
  id: string;
  name: string;
  /** A short, file-name-safe name for screenshots: "amara". */
  slug: string;
}

export interface SeededPractice {
  /** The client with everything: sessions held and planned, agendas, goals, trust, notes. */
  amara: SeededClient;
  /** A prospect with only a first conversation planned. */
  jonas: SeededClient;
  /** An active client between sessions, with an overdue commitment. */
  priya: SeededClient;
  /** Paused for parental leave. */
  tom: SeededClient;
  /** Finished last month. */
  lucia: SeededClient;
  /** Archived. */
  mei: SeededClient;
  /** Amara's next session: planned, with an agenda, meeting goals and an intimacy plan. */
  amaraNextSession: string;
  /** Amara's last session: held, with a reviewed agenda and a reflection. */
  amaraLastSession: string;
  /** Amara's first goal, with steps. */
  amaraGoal: string;
}

/** A clock that the seed moves by hand, so that records get believable, distinct times. */
class SeedClock {
  private at: number;
  constructor(start: Date) {
    this.at = start.getTime();
  }
  now = (): Date => new Date(this.at);
  set(moment: Date): void {
    this.at = moment.getTime();
  }
}

const DAY = 24 * 60 * 60 * 1000;

/**
 * Creates a small career-coaching practice through the real workspace API in `dataDir` (which
 * must not be open elsewhere), with every date relative to `now`: pass SEED_NOW for stable
 * pictures, or `new Date()` for a practice that is current today. E2E specs can seed the app's
 * own folder with `app.restart(() => seedPractice(app.dataDir))`.
 */
export async function seedPractice(dataDir: string, now: Date = SEED_NOW): Promise<SeededPractice> {
  const clock = new SeedClock(new Date(now.getTime() - 70 * DAY));
  const workspace = await openWorkspace(dataDir, { now: clock.now });
  try {
    return await seed(workspace, clock, now);
  } finally {
    await workspace.close();
  }
}

async function seed(api: WorkspaceApi, clock: SeedClock, now: Date): Promise<SeededPractice> {
  /** The moment `days` from now (negative: before) at hh:mm, in the machine's zone. */
  const at = (days: number, time = '09:00'): Date => {
    const moment = new Date(now.getTime() + days * DAY);
    const [hours, minutes] = time.split(':').map(Number);
    moment.setHours(hours, minutes, 0, 0);
    return moment;
  };
  const iso = (days: number, time?: string) => at(days, time).toISOString();
  const date = (days: number): string => {
    const day = at(days);
    const pad = (value: number) => String(value).padStart(2, '0');
    return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
  };
  /** Runs `step` as if it happened `days` from now, at hh:mm. */
  const on = async <T>(days: number, time: string, step: () => Promise<T>): Promise<T> => {
    clock.set(at(days, time));
    return step();
  };
  const slug = (name: string) =>
    name
      .split(' ')[0]
      .normalize('NFD')
      .replace(/[^a-z]/gi, '')
      .toLowerCase();
  const client = (id: string, name: string): SeededClient => ({ id, name, slug: slug(name) });

  await on(-70, '08:00', () =>
    api.settings.update({
      coachName: 'Helen Marsh',
      businessName: 'Marsh Career Coaching',
      contactLine: 'helen@marshcoaching.example · +44 20 7946 0321',
      defaultSessionMinutes: 60,
      paperSize: 'A4',
    }),
  );

  // Amara: the full picture.
  const amara = await on(-64, '10:00', () =>
    api.clients.create({
      name: 'Amara Okafor',
      preferredName: 'Amara',
      pronouns: 'she/her',
      email: 'amara.okafor@example.com',
      phone: '+44 7700 900123',
      currentRole: 'Senior Project Manager',
      targetRole: 'Head of Delivery',
      organisation: 'Northwind Logistics',
      status: 'active',
      tags: ['leadership', 'promotion'],
      startDate: date(-63),
      background:
        'Twelve years in logistics, the last five leading cross-team programmes. Passed over for the Head of Delivery role last spring; wants to be ready when it opens again.',
      billing: 'paid',
    }),
  );
  await on(-62, '09:10', () => api.terminology.create(amara.id, { term: 'the big chair', meaning: 'the Head of Delivery role' }));
  await on(-62, '09:11', () =>
    api.terminology.create(amara.id, { term: 'firefighting', meaning: 'days lost to other teams’ urgent problems' }),
  );
  await on(-40, '16:00', () =>
    api.terminology.create(amara.id, { term: 'my people', meaning: 'the six project managers who report to her' }),
  );

  const goal = await on(-56, '10:30', () =>
    api.goals.create(amara.id, {
      title: 'Be ready for the Head of Delivery role by September',
      why: 'I want to be the obvious choice, not the safe one.',
      targetDate: date(180),
    }),
  );
  await on(-56, '10:32', () =>
    api.goals.createStep(amara.id, goal.id, { text: 'Map the stakeholders who decide', owner: 'client', dueDate: date(-40) }),
  );
  await on(-56, '10:33', () =>
    api.goals.createStep(amara.id, goal.id, { text: 'Ask Dana for a skip-level meeting', owner: 'client', dueDate: date(-3) }),
  );
  await on(-56, '10:34', () =>
    api.goals.createStep(amara.id, goal.id, { text: 'Send three articles on delivery leadership', owner: 'coach', dueDate: date(4) }),
  );
  const steps = (await api.goals.list(amara.id)).find((entry) => entry.id === goal.id)?.steps ?? [];
  await on(-38, '18:00', () => api.goals.setStepDone(amara.id, goal.id, steps[0].id, true));
  const secondGoal = await on(-35, '10:30', () =>
    api.goals.create(amara.id, {
      title: 'Hand over firefighting to the team leads',
      why: 'So that I have time to think.',
      targetDate: date(60),
    }),
  );
  await on(-35, '10:31', () =>
    api.goals.createStep(amara.id, secondGoal.id, { text: 'List the fires of one week', owner: 'client', dueDate: date(2) }),
  );
  await on(-20, '12:00', () => api.goals.create(amara.id, { title: 'Finish the MBA module', targetDate: null, status: 'on-hold' }));

  const first = await on(-60, '12:00', () =>
    api.sessions.create(amara.id, {
      startsAt: iso(-56, '10:00'),
      durationMinutes: 90,
      mode: 'in-person',
      location: 'Marsh studio, 14 Park Row',
    }),
  );
  await on(-56, '11:35', () => api.sessions.setStatus(amara.id, first.id, 'held'));
  const last = await on(-20, '12:00', () =>
    api.sessions.create(amara.id, {
      startsAt: iso(-7, '14:00'),
      durationMinutes: 60,
      mode: 'video',
      location: 'Video link in the invitation',
    }),
  );
  await on(-9, '17:00', () =>
    api.agendas.save(amara.id, last.id, {
      goals: [{ text: 'Agree who to ask for the skip-level meeting' }, { text: 'Name one fire to hand over this month' }],
      items: [
        { title: 'What happened since we met', minutes: 10, proposedBy: 'coach' },
        { title: 'The skip-level meeting', details: 'Who, when, and what to ask for.', minutes: 25, proposedBy: 'client', goalId: goal.id },
        { title: 'Firefighting log', minutes: 20, proposedBy: 'client', goalId: secondGoal.id },
        { title: 'Commitments for next time', minutes: 5, proposedBy: 'coach' },
      ],
    }),
  );
  const lastAgenda = await api.agendas.get(amara.id, last.id);
  await on(-7, '15:05', async () => {
    await api.sessions.setStatus(amara.id, last.id, 'held');
    await api.agendas.setReviewed(amara.id, last.id, true);
    await api.agendas.setGoalMet(amara.id, last.id, lastAgenda!.goals[0].id, 'yes');
    await api.agendas.setGoalMet(amara.id, last.id, lastAgenda!.goals[1].id, 'partly');
    await api.agendas.setOutcome(amara.id, last.id, lastAgenda!.items[1].id, 'She will ask Dana on Monday; wording drafted together.');
    await api.sessions.saveReflection(amara.id, last.id, {
      signs: ['filled-silences'],
      habits: ['asked-open-questions', 'reflected-and-summarised'],
      text: 'I jumped in twice when she paused about Dana. Next time, wait.',
    });
  });
  await on(-7, '15:10', () =>
    api.commitments.create(amara.id, { text: 'Ask Dana for a skip-level meeting', owner: 'client', dueDate: date(-3), sessionId: last.id }),
  );
  await on(-7, '15:11', () =>
    api.commitments.create(amara.id, { text: 'Send the stakeholder-map template', owner: 'coach', dueDate: date(-5), sessionId: last.id }),
  );
  const sent = await on(-7, '15:12', () =>
    api.commitments.create(amara.id, { text: 'Share notes from today', owner: 'coach', dueDate: date(-6), sessionId: last.id }),
  );
  await on(-6, '08:40', () => api.commitments.setDone(amara.id, sent.id, true));
  await on(-7, '15:20', () =>
    api.assessments.create(amara.id, {
      date: date(-7),
      source: 'coach',
      credibility: 7,
      reliability: 8,
      intimacy: 5,
      selfOrientation: 4,
      note: 'Open about the promotion; still guarded about her manager.',
    }),
  );
  await on(-6, '19:00', () =>
    api.assessments.create(amara.id, { date: date(-6), source: 'client', credibility: 8, reliability: 9, intimacy: 6, selfOrientation: 3 }),
  );
  await on(-56, '12:00', () =>
    api.notes.create(amara.id, 'First session. Energy rose when she talked about **building teams**; dropped at budgets.'),
  );
  await on(-7, '15:30', () =>
    api.notes.create(amara.id, 'She named the fear for the first time: “If I push, they’ll see I’m not ready.” Come back to it gently.'),
  );

  const next = await on(-2, '10:00', () =>
    api.sessions.create(amara.id, {
      startsAt: iso(2, '10:00'),
      durationMinutes: 60,
      mode: 'video',
      location: 'Video link in the invitation',
    }),
  );
  await on(-1, '16:00', () =>
    api.agendas.save(amara.id, next.id, {
      goals: [{ text: 'Prepare the skip-level conversation with Dana' }, { text: 'Decide the first fire to hand over' }],
      items: [
        { title: 'Check-in', minutes: 5, proposedBy: 'coach' },
        {
          title: 'How the ask to Dana went',
          details: 'What she said, what it felt like.',
          minutes: 20,
          proposedBy: 'client',
          goalId: goal.id,
        },
        { title: 'Rehearse the opening two minutes', minutes: 20, proposedBy: 'coach', goalId: goal.id },
        { title: 'Firefighting log: what can go', minutes: 10, proposedBy: 'client', goalId: secondGoal.id },
        { title: 'Commitments', minutes: 5, proposedBy: 'coach' },
      ],
    }),
  );
  await on(-1, '16:10', async () => {
    await api.sessions.stampReconfirmed(amara.id, next.id, true);
    const bank = await api.questions.list();
    const personal = bank.find((question) => question.personal) ?? bank[0];
    await api.intimacy.planQuestion(amara.id, next.id, personal.id);
    await api.intimacy.saveFirstMove(amara.id, next.id, { firstMove: 'Tell her I was nervous before my own first skip-level meeting.' });
    await api.questions.markAsked(amara.id, bank[1].id, { note: 'She lit up: her first team at the depot.' });
  });

  // Jonas: a prospect, first conversation on Friday.
  const jonas = await on(-3, '18:00', () =>
    api.clients.create({
      name: 'Jonas Becker',
      email: 'jonas.becker@example.com',
      currentRole: 'Backend developer',
      targetRole: 'Engineering manager?',
      status: 'prospect',
      tags: ['referral'],
      background: 'Referred by Amara. Unsure whether he wants to manage at all.',
    }),
  );
  await on(-3, '18:05', () =>
    api.sessions.create(jonas.id, { startsAt: iso(2, '16:30'), durationMinutes: 30, mode: 'phone', location: 'He calls me' }),
  );

  // Priya: active, between sessions, a commitment overdue.
  const priya = await on(-50, '09:00', () =>
    api.clients.create({
      name: 'Priya Raman',
      preferredName: 'Priya',
      pronouns: 'she/her',
      currentRole: 'Research scientist',
      targetRole: 'Product manager',
      organisation: 'Helix Bio',
      status: 'active',
      tags: ['career change'],
      startDate: date(-50),
      timeZone: 'Asia/Kolkata',
      billing: 'pro-bono',
    }),
  );
  const priyaSession = await on(-20, '09:00', () =>
    api.sessions.create(priya.id, { startsAt: iso(-14, '08:00'), mode: 'video', location: 'Video link in the invitation' }),
  );
  await on(-14, '09:05', () => api.sessions.setStatus(priya.id, priyaSession.id, 'held'));
  await on(-14, '09:10', () =>
    api.commitments.create(priya.id, {
      text: 'Talk to two product managers at Helix',
      owner: 'client',
      dueDate: date(-4),
      sessionId: priyaSession.id,
    }),
  );
  await on(-14, '09:12', () => api.terminology.create(priya.id, { term: 'the bench', meaning: 'lab work' }));
  const priyaGoal = await on(-14, '09:15', () =>
    api.goals.create(priya.id, {
      title: 'Land a product role within a year',
      why: 'I miss seeing people use what I make.',
      targetDate: date(300),
    }),
  );
  await on(-14, '09:16', () =>
    api.goals.createStep(priya.id, priyaGoal.id, { text: 'Shadow a product review', owner: 'client', dueDate: date(10) }),
  );
  await on(-14, '09:20', () =>
    api.assessments.create(priya.id, { date: date(-14), source: 'coach', credibility: 6, reliability: 6, intimacy: 4, selfOrientation: 5 }),
  );

  // Tom: paused, not heard from in a while.
  const tom = await on(-69, '09:00', () =>
    api.clients.create({
      name: 'Tom Fischer-Nakamura',
      preferredName: 'Tom',
      currentRole: 'Finance director',
      organisation: 'Abernethy & Sons Wholesale Distribution Ltd',
      status: 'paused',
      tags: ['executive', 'board'],
      startDate: date(-69),
    }),
  );
  await on(-45, '10:00', () => api.notes.create(tom.id, 'Paused for parental leave until April. Check in at the end of March.'));

  // Lucia: completed last month.
  const lucia = await on(-68, '09:00', () =>
    api.clients.create({
      name: 'Lucía Fernández',
      preferredName: 'Lucía',
      currentRole: 'Head of Marketing',
      organisation: 'Brightline',
      status: 'active',
      tags: ['completed programme'],
      startDate: date(-68),
    }),
  );
  const luciaGoal = await on(-66, '09:00', () => api.goals.create(lucia.id, { title: 'Negotiate a four-day week', targetDate: date(-30) }));
  await on(-30, '09:00', () => api.goals.setStatus(lucia.id, luciaGoal.id, 'achieved'));
  await on(-28, '09:00', () => api.clients.update(lucia.id, { status: 'completed' }));

  // Mei: archived.
  const mei = await on(-67, '09:00', () =>
    api.clients.create({ name: 'Mei Chen', currentRole: 'UX designer', status: 'completed', tags: ['portfolio'] }),
  );
  await on(-40, '09:00', () => api.clients.archive(mei.id));

  // The commitments of both sides on Today: one of the coach's own, due today.
  await on(-1, '17:00', () =>
    api.commitments.create(priya.id, { text: 'Introduce Priya to Sam at Orbital', owner: 'coach', dueDate: date(0) }),
  );

  // Amara's documents: a CV in two versions and a job description, attached from real files.
  const files = await mkdtemp(join(tmpdir(), 'rapport-seed-documents-'));
  try {
    const write = async (name: string, text: string) => {
      const path = join(files, name);
      await writeFile(path, text);
      return path;
    };
    const [cvOne] = await on(-60, '11:00', async () =>
      api.documents.attach(
        amara.id,
        [await write('Amara Okafor CV 2025.txt', 'Amara Okafor. Senior Project Manager. Skills: delivery, SQL.')],
        {},
      ),
    );
    const [cvTwo] = await on(-20, '16:00', async () =>
      api.documents.attach(
        amara.id,
        [await write('Amara Okafor CV 2026.txt', 'Amara Okafor. Head of Delivery candidate. Skills: delivery, SQL, budgets.')],
        {
          previousVersionId: cvOne?.id ?? null,
          // Linked, so the tab shows its chips and the session card its "1 document".
          sessionId: last.id,
          goalId: goal.id,
        },
      ),
    );
    // The application they go with: its details and board card list them.
    const northwind = await on(-18, '10:00', () =>
      api.jobSearch.createApplication(amara.id, { organisation: 'Northwind Logistics', role: 'Head of Delivery', stage: 'applied' }),
    );
    await on(-18, '10:30', async () =>
      api.documents.attach(
        amara.id,
        [await write('Northwind Head of Delivery.txt', 'Head of Delivery, Northwind Logistics: lead six project managers.')],
        {
          label: 'job-description',
          applicationId: northwind.id,
        },
      ),
    );
    if (cvTwo) await on(-18, '10:35', () => api.documents.update(amara.id, cvTwo.id, { applicationId: northwind.id }));
    // A scanned reference letter: no text in it, so the tab says search finds it by its name only.
    await on(-10, '09:15', async () => {
      const path = join(files, 'Reference letter (scan).pdf');
      await copyFile(join(import.meta.dirname, '../../fixtures/documents/scan-image-only.pdf'), path);
      return api.documents.attach(amara.id, [path], { label: 'other' });
    });
  } finally {
    await rm(files, { recursive: true, force: true });
  }

  return {
    amara: client(amara.id, amara.name),
    jonas: client(jonas.id, jonas.name),
    priya: client(priya.id, priya.name),
    tom: client(tom.id, tom.name),
    lucia: client(lucia.id, lucia.name),
    mei: client(mei.id, mei.name),
    amaraNextSession: next.id,
    amaraLastSession: last.id,
    amaraGoal: goal.id,
  };
}
