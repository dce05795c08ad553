import { describe, expect, it } from 'vitest';
import { KeyedQueue } from '../../../electron/core/keyed-queue';

/** A promise the test settles by hand, so the order of events is the test's, not the clock's. */
function deferred<T = void>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('KeyedQueue', () => {
  it('runs the tasks of one key one at a time, in the order they were queued', async () => {
    const queue = new KeyedQueue();
    const events: string[] = [];
    const first = deferred();
    const a = queue.run('client-1', async () => {
      events.push('first starts');
      await first.promise;
      events.push('first ends');
    });
    const b = queue.run('client-1', async () => {
      events.push('second starts');
    });
    await Promise.resolve();
    await Promise.resolve();
    expect(events).toEqual(['first starts']);
    first.resolve();
    await Promise.all([a, b]);
    expect(events).toEqual(['first starts', 'first ends', 'second starts']);
  });

  it('runs tasks of different keys side by side', async () => {
    const queue = new KeyedQueue();
    const held = deferred();
    const slow = queue.run('client-1', () => held.promise);
    const other = await queue.run('client-2', async () => 'done while client-1 waits');
    expect(other).toBe('done while client-1 waits');
    held.resolve();
    await slow;
  });

  it('does not let a failed task hold up the next one of its key', async () => {
    const queue = new KeyedQueue();
    const failing = queue.run('practice', async () => {
      throw new Error('disk full');
    });
    const next = queue.run('practice', async () => 'saved');
    await expect(failing).rejects.toThrow('disk full');
    await expect(next).resolves.toBe('saved');
  });

  it('waits for `after` before starting, and idle() waits for every task queued so far', async () => {
    const queue = new KeyedQueue();
    const gate = deferred();
    const events: string[] = [];
    const task = queue.run('client-1', async () => void events.push('ran'), gate.promise);
    let idle = false;
    const whenIdle = queue.idle().then(() => (idle = true));
    await Promise.resolve();
    expect(events).toEqual([]);
    expect(idle).toBe(false);
    gate.resolve();
    await task;
    await whenIdle;
    expect(events).toEqual(['ran']);
  });
});
