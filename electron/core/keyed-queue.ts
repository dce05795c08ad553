/**
 * Runs tasks one at a time per key, in the order they were queued; tasks of different keys run
 * side by side. A task that fails does not hold up the next one of its key.
 */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  /** Runs `task` once the task queued before it under `key` has settled and `after` has resolved. */
  run<T>(key: string, task: () => Promise<T>, after: Promise<unknown> = Promise.resolve()): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const next = Promise.all([previous, after]).then(task);
    const settled = next.catch(() => undefined);
    this.tails.set(key, settled);
    void settled.then(() => {
      if (this.tails.get(key) === settled) this.tails.delete(key);
    });
    return next;
  }

  /** Settles once every task queued so far has settled (tasks queued later are not waited for). */
  async idle(): Promise<void> {
    await Promise.all([...this.tails.values()]);
  }
}
