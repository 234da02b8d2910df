/**
 * Worker threads for `jieba -j N`: byte batches of whole lines go out
 * (transferred, not copied), and each comes back as UTF-8 output with its
 * line count, in the order the batches were submitted. Decoding, splitting,
 * segmenting and encoding all happen in the workers; the main thread only
 * reads, hands over and writes.
 *
 * @module
 */

import { Worker } from 'node:worker_threads';
import type { BatchOptions, ByteBatch, InvalidBytes } from './byte-batches.js';
import type { LineJob } from './line-job.js';

/** What a worker thread is started with. */
export interface WorkerSetup {
  job: LineJob;
  batch: BatchOptions;
}

/** A batch's result, from a worker thread. */
export interface PooledOutput {
  output: Uint8Array;
  lines: number;
  invalid?: InvalidBytes;
}

/** A fixed set of workers, each given batches in turn. */
export class LinePool {
  private readonly workers: Worker[];
  private readonly waiting = new Map<number, { resolve: (output: PooledOutput) => void; reject: (error: Error) => void }>();
  private next = 0;
  private failure: Error | undefined;

  constructor(setup: WorkerSetup, size: number) {
    // Next to this module both as compiled (dist/src/cli) and as bundled (dist/bundle).
    const script = new URL('./worker.js', import.meta.url);
    this.workers = Array.from({ length: size }, () => {
      const worker = new Worker(script, { workerData: setup });
      worker.on('message', ({ id, ...result }: PooledOutput & { id: number }) => {
        const entry = this.waiting.get(id);
        this.waiting.delete(id);
        entry?.resolve(result);
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

  /** The output of `batch`, computed by the next worker in turn. Its bytes are transferred: do not use them after. */
  submit(batch: ByteBatch): Promise<PooledOutput> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      const bytes = batch.bytes;
      const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
      const sent = whole ? bytes : bytes.slice();
      this.workers[id % this.workers.length]!.postMessage({ id, bytes: sent, last: batch.last }, [sent.buffer as ArrayBuffer]);
    });
  }

  /** Stop every worker. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
