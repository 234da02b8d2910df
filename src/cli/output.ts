/**
 * Standard output for the commands: buffered, flow-controlled, and aware of
 * a reader that went away.
 *
 * @module
 */

import type { Writable } from 'node:stream';

/** Thrown to stop a run when standard output has gone away (e.g. `| head`). */
export class OutputClosed extends Error {}

/**
 * Buffered writes to a stream: text is gathered into large writes, and
 * waits for 'drain' when the stream is full, so memory stays flat.
 */
export class Output {
  /** Text, or UTF-8 already encoded by a worker thread. */
  private pending: (string | Uint8Array)[] = [];
  private size = 0;
  private closed = false;

  constructor(private readonly stream: Writable) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      // EPIPE: the reader left. Anything else: also stop writing, reported by flush.
      this.closed = true;
      if (error.code !== 'EPIPE') this.failure = error;
    });
  }

  failure: Error | undefined;

  write(chunk: string | Uint8Array): Promise<void> | void {
    this.pending.push(chunk);
    this.size += chunk.length;
    if (this.size >= 1 << 16) return this.flush();
  }

  async flush(): Promise<void> {
    if (this.closed) throw this.failure ?? new OutputClosed();
    if (this.size === 0) return;
    const pending = this.pending;
    this.pending = [];
    this.size = 0;
    // Consecutive strings go out as one write; encoded bytes as they are.
    let ready = true;
    for (let i = 0; i < pending.length; ) {
      let j = i + 1;
      if (typeof pending[i] === 'string') while (j < pending.length && typeof pending[j] === 'string') j++;
      ready = this.stream.write(j - i === 1 ? pending[i]! : (pending.slice(i, j) as string[]).join(''));
      i = j;
    }
    if (!ready) {
      await new Promise<void>((resolve) => {
        const done = (): void => {
          this.stream.off('drain', done);
          this.stream.off('error', done);
          this.stream.off('close', done);
          resolve();
        };
        this.stream.on('drain', done);
        this.stream.on('error', done);
        this.stream.on('close', done);
      });
    }
    if (this.closed) throw this.failure ?? new OutputClosed();
  }
}
