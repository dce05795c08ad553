/*
 * A few read buffers, used over and over while attached files stream into an archive.
 *
 * Why not a fresh buffer per read (as a read stream does): every new Buffer counts as external
 * memory to V8, and a gigabyte read 256 KiB at a time on the app's thread kept V8 starting a full
 * collection every ~100 ms ("external memory pressure" in --trace-gc). On the heap of an open
 * ten-year practice each costs ~75 ms, so a 1 GiB backup used about 9 s of CPU for 1.5 s of
 * copying, on both cores, and the restore worker beside it got none (bench/README.md, run of
 * 2026-12-01 15:00). Reading into the same few buffers allocates nothing.
 *
 * The rule that makes reuse safe: a chunk lent out (`lend`) is given back when its consumer asks
 * for the next one, so that consumer must be done with it by then — writing it and awaiting the
 * write is, and so is age's sealing (age-stream.ts), which copies it first; holding on to it, or
 * a stream that reads ahead (`Readable.from`), is not.
 */

/** Read size, as the archive reader and writer stream attached files. */
export const READ_CHUNK = 256 * 1024;

/** Thrown to a read still waiting for a buffer when the archive it fills is torn down. */
export class ReadBuffersClosed extends Error {}

export class ReadBuffers {
  private readonly free: Buffer[] = [];
  /** Each buffer lent out, and how many still use it: its consumer, and whoever `retain`ed it. */
  private readonly users = new Map<ArrayBufferLike, number>();
  private readonly waiting: { resolve: (buffer: Buffer) => void; reject: (error: Error) => void }[] = [];
  private closed = false;

  private constructor(
    count: number,
    private readonly size: number,
  ) {
    for (let index = 0; index < count; index += 1) {
      // Each its own ArrayBuffer (never Node's shared pool), so that a chunk tells whose it is.
      const buffer = Buffer.allocUnsafeSlow(size);
      this.free.push(buffer);
    }
  }

  /** `count` buffers of `size` bytes, reused: for a consumer that is done with each chunk when it asks for the next. */
  static reused(count = 8, size = READ_CHUNK): ReadBuffers {
    return new ReadBuffers(count, size);
  }

  /** A buffer to read into: a free one, or the next one given back. */
  take(): Promise<Buffer> {
    if (this.closed) return Promise.reject(new ReadBuffersClosed('the archive was closed'));
    const buffer = this.free.pop();
    if (buffer !== undefined) return Promise.resolve(this.lent(buffer));
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  private lent(buffer: Buffer): Buffer {
    this.users.set(buffer.buffer, 1);
    return buffer;
  }

  /** One more user of the buffer `chunk` lies in, until it too gives it back. */
  retain(chunk: Uint8Array): void {
    const users = this.users.get(chunk.buffer);
    if (users !== undefined) this.users.set(chunk.buffer, users + 1);
  }

  /**
   * Gives back the buffer `chunk` lies in, if it is one of these (headers and padding are not);
   * it is reused once every user has given it back.
   */
  giveBack(chunk: Uint8Array): void {
    const users = this.users.get(chunk.buffer);
    if (users === undefined) return;
    if (users > 1) {
      this.users.set(chunk.buffer, users - 1);
      return;
    }
    this.users.delete(chunk.buffer);
    const buffer = Buffer.from(chunk.buffer, 0, this.size);
    const next = this.waiting.shift();
    if (next !== undefined) next.resolve(this.lent(buffer));
    else this.free.push(buffer);
  }

  /** No more reads: any still waiting for a buffer fail, so that nothing waits forever for a reader that has gone. */
  close(): void {
    this.closed = true;
    for (const { reject } of this.waiting.splice(0)) reject(new ReadBuffersClosed('the archive was closed'));
  }

  /**
   * Passes on the chunks of `source`, giving each back to these buffers once the consumer asks
   * for the next one (see above); closes them when the consumer stops, however it stops.
   */
  async *lend(source: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
    try {
      for await (const chunk of source) {
        yield chunk;
        this.giveBack(chunk);
      }
    } finally {
      this.close();
    }
  }
}
