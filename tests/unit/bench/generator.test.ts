import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatePractice } from '../../../bench/generate/generate-practice';
import { planClients } from '../../../bench/generate/plan';
import { createRandom } from '../../../bench/generate/random';
import { SCALE_COUNTS } from '../../../bench/generate/scales';
import { openWorkspace } from '../../../electron/core/workspace';
import { ClientDocument, PracticeDocument } from '../../../shared/model/documents';
import { tempDir } from '../../helpers/temp-dir';

async function hashDirectory(dir: string): Promise<string> {
  const hash = createHash('sha256');
  const names = ['practice.json', ...(await readdir(join(dir, 'clients'))).sort().map((name) => join('clients', name))];
  for (const name of names)
    hash
      .update(name)
      .update('\0')
      .update(await readFile(join(dir, name)))
      .update('\0');
  return hash.digest('hex');
}

async function readClientDocuments(dir: string): Promise<unknown[]> {
  const names = await readdir(join(dir, 'clients'));
  return Promise.all(names.map(async (name) => JSON.parse(await readFile(join(dir, 'clients', name), 'utf8')) as unknown));
}

describe('the random source', () => {
  it('repeats itself for the same seed and differs for another', () => {
    const draws = (seed: number) => Array.from({ length: 5 }, () => createRandom(seed).next());
    const a = createRandom(7);
    const b = createRandom(7);
    expect(Array.from({ length: 100 }, () => a.next())).toEqual(Array.from({ length: 100 }, () => b.next()));
    expect(draws(7)).not.toEqual(draws(8));
  });

  it('makes version 4 UUIDs', () => {
    const random = createRandom(1);
    for (let i = 0; i < 200; i += 1) {
      expect(random.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
  });
});

describe.each(['one-client', 'small'] as const)('the %s practice', (scale) => {
  it('is the same bytes for the same seed, and different for another seed', async () => {
    const [first, second, other] = await Promise.all([tempDir(), tempDir(), tempDir()]);
    await generatePractice(first, { seed: 42, scale });
    await generatePractice(second, { seed: 42, scale });
    await generatePractice(other, { seed: 43, scale });
    expect(await hashDirectory(first)).toBe(await hashDirectory(second));
    expect(await hashDirectory(first)).not.toBe(await hashDirectory(other));
  });

  it('writes documents that satisfy the schemas, with the planned totals', async () => {
    const dir = await tempDir();
    const generated = await generatePractice(dir, { seed: 3, scale });
    expect(PracticeDocument.safeParse(JSON.parse(await readFile(join(dir, 'practice.json'), 'utf8'))).error).toBeUndefined();
    const documents = (await readClientDocuments(dir)).map((raw) => {
      const parsed = ClientDocument.safeParse(raw);
      expect(parsed.error).toBeUndefined();
      return parsed.data as ClientDocument;
    });
    const counts = SCALE_COUNTS[scale];
    const total = (count: (document: ClientDocument) => number) => documents.reduce((sum, document) => sum + count(document), 0);
    expect(documents).toHaveLength(counts.clients);
    expect(total((d) => d.sessions.length)).toBe(counts.sessions);
    expect(total((d) => d.agendas.length)).toBe(counts.sessions);
    expect(total((d) => d.goals.length)).toBe(counts.goals);
    expect(total((d) => d.goals.reduce((sum, goal) => sum + goal.steps.length, 0))).toBe(counts.steps);
    expect(total((d) => d.commitments.length)).toBe(counts.commitments);
    expect(total((d) => d.assessments.length)).toBe(counts.assessments);
    expect(generated.clients.map((client) => client.id).sort()).toEqual(documents.map((d) => d.client.id).sort());
  });

  it('opens with openWorkspace, nothing quarantined', async () => {
    const dir = await tempDir();
    const generated = await generatePractice(dir, { seed: 5, scale });
    const workspace = await openWorkspace(dir, { now: () => new Date('2026-06-01T09:00:00.000Z') });
    try {
      const summaries = await workspace.clients.list();
      expect(summaries.map((summary) => summary.id).sort()).toEqual(generated.clients.map((client) => client.id).sort());
      const status = await workspace.app.status();
      expect(status.quarantined).toEqual([]);
    } finally {
      await workspace.close();
    }
  });
});

describe('generatePractice', () => {
  it('refuses a directory that is not empty', async () => {
    const dir = await tempDir();
    await generatePractice(dir, { seed: 1, scale: 'one-client' });
    await expect(generatePractice(dir, { seed: 1, scale: 'one-client' })).rejects.toThrow(/not empty/);
  });
});

describe('the ten-year plan', () => {
  it('shares out exactly the totals of the issue, every client with at least one session', () => {
    const plans = planClients(createRandom(1).fork('plan'), SCALE_COUNTS['ten-year']);
    const sum = (count: (plan: (typeof plans)[number]) => number) => plans.reduce((total, plan) => total + count(plan), 0);
    expect(plans).toHaveLength(400);
    expect(sum((plan) => plan.sessions)).toBe(12_000);
    expect(sum((plan) => plan.stepsPerGoal.length)).toBe(1_600);
    expect(sum((plan) => plan.stepsPerGoal.reduce((a, b) => a + b, 0))).toBe(8_000);
    expect(sum((plan) => plan.commitments)).toBe(8_000);
    expect(sum((plan) => plan.assessments)).toBe(4_000);
    expect(Math.min(...plans.map((plan) => plan.sessions))).toBeGreaterThanOrEqual(1);
  });
});
