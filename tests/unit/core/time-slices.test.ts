import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { processInSlices } from '../../../electron/core/time-slices';
import { collectGarbage } from '../../../electron/core/collect-garbage';

const items = Array.from({ length: 20 }, (_, i) => i);

describe('processInSlices', () => {
  it('finishes while the event loop has nothing else to do', async () => {
    const processed: number[] = [];
    // A zero budget makes every item its own slice, each after a yield.
    processInSlices(items, (item) => processed.push(item), 0);
    await sleep(50);
    expect(processed).toEqual(items);
  });

  it('lets other work run between slices', async () => {
    const processed: number[] = [];
    processInSlices(items, (item) => processed.push(item), 0);
    const seenBetween = await new Promise<number>((resolve) => setImmediate(() => resolve(processed.length)));
    expect(seenBetween).toBeGreaterThan(0);
    expect(seenBetween).toBeLessThan(items.length);
    await sleep(50);
    expect(processed).toEqual(items);
  });

  it('processes as many items as fit in a slice before yielding', async () => {
    const processed: number[] = [];
    processInSlices(items, (item) => processed.push(item), 10_000);
    expect(processed).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(processed).toEqual(items);
  });

  it('drops the rest when stopped', async () => {
    const processed: number[] = [];
    const work = processInSlices(
      items,
      (item) => {
        processed.push(item);
        if (item === 2) work.stop();
      },
      0,
    );
    await sleep(50);
    expect(processed).toEqual([0, 1, 2]);
  });

  it('lets go of the items once done or stopped, though its handle is kept', async () => {
    const start = () => {
      const done = Array.from({ length: 3 }, (_, i) => ({ i }));
      const stopped = Array.from({ length: 3 }, (_, i) => ({ i }));
      const handles = [processInSlices(done, () => undefined, 10_000), processInSlices(stopped, () => undefined, 10_000)];
      handles[1].stop();
      return { handles, references: [...done, ...stopped].map((item) => new WeakRef(item)) };
    };
    const { handles, references } = start();
    await sleep(10);
    collectGarbage();
    expect(references.filter((reference) => reference.deref() !== undefined)).toHaveLength(0);
    expect(handles).toHaveLength(2);
  });
});
