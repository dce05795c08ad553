import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allocate } from '../../../bench/generate/allocate';
import { ConfPractice } from '../../../bench/baselines/conf-practice';
import { LowdbPractice } from '../../../bench/baselines/lowdb-practice';
import { readAndParseAll } from '../../../bench/baselines/physical-read';
import { generatePractice } from '../../../bench/generate/generate-practice';
import { measurement, series } from '../../../bench/harness/results';
import { formatTable } from '../../../bench/harness/table';
import { median } from '../../../bench/harness/timing';
import { tempDir } from '../../helpers/temp-dir';

describe('median', () => {
  it('takes the middle sample, or the mean of the two middle ones', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 10])).toBe(3.5);
    expect(() => median([])).toThrow();
  });
});

describe('allocate', () => {
  it('adds up exactly, respects the minimum and follows the weights', () => {
    const shares = allocate(100, [1, 2, 3, 0.5], 2);
    expect(shares.reduce((a, b) => a + b, 0)).toBe(100);
    expect(Math.min(...shares)).toBeGreaterThanOrEqual(2);
    expect(shares[2]).toBeGreaterThan(shares[1]);
    expect(() => allocate(3, [1, 1], 2)).toThrow();
  });
});

describe('judging a measurement', () => {
  const baseline = series('baseline', [100, 100, 100]);

  it('compares a ratio to its ceiling', () => {
    expect(
      measurement({ id: 'a', label: 'a', subject: series('s', [140]), baseline, target: { kind: 'max-ratio', value: 1.5 } }),
    ).toMatchObject({ ratio: 1.4, met: true });
    expect(measurement({ id: 'b', label: 'b', subject: series('s', [160]), baseline, target: { kind: 'max-ratio', value: 1.5 } }).met).toBe(
      false,
    );
  });

  it('compares a speed-up to its floor', () => {
    expect(measurement({ id: 'a', label: 'a', subject: series('s', [4]), baseline, target: { kind: 'min-speedup', value: 20 } }).met).toBe(
      true,
    );
    expect(measurement({ id: 'b', label: 'b', subject: series('s', [6]), baseline, target: { kind: 'min-speedup', value: 20 } }).met).toBe(
      false,
    );
  });

  it('compares an absolute time to its limit, and leaves a missing measurement unjudged', () => {
    expect(
      measurement({ id: 'a', label: 'a', subject: series('s', [49]), baseline: null, target: { kind: 'max-ms', value: 50 } }).met,
    ).toBe(true);
    const missing = measurement({
      id: 'b',
      label: 'search',
      subject: null,
      baseline: null,
      target: { kind: 'max-ms', value: 50 },
      note: 'not available yet',
    });
    expect(missing.met).toBeNull();
    expect(formatTable([missing])).toMatch(/search .*not available yet/);
  });

  it('compares an amount of memory to its limit, and prints both in MiB', () => {
    const limit = { kind: 'max-bytes', value: 64 * 1_048_576 } as const;
    const within = measurement({
      id: 'a',
      label: 'peak',
      unit: 'bytes',
      subject: series('s', [63 * 1_048_576]),
      baseline: null,
      target: limit,
    });
    const above = measurement({
      id: 'b',
      label: 'peak',
      unit: 'bytes',
      subject: series('s', [65 * 1_048_576]),
      baseline: null,
      target: limit,
    });
    expect([within.met, above.met]).toEqual([true, false]);
    expect(formatTable([within])).toMatch(/63\.0 MiB .*≤ 64\.0 MiB .*met/);
  });
});

describe('the single-file baselines', () => {
  it('really write the whole practice, and the edit, to one file', async () => {
    const dir = await tempDir();
    await generatePractice(join(dir, 'practice'), { seed: 9, scale: 'small' });
    const data = await readAndParseAll(join(dir, 'practice'));
    const target = data.clients[3].client.id;

    const lowdb = await LowdbPractice.create(dir, data);
    await lowdb.editClient(target, (document) => {
      document.client.tags = ['edited by lowdb'];
    });
    const lowdbFile = JSON.parse(await readFile(join(dir, 'db.json'), 'utf8')) as typeof data;
    expect(lowdbFile.clients).toHaveLength(10);
    expect(lowdbFile.clients.find((document) => document.client.id === target)?.client.tags).toEqual(['edited by lowdb']);

    const conf = ConfPractice.create(dir, data);
    conf.set(target, 'client', { ...data.clients[3].client, tags: ['edited by conf'] });
    const confFile = JSON.parse(await readFile(join(dir, 'practice.json'), 'utf8')) as {
      clients: Record<string, (typeof data.clients)[number]>;
    };
    expect(Object.keys(confFile.clients)).toHaveLength(10);
    expect(confFile.clients[target].client.tags).toEqual(['edited by conf']);
  });
});
