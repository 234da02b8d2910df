/**
 * The HTTP API's worker threads: a `jieba-ts/pool` pool whose workers also
 * answer request bodies (see `server-worker.ts`), so a heavy request never
 * holds up the server's own thread (which keeps answering `/health` and
 * writing responses). Requests wait in the pool's queue; each has a time
 * limit from the moment it is queued, and a worker still busy at the limit
 * is terminated and replaced (the pool's abort).
 *
 * @module
 */

import { nodeWorkerSpawner } from '../pool/node.js';
import { workerScript } from '../pool/node-script.js';
import { TokenizerPool } from '../pool/pool.js';
import type { PoolSetup } from '../pool/protocol.js';
import type { Answer, ComputeRoute } from './answers.js';
import { RequestError } from './requests.js';

/** How a worker makes its tokenizer: plain data, sent to each worker. */
export type TokenizerSetup = Pick<PoolSetup, 'dict' | 'big' | 'userDict'>;

/** Options of {@link WorkerPool.start}. */
export interface PoolOptions {
  setup: TokenizerSetup;
  /** Number of worker threads. */
  size: number;
  /** Longest time from queueing a request to its answer, in milliseconds. */
  timeoutMs: number;
  /**
   * Whether the workers write answers as JSON bytes (`encodeAnswer`), or
   * leave that to the server's thread. Default: with two workers or more,
   * whose answers would keep the server's one thread busy writing JSON (with
   * one worker, writing JSON there runs beside it and is faster).
   */
  encodeInWorkers?: boolean;
}

/**
 * Worker threads answering request bodies (see the module comment): what
 * `jieba serve --workers N` runs its routes on.
 *
 * @example
 * const pool = await WorkerPool.start({ setup: {}, size: 2, timeoutMs: 30_000 });
 * const server = createServer(createApiHandler({ pool }));
 */
export class WorkerPool {
  readonly #pool: TokenizerPool;
  readonly #timeoutMs: number;
  readonly #encode: boolean;

  private constructor(pool: TokenizerPool, timeoutMs: number, encode: boolean) {
    this.#pool = pool;
    this.#timeoutMs = timeoutMs;
    this.#encode = encode;
  }

  /**
   * Start the workers and wait until each has loaded its tokenizer.
   *
   * @throws {@link DictionaryError} when the tokenizer cannot be made
   * @example
   * const pool = await WorkerPool.start({ setup: { userDict: 'userdict.txt' }, size: 2, timeoutMs: 30_000 });
   */
  static async start(options: PoolOptions): Promise<WorkerPool> {
    const pool = await TokenizerPool.start(options.size, options.setup, nodeWorkerSpawner(workerScript('server-worker.js', () => new URL('./server-worker.js', import.meta.url))), {
      onWarning: (message) => process.emitWarning(`jieba serve: ${message}`),
      // One request per worker at a time: none waits behind a heavy one while another worker is free.
      oneAtATime: true,
    });
    return new WorkerPool(pool, options.timeoutMs, options.encodeInWorkers ?? options.size >= 2);
  }

  /** Requests queued or being answered. */
  get pending(): number {
    return this.#pool.pending;
  }

  /**
   * Answer a request body in a worker (the body is copied there). Rejects
   * with a 503 `timeout` when the answer takes longer than the pool's
   * limit, a 503 `shutting_down` once the pool is closed, and a 500 when a
   * worker dies on the request.
   *
   * @example
   * const answer = await pool.run('/cut', new TextEncoder().encode('{"text": "我来到北京"}'));
   */
  async run(route: ComputeRoute, body: Uint8Array): Promise<Answer> {
    try {
      const options = { route, encode: this.#encode, signal: AbortSignal.timeout(this.#timeoutMs) };
      return (await this.#pool.call('answer', body, options)) as Answer;
    } catch (error) {
      if ((error as Error)?.name === 'TimeoutError') throw new RequestError(503, 'timeout', `the answer took longer than ${this.#timeoutMs} ms`);
      if (this.#pool.closed) throw new RequestError(503, 'shutting_down', 'the server is stopping');
      process.emitWarning(`jieba serve: ${(error as Error)?.message ?? String(error)}`);
      throw new RequestError(500, 'internal_error', 'the server failed on this request');
    }
  }

  /**
   * Terminate every worker; requests still waiting are refused.
   *
   * @example
   * server.close(() => void pool.close());
   */
  async close(): Promise<void> {
    this.#pool.close();
  }
}
