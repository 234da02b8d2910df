/**
 * The HTTP API's worker threads: each holds a tokenizer and answers one
 * request body at a time, so a heavy request never holds up the server's
 * own thread (which keeps answering `/health` and writing responses).
 * Requests wait in one queue; each has a time limit from the moment it is
 * queued, and a worker still busy at the limit is terminated and replaced.
 *
 * @module
 */

import { Worker } from 'node:worker_threads';
import { DictionaryError } from '../dictionary/errors.js';
import type { Answer, ComputeRoute } from './answers.js';
import { RequestError } from './requests.js';

/** How a worker makes its tokenizer: plain data, sent to each worker. */
export interface TokenizerSetup {
  /** Main dictionary: a path of a `dict.txt`-format file or a compiled image. */
  dict?: string;
  /** jieba's big dictionary (the package jieba-ts-big) instead. */
  big?: boolean;
  /** A user dictionary loaded at start. */
  userDict?: string;
}

/** What a worker says. */
export type WorkerReply =
  | { type: 'ready' }
  | { type: 'failed'; message: string; dictionary: boolean }
  | { type: 'answer'; id: number; answer: Answer }
  | { type: 'bug'; message: string };

interface Job {
  readonly id: number;
  readonly route: ComputeRoute;
  readonly body: Uint8Array;
  readonly resolve: (answer: Answer) => void;
  readonly reject: (error: RequestError) => void;
  timer: ReturnType<typeof setTimeout> | undefined;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  job: Job | undefined;
}

const SCRIPT = new URL('./server-worker.js', import.meta.url);

/** Options of {@link WorkerPool.start}. */
export interface PoolOptions {
  setup: TokenizerSetup;
  /** Number of worker threads. */
  size: number;
  /** Longest time from queueing a request to its answer, in milliseconds. */
  timeoutMs: number;
}

/** Worker threads answering request bodies (see the module comment). */
export class WorkerPool {
  readonly #options: PoolOptions;
  readonly #slots: Slot[] = [];
  readonly #queue: Job[] = [];
  #nextId = 0;
  #closed = false;

  private constructor(options: PoolOptions) {
    this.#options = options;
  }

  /**
   * Start the workers and wait until each has loaded its tokenizer.
   *
   * @throws {@link DictionaryError} when the tokenizer cannot be made
   * @example
   * const pool = await WorkerPool.start({ setup: { userDict: 'userdict.txt' }, size: 2, timeoutMs: 30_000 });
   */
  static async start(options: PoolOptions): Promise<WorkerPool> {
    const pool = new WorkerPool(options);
    const starting = Array.from({ length: options.size }, () => pool.#spawn());
    const results = await Promise.allSettled(starting);
    const failed = results.find((result) => result.status === 'rejected');
    if (failed) {
      await pool.close();
      throw (failed as PromiseRejectedResult).reason;
    }
    return pool;
  }

  /** Requests queued or being answered. */
  get pending(): number {
    return this.#queue.length + this.#slots.filter((slot) => slot.job !== undefined).length;
  }

  /**
   * Answer a request body in a worker. The body's buffer is moved to the
   * worker (this thread runs no tokenizer, so detaching it costs nothing).
   * Rejects with a 503 `timeout` when the answer takes longer than the
   * pool's limit.
   */
  run(route: ComputeRoute, body: Uint8Array): Promise<Answer> {
    return new Promise<Answer>((resolve, reject) => {
      if (this.#closed) return reject(new RequestError(503, 'shutting_down', 'the server is stopping'));
      const job: Job = { id: this.#nextId++, route, body, resolve, reject, timer: undefined };
      job.timer = setTimeout(() => this.#expire(job), this.#options.timeoutMs);
      this.#queue.push(job);
      this.#pump();
    });
  }

  /** Terminate every worker; jobs still waiting are refused. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const job of this.#queue.splice(0)) this.#finish(job, new RequestError(503, 'shutting_down', 'the server is stopping'));
    await Promise.all(this.#slots.map((slot) => slot.worker.terminate()));
  }

  #spawn(slot?: Slot): Promise<void> {
    // Not piped to this process's streams (a pipe per worker adds listeners there; Node warns past ten).
    const worker = new Worker(SCRIPT, { workerData: this.#options.setup, stdout: true, stderr: true });
    worker.stdout.on('data', (chunk: Buffer) => process.stdout.write(chunk));
    worker.stderr.on('data', (chunk: Buffer) => process.stderr.write(chunk));
    const current: Slot = slot ?? { worker, ready: false, job: undefined };
    current.worker = worker;
    current.ready = false;
    if (!slot) this.#slots.push(current);
    return new Promise<void>((resolve, reject) => {
      worker.on('message', (message: WorkerReply) => {
        if (message.type === 'ready') {
          current.ready = true;
          resolve();
          this.#pump();
        } else if (message.type === 'failed') {
          reject(message.dictionary ? new DictionaryError(message.message, 'dictionary') : new Error(message.message));
        } else if (message.type === 'bug') {
          process.emitWarning(`jieba serve: a request failed in a worker: ${message.message}`);
        } else {
          const job = current.job;
          if (job === undefined || job.id !== message.id) return;
          current.job = undefined;
          this.#finish(job, message.answer);
          this.#pump();
        }
      });
      worker.on('error', (error) => {
        reject(error);
        this.#lost(current, `a worker failed: ${error.message}`);
      });
      worker.on('exit', () => {
        if (current.worker === worker) this.#lost(current, 'a worker stopped');
      });
    });
  }

  /** A worker died: its job gets a 500, and a new worker takes its place. */
  #lost(slot: Slot, why: string): void {
    if (slot.job) {
      const job = slot.job;
      slot.job = undefined;
      this.#finish(job, new RequestError(500, 'internal_error', 'the server failed on this request'));
      process.emitWarning(`jieba serve: ${why}`);
    }
    if (!this.#closed && slot.ready) this.#replace(slot);
  }

  #replace(slot: Slot): void {
    const old = slot.worker;
    slot.ready = false;
    void this.#spawn(slot).catch((error: Error) => process.emitWarning(`jieba serve: a replacement worker failed to start: ${error.message}`));
    void old.terminate();
  }

  #expire(job: Job): void {
    job.timer = undefined;
    const queued = this.#queue.indexOf(job);
    if (queued >= 0) this.#queue.splice(queued, 1);
    const slot = this.#slots.find((s) => s.job === job);
    this.#finish(job, new RequestError(503, 'timeout', `the answer took longer than ${this.#options.timeoutMs} ms`));
    if (slot) {
      // The worker is stuck in this request: replace it rather than wait.
      slot.job = undefined;
      this.#replace(slot);
    }
  }

  #finish(job: Job, outcome: Answer | RequestError): void {
    if (job.timer !== undefined) clearTimeout(job.timer);
    job.timer = undefined;
    if (outcome instanceof RequestError) job.reject(outcome);
    else job.resolve(outcome);
  }

  #pump(): void {
    for (const slot of this.#slots) {
      if (!slot.ready || slot.job !== undefined) continue;
      const job = this.#queue.shift();
      if (!job) return;
      slot.job = job;
      slot.worker.postMessage({ id: job.id, route: job.route, body: job.body }, [job.body.buffer as ArrayBuffer]);
    }
  }
}
