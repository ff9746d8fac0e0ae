// Reading a stream only as far as a preview needs, and never more than a byte budget.

export type ByteSource = AsyncIterable<Buffer | Uint8Array | string> | NodeJS.ReadableStream;

export interface ReadProgress {
  bytesRead: number;
  /** The budget ran out before the stream did: what was read is the start of a longer file. */
  hitLimit: boolean;
}

/**
 * The source's chunks as Buffers, cut off after `maxBytes`. Stopping early — by the budget here,
 * or by the consumer leaving its loop — ends the source's iterator, which destroys a Node stream.
 */
export async function* boundedChunks(source: ByteSource, maxBytes: number, progress: ReadProgress): AsyncGenerator<Buffer> {
  for await (const chunk of source as AsyncIterable<Buffer | Uint8Array | string>) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    const room = maxBytes - progress.bytesRead;
    if (bytes.length > room) {
      progress.hitLimit = true;
      if (room > 0) {
        progress.bytesRead += room;
        yield bytes.subarray(0, room);
      }
      return;
    }
    progress.bytesRead += bytes.length;
    yield bytes;
  }
}

/** Reads from `chunks` until at least `minBytes` are in hand or the stream ends. */
export async function readSample(chunks: AsyncIterator<Buffer>, minBytes: number): Promise<{ sample: Buffer; ended: boolean }> {
  const parts: Buffer[] = [];
  let size = 0;
  while (size < minBytes) {
    const next = await chunks.next();
    if (next.done) return { sample: Buffer.concat(parts, size), ended: true };
    parts.push(next.value);
    size += next.value.length;
  }
  return { sample: Buffer.concat(parts, size), ended: false };
}

/** Destroys a Node stream we stopped reading early (a plain async iterable needs nothing). */
export function destroySource(source: ByteSource): void {
  const destroy = (source as { destroy?: unknown }).destroy;
  if (typeof destroy === 'function') destroy.call(source);
}
