import { ReadableStream as NodeReadableStream } from 'node:stream/web';

/** A web stream of bytes from an async iterable (age-encryption takes and gives web streams). */
export function webStreamOf(source: AsyncIterable<Uint8Array>): ReadableStream<Uint8Array> {
  // Node's web streams and the DOM's are the same at run time; their typings differ by configuration.
  const stream: unknown = NodeReadableStream.from(source);
  return stream as ReadableStream<Uint8Array>;
}

/** The chunks of a web stream as an async iterable; stopping early cancels the stream. */
export async function* chunksOf(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        finished = true;
        return;
      }
      yield value;
    }
  } finally {
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}
