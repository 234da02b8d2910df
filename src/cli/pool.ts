/**
 * Worker threads for `jieba -j N`: byte batches of whole lines go out, and
 * each comes back as UTF-8 output with its line count, in the order the
 * batches were submitted. Decoding, splitting, segmenting and encoding all
 * happen in the workers; the main thread only reads, hands over and writes.
 *
 * Batches are copied, not transferred: a transfer detaches the sender's
 * buffer, and the first detached buffer of a thread makes V8 check every
 * later typed-array access of that thread, which slows the engine by 15-25%.
 * A copy of a batch costs a fraction of a millisecond.
 *
 * @module
 */

import { Worker } from 'node:worker_threads';
import type { BatchOptions, ByteBatch } from './byte-batches.js';
import type { InvalidUtf8 } from './lines.js';
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
  invalid?: InvalidUtf8;
}

/**
 * A fixed set of workers. Each batch goes to the worker with the fewest
 * batches in hand, not round-robin: a worker that shares its core (with the
 * main thread, or another process) gets less, and the others are not left
 * waiting for it.
 */
export class LinePool {
  private readonly workers: Worker[];
  /** Batches given to each worker and not yet returned. */
  private readonly inHand: number[];
  private readonly waiting = new Map<number, { worker: number; resolve: (output: PooledOutput) => void; reject: (error: Error) => void }>();
  private next = 0;
  private failure: Error | undefined;

  constructor(setup: WorkerSetup, size: number) {
    // Next to this module both as compiled (dist/src/cli) and as bundled (dist/bundle).
    const script = new URL('./worker.js', import.meta.url);
    this.inHand = new Array<number>(size).fill(0);
    this.workers = Array.from({ length: size }, () => {
      // Not piped to this process's streams: a pipe per worker adds listeners
      // to process.stdout, which Node warns about past ten (-j 10 and up).
      const worker = new Worker(script, { workerData: setup, stdout: true, stderr: true });
      worker.stdout.on('data', (chunk: Buffer) => process.stdout.write(chunk));
      worker.stderr.on('data', (chunk: Buffer) => process.stderr.write(chunk));
      worker.on('message', ({ id, ...result }: PooledOutput & { id: number }) => {
        const entry = this.waiting.get(id);
        this.waiting.delete(id);
        if (entry) this.inHand[entry.worker]!--;
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

  /** The output of `batch`, computed by the least busy worker. */
  submit(batch: ByteBatch): Promise<PooledOutput> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.next++;
    let worker = 0;
    for (let w = 1; w < this.workers.length; w++) if (this.inHand[w]! < this.inHand[worker]!) worker = w;
    this.inHand[worker]!++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { worker, resolve, reject });
      const bytes = batch.bytes;
      const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
      const sent = whole ? bytes : bytes.slice();
      this.workers[worker]!.postMessage({ id, bytes: sent, last: batch.last, continues: batch.continues, breaks: batch.breaks });
    });
  }

  /** Stop every worker. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
