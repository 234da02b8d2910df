/**
 * Worker threads for `jieba -j N`: batches of lines go out, output comes
 * back, in the order the batches were submitted. The main thread reads,
 * decodes and writes; to keep its share small, a batch travels as one
 * string (copying one string is far cheaper than cloning an array of
 * thousands) and output returns as UTF-8 bytes, encoded by the worker and
 * transferred, not copied.
 *
 * @module
 */

import { Worker } from 'node:worker_threads';
import type { LineJob } from './line-job.js';

/** A fixed set of workers, each given batches in turn. */
export class LinePool {
  private readonly workers: Worker[];
  private readonly waiting = new Map<number, { resolve: (output: Uint8Array) => void; reject: (error: Error) => void }>();
  private next = 0;
  private failure: Error | undefined;

  constructor(job: LineJob, size: number) {
    // Next to this module both as compiled (dist/src/cli) and as bundled (dist/bundle).
    const script = new URL('./worker.js', import.meta.url);
    this.workers = Array.from({ length: size }, () => {
      const worker = new Worker(script, { workerData: job });
      worker.on('message', ({ id, output }: { id: number; output: Uint8Array }) => {
        const entry = this.waiting.get(id);
        this.waiting.delete(id);
        entry?.resolve(output);
      });
      worker.on('error', (error) => this.fail(error));
      return worker;
    });
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const entry of this.waiting.values()) entry.reject(error);
    this.waiting.clear();
  }

  /**
   * The output for `lines` as UTF-8, computed by the next worker in turn.
   * Lines must not contain `\n` (they never do once split), since the batch
   * travels joined by it.
   */
  submit(lines: string[]): Promise<Uint8Array> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.workers[id % this.workers.length]!.postMessage({ id, text: lines.join('\n') });
    });
  }

  /** Stop every worker. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
