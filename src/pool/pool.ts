/**
 * A pool of workers, each with its own tokenizer, answering calls of the
 * public API asynchronously: every core busy, the caller's thread free.
 * Calls wait in one queue and go to the first idle worker. An aborted call
 * rejects at once with its signal's reason (an `AbortError`); if a worker
 * was already on it, that worker is terminated and replaced, so it is free
 * for the next call rather than finishing work nobody wants.
 *
 * Inputs and answers are copied between threads, never transferred: a
 * transfer would detach the caller's buffer (see docs/performance.md on detached
 * buffers), and the caller keeps its `Uint8Array` intact.
 *
 * This module knows nothing of the runtime: a {@link SpawnWorker} starts
 * workers (Node.js worker threads in `node.ts`).
 *
 * @module
 */

import { DictionaryError, FetchError, ImageError, InvalidUtf8Error } from '../index.js';
import type { BytesOptions, CutOptions, PaddleOptions, TaggedWord, TextInput, Token, TokenizeOptions } from '../index.js';
import type { FlagOptions, Keyword, KeywordOptions, WeightFlagOptions, WeightOptions, WordsOptions } from '../index.js';
import { UnitStrings } from '../text/unit-strings.js';
import type { PackableMethod, PackedResult } from '../tokenizer-options.js';
import { inOrder } from './in-order.js';
import { unpackResult } from './packed.js';
import { POOL_METHODS, type PoolBatch, type PoolErrorData, type PoolMethod, type PoolReply, type PoolSetup } from './protocol.js';

/** A running worker, as the pool sees it. */
export interface WorkerHandle {
  /** Send calls (structured clone: copied). */
  post(batch: PoolBatch): void;
  /** Stop it now. */
  terminate(): void;
}

/**
 * Start a worker making its engine from `setup`; it reports through
 * `onReply`, and `onExit` if it dies.
 */
export type SpawnWorker = (setup: PoolSetup, onReply: (reply: PoolReply) => void, onExit: (error: Error) => void) => WorkerHandle;

/** The option every pool method takes beyond the synchronous method's. */
export interface SignalOption {
  /**
   * Abort the call: it rejects with `signal.reason` (an `AbortError` by
   * default), and a worker busy with it is replaced.
   *
   * @example
   * await pool.cut(text, { signal: AbortSignal.timeout(1000) });
   */
  signal?: AbortSignal;
}

/** What each method of a pool gives for one input (the element type of {@link TokenizerPool.each}). */
export interface PoolResults {
  cut: string[];
  cutAll: string[];
  cutForSearch: string[];
  tokenize: Token[];
  tokenizeOffsets: Int32Array;
  tag: TaggedWord[];
  /** As `extractTags` gives it: words, or objects with `weight` and `tag` as the options ask. */
  extractTags: Keyword[];
  /** As `textRank` gives it: words, or objects with `weight` and `tag` as the options ask. */
  textRank: Keyword[];
}

/** The options each method of a pool takes, as its synchronous counterpart does. */
export interface PoolMethodOptions {
  cut: CutOptions & PaddleOptions;
  cutAll: BytesOptions;
  cutForSearch: CutOptions;
  tokenize: TokenizeOptions;
  tokenizeOffsets: TokenizeOptions;
  tag: CutOptions & PaddleOptions;
  extractTags: KeywordOptions;
  textRank: KeywordOptions;
}

/** The options of {@link TokenizerPool.each} beyond the method's own. */
export interface EachOptions extends SignalOption {
  /**
   * Calls made and not yet yielded, at most: enough to keep every worker
   * busy, few enough that each result is young when it arrives. An
   * integer from 1 to 1,000,000.
   *
   * @defaultValue 32 per worker (two batches of 16 calls each)
   * @example
   * pool.each('cut', lines, { inFlight: 256 });
   */
  inFlight?: number;
}

/** What the pool does with what its workers report beyond answers. */
export interface PoolHooks {
  /** A worker's warning (the HTTP server's workers report requests that failed on a bug). */
  onWarning?: (message: string) => void;
  /** Send one call at a time to a worker, never a batch nor a call ahead (the HTTP server: no request waits behind another while a worker is free). */
  oneAtATime?: boolean;
}

interface Job {
  readonly id: number;
  readonly method: string;
  readonly input: TextInput;
  readonly options: object | undefined;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
  readonly signal: AbortSignal | undefined;
  readonly onAbort: () => void;
}

interface Slot {
  handle: WorkerHandle;
  ready: boolean;
  /** Calls sent to the worker, oldest (the one it is working on) first. */
  jobs: Job[];
  /** Messages (batches of calls) sent and not yet answered. */
  batches: number;
}

/** The size of a call's input, for the bound on what is sent ahead. */
const sizeOf = (job: Job): number => (typeof job.input === 'string' ? job.input.length : job.input instanceof Uint8Array ? job.input.byteLength : 0);

/**
 * Calls go to a worker in batches: one message (one event, one copy) for
 * up to `BATCH_CALLS` calls of up to `BATCH_CHARS` characters of input in
 * all, and a second batch is sent before the first is answered, so that a
 * worker never idles through a round trip to the caller's thread. With many
 * small calls on two cores, that took the pool from 1.3x the speed of one
 * thread to 1.9x. The bounds keep what waits behind a call in a worker,
 * while another worker may be free, to a few milliseconds of work.
 */
const BATCH_CALLS = 16;
const BATCH_CHARS = 1 << 15;
const BATCHES_IN_FLIGHT = 2;

/** An error of the synchronous API, made again from its data: the same class, message and fields. */
function errorFrom(data: PoolErrorData): Error {
  switch (data.name) {
    case 'TypeError':
      return new TypeError(data.message);
    case 'RangeError':
      return new RangeError(data.message);
    case 'InvalidUtf8Error':
      return new InvalidUtf8Error(data.message, data.byteOffset ?? -1);
    case 'DictionaryError':
      return new DictionaryError(data.message, data.source ?? '', data.line);
    case 'ImageError':
      return new ImageError(data.message, data.source ?? '');
    case 'FetchError':
      return new FetchError(data.message, data.source ?? '');
    default: {
      const error = new Error(data.message);
      error.name = data.name;
      return error;
    }
  }
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
}

/**
 * A pool of tokenizer workers (see the module comment); made by `createPool`.
 *
 * @example
 * const pool = await createPool({ size: 2 });
 * const words = await Promise.all(documents.map((text) => pool.cut(text)));
 * pool.close();
 */
export class TokenizerPool {
  readonly #setup: PoolSetup;
  readonly #spawn: SpawnWorker;
  readonly #hooks: PoolHooks;
  readonly #slots: Slot[] = [];
  readonly #queue: Job[] = [];
  /** The one-character words of answers, made once (see {@link UnitStrings}). */
  readonly #unitStrings = new UnitStrings();
  #nextId = 0;
  #closed = false;
  /** Why the pool stopped on its own (a replacement worker failed), if it did. */
  #broken: unknown;

  private constructor(setup: PoolSetup, spawn: SpawnWorker, hooks: PoolHooks) {
    this.#setup = setup;
    this.#spawn = spawn;
    this.#hooks = hooks;
  }

  /**
   * Start `size` workers and wait until each has loaded its models: what
   * `createPool` does with the platform's workers (`spawn`).
   *
   * @example
   * const pool = await TokenizerPool.start(2, { userDict: 'userdict.txt' }, spawnWorker);
   * @throws the error a worker met making its tokenizer (a `DictionaryError`
   *   for a dictionary it cannot read), after stopping the others
   */
  static async start(size: number, setup: PoolSetup, spawn: SpawnWorker, hooks: PoolHooks = {}): Promise<TokenizerPool> {
    const pool = new TokenizerPool(setup, spawn, hooks);
    const started = await Promise.allSettled(Array.from({ length: size }, () => pool.#start()));
    const failed = started.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (failed) {
      pool.close();
      throw failed.reason;
    }
    return pool;
  }

  /**
   * Number of workers.
   *
   * @example
   * (await createPool({ size: 2 })).size; // 2
   */
  get size(): number {
    return this.#slots.length;
  }

  /** Whether the pool was closed (or stopped on its own). */
  get closed(): boolean {
    return this.#closed;
  }

  /** Calls waiting or running. */
  get pending(): number {
    return this.#queue.length + this.#slots.reduce((n, slot) => n + slot.jobs.length, 0);
  }

  /**
   * `Tokenizer.cut` in a worker.
   *
   * @example
   * await pool.cut('我来到北京清华大学'); // ['我', '来到', '北京', '清华大学']
   */
  cut(input: TextInput, options?: CutOptions & PaddleOptions & SignalOption): Promise<string[]> {
    return this.#unpacked('cut', input, options) as Promise<string[]>;
  }

  /**
   * `Tokenizer.cutAll` in a worker.
   *
   * @example
   * await pool.cutAll('我来到北京清华大学'); // ['我', '来到', '北京', '清华', '清华大学', '华大', '大学']
   */
  cutAll(input: TextInput, options?: BytesOptions & SignalOption): Promise<string[]> {
    return this.#unpacked('cutAll', input, options) as Promise<string[]>;
  }

  /**
   * `Tokenizer.cutForSearch` in a worker.
   *
   * @example
   * await pool.cutForSearch('中国科学院'); // ['中国', '科学', '学院', '科学院', '中国科学院']
   */
  cutForSearch(input: TextInput, options?: CutOptions & SignalOption): Promise<string[]> {
    return this.#unpacked('cutForSearch', input, options) as Promise<string[]>;
  }

  /**
   * `Tokenizer.tokenize` in a worker.
   *
   * @example
   * await pool.tokenize('永和服装', { offsets: 'utf8' }); // [{ word: '永和', start: 0, end: 6 }, { word: '服装', start: 6, end: 12 }]
   */
  tokenize(input: TextInput, options?: TokenizeOptions & SignalOption): Promise<Token[]> {
    return this.#unpacked('tokenize', input, options) as Promise<Token[]>;
  }

  /**
   * `Tokenizer.tokenizeOffsets` in a worker: the fastest way through a
   * pool, as no string per word has to be made on the caller's side.
   *
   * @example
   * await pool.tokenizeOffsets('永和服装'); // Int32Array [0, 2, 2, 4]
   */
  tokenizeOffsets(input: TextInput, options?: TokenizeOptions & SignalOption): Promise<Int32Array> {
    return this.call('tokenizeOffsets', input, options) as Promise<Int32Array>;
  }

  /**
   * `Tokenizer.tag` in a worker.
   *
   * @example
   * await pool.tag('我爱北京'); // [{ word: '我', tag: 'r' }, { word: '爱', tag: 'v' }, { word: '北京', tag: 'ns' }]
   */
  tag(input: TextInput, options?: CutOptions & PaddleOptions & SignalOption): Promise<TaggedWord[]> {
    return this.#unpacked('tag', input, options) as Promise<TaggedWord[]>;
  }

  /**
   * `extractTags` (TF-IDF) in a worker.
   *
   * @example
   * await pool.extractTags(news, { topK: 5, withWeight: true });
   */
  extractTags(text: string, options?: WordsOptions & SignalOption): Promise<string[]>;
  extractTags(text: string, options: WeightOptions & SignalOption): Promise<{ word: string; weight: number }[]>;
  extractTags(text: string, options: FlagOptions & SignalOption): Promise<{ word: string; tag: string }[]>;
  extractTags(text: string, options: WeightFlagOptions & SignalOption): Promise<{ word: string; tag: string; weight: number }[]>;
  extractTags(text: string, options?: KeywordOptions & SignalOption): Promise<Keyword[]> {
    return this.call('extractTags', text, options) as Promise<Keyword[]>;
  }

  /**
   * `textRank` in a worker.
   *
   * @example
   * await pool.textRank(news, { topK: 5, withFlag: true });
   */
  textRank(text: string, options?: WordsOptions & SignalOption): Promise<string[]>;
  textRank(text: string, options: WeightOptions & SignalOption): Promise<{ word: string; weight: number }[]>;
  textRank(text: string, options: FlagOptions & SignalOption): Promise<{ word: string; tag: string }[]>;
  textRank(text: string, options: WeightFlagOptions & SignalOption): Promise<{ word: string; tag: string; weight: number }[]>;
  textRank(text: string, options?: KeywordOptions & SignalOption): Promise<Keyword[]> {
    return this.call('textRank', text, options) as Promise<Keyword[]>;
  }

  /**
   * Run `method` on each input of `inputs` (an array, a generator, the
   * lines of a file: any iterable or async iterable of texts) and yield the
   * results in the inputs' order, with at most `inFlight` calls in flight.
   * Inputs are taken only as places free up, so an endless source and a
   * slow consumer are both fine, and memory stays bounded.
   *
   * For many documents whose results are used as they come, this is faster
   * than `Promise.all(texts.map((t) => pool.tag(t)))`: there every promise
   * waits for most of the batch, and V8 then keeps each result alive long
   * after it was dropped (see docs/performance.md: `tag` of 1,523
   * documents on two cores, each result dropped on arrival, 1.25-1.27x of
   * one thread this way against 0.77-0.85x).
   *
   * A call that fails ends the iteration with its error, at its place.
   * `options` (with `signal`) apply to every call; aborting rejects the
   * calls in flight and ends the iteration with the signal's reason.
   * Breaking out of the loop closes `inputs`; calls still in flight
   * finish, unobserved.
   *
   * @throws {TypeError} when `method` is not a pool method, `inputs` is a
   *   single text (a string or bytes) or not iterable, or `inFlight` is not
   *   an integer from 1 to 1,000,000
   * @example
   * import { createInterface } from 'node:readline';
   * const lines = createInterface({ input: createReadStream('corpus.txt') });
   * for await (const words of pool.each('tag', lines)) index(words);
   */
  each<M extends PoolMethod>(method: M, inputs: Iterable<TextInput> | AsyncIterable<TextInput>, options?: PoolMethodOptions[M] & EachOptions): AsyncGenerator<PoolResults[M], void, undefined> {
    if (!(POOL_METHODS as readonly unknown[]).includes(method)) {
      throw new TypeError(`jieba-ts: each() takes a pool method (${POOL_METHODS.join(', ')}), not ${JSON.stringify(method)}`);
    }
    if (typeof inputs === 'string' || inputs instanceof Uint8Array) {
      throw new TypeError(`jieba-ts: each() takes an iterable of texts, not one text: for one text, await pool.${method}(text)`);
    }
    const iterable = inputs !== null && typeof inputs === 'object' && (Symbol.iterator in inputs || Symbol.asyncIterator in inputs);
    if (!iterable) throw new TypeError(`jieba-ts: each() takes an iterable or async iterable of texts, got ${inputs === null ? 'null' : typeof inputs}`);
    let inFlight = this.#slots.length * BATCHES_IN_FLIGHT * BATCH_CALLS;
    let callOptions: object | undefined = options;
    if (options !== null && typeof options === 'object' && 'inFlight' in options) {
      const { inFlight: given, ...rest } = options as EachOptions;
      if (given !== undefined) {
        if (!Number.isInteger(given) || given < 1 || given > 1_000_000) {
          throw new TypeError(`jieba-ts: each() option inFlight must be an integer from 1 to 1,000,000, got ${String(given)}`);
        }
        inFlight = given;
      }
      callOptions = rest;
    }
    const run = this[method] as (this: TokenizerPool, input: TextInput, options: object | undefined) => Promise<PoolResults[M]>;
    return inOrder(inputs, (input) => run.call(this, input, callOptions), inFlight);
  }

  /**
   * Stop every worker. Calls waiting or running reject with an `Error`
   * saying the pool is closed.
   *
   * @example
   * try { await Promise.all(jobs); } finally { pool.close(); }
   */
  close(): void {
    this.#closed = true;
    const closed = new Error('jieba-ts: the pool is closed');
    for (const job of this.#queue.splice(0)) this.#settle(job, undefined, closed);
    for (const slot of this.#slots) {
      for (const job of slot.jobs.splice(0)) this.#settle(job, undefined, closed);
      slot.handle.terminate();
    }
  }

  /** A packable method in a worker, its result unpacked here (see `Tokenizer.packed`). */
  async #unpacked(method: PackableMethod, input: TextInput, options: (object & SignalOption) | undefined): Promise<unknown> {
    return unpackResult((await this.call(method, input, options)) as PackedResult, input, this.#unitStrings);
  }

  /**
   * Run `method` in a worker: a {@link PoolMethod}, or a method the
   * workers add (the HTTP server's). What the typed methods call.
   *
   * @internal
   */
  call(method: string, input: TextInput, options: (object & SignalOption) | undefined): Promise<unknown> {
    return new Promise((resolve, reject) => {
      if (this.#closed) return reject(this.#broken ?? new Error('jieba-ts: the pool is closed'));
      let signal: AbortSignal | undefined;
      let rest: object | undefined = options;
      if (options !== null && typeof options === 'object' && 'signal' in options) {
        ({ signal, ...rest } = options);
        if (signal !== undefined && !(signal instanceof AbortSignal)) {
          return reject(new TypeError(`jieba-ts: ${method}() option signal must be an AbortSignal`));
        }
      }
      if (signal?.aborted) return reject(abortReason(signal));
      const job: Job = { id: this.#nextId++, method, input, options: rest, resolve, reject, signal, onAbort: () => this.#abort(job) };
      signal?.addEventListener('abort', job.onAbort, { once: true });
      this.#queue.push(job);
      this.#pump();
    });
  }

  #start(slot?: Slot): Promise<void> {
    return new Promise((resolve, reject) => {
      let started = false;
      const onReply = (reply: PoolReply): void => {
        if (reply.type === 'ready') {
          started = true;
          target.ready = true;
          resolve();
          this.#pump();
        } else if (reply.type === 'warning') {
          this.#hooks.onWarning?.(reply.message);
        } else if (reply.type === 'failed') {
          target.handle.terminate();
          reject(errorFrom(reply.error));
        } else if (reply.type === 'answers') {
          target.batches--;
          for (const answer of reply.replies) {
            if (answer.type !== 'answer' && answer.type !== 'error') continue;
            if (target.jobs.length === 0 || answer.id !== target.jobs[0]!.id) continue;
            const job = target.jobs.shift()!;
            if (answer.type === 'answer') this.#settle(job, answer.value);
            else this.#settle(job, undefined, errorFrom(answer.error));
          }
          this.#pump();
        }
      };
      const onExit = (error: Error): void => {
        if (!started) return reject(error);
        if (this.#closed || target.handle !== handle) return;
        // A worker that dies takes its call with it; the pool starts another.
        // The call it was on goes with it; those sent after it go back to the queue.
        const [job, ...waiting] = target.jobs.splice(0);
        this.#queue.unshift(...waiting);
        target.batches = 0;
        target.ready = false;
        if (job) this.#settle(job, undefined, new Error(`jieba-ts: a pool worker stopped: ${error.message}`));
        this.#restart(target);
      };
      const handle = this.#spawn(this.#setup, onReply, onExit);
      const target: Slot = slot ?? { handle, ready: false, jobs: [], batches: 0 };
      target.handle = handle;
      target.ready = false;
      if (!slot) this.#slots.push(target);
    });
  }

  /** Replace the worker of `slot`; if even that fails, the pool cannot go on: every call is refused with the reason. */
  #restart(slot: Slot): void {
    this.#start(slot).catch((error: unknown) => {
      this.close();
      this.#broken = error;
    });
  }

  #pump(): void {
    const oneAtATime = this.#hooks.oneAtATime === true;
    while (this.#queue.length > 0) {
      // The worker with the fewest calls that may take another batch.
      let target: Slot | undefined;
      for (const slot of this.#slots) {
        if (!slot.ready || slot.batches >= (oneAtATime ? 1 : BATCHES_IN_FLIGHT)) continue;
        if (!target || slot.jobs.length < target.jobs.length) target = slot;
      }
      if (!target) return;
      // Its batch: as many waiting calls as fit, at least one, and no more
      // than its share of the queue, so that the other workers get theirs.
      const batch: Job[] = [];
      let chars = 0;
      const share = Math.max(1, Math.ceil(this.#queue.length / this.#slots.length));
      while (this.#queue.length > 0 && batch.length < (oneAtATime ? 1 : Math.min(BATCH_CALLS, share))) {
        const size = sizeOf(this.#queue[0]!);
        if (batch.length > 0 && chars + size > BATCH_CHARS) break;
        chars += size;
        batch.push(this.#queue.shift()!);
      }
      this.#send(target, batch);
    }
  }

  #send(slot: Slot, batch: Job[]): void {
    const calls = (jobs: Job[]): PoolBatch => ({ calls: jobs.map((job) => ({ id: job.id, method: job.method, input: job.input, options: job.options })) });
    try {
      slot.handle.post(calls(batch));
      slot.jobs.push(...batch);
      slot.batches++;
    } catch (error) {
      if (batch.length > 1) {
        // Not cloneable (a function among some call's options, say): find whose.
        for (const job of batch) this.#send(slot, [job]);
        return;
      }
      this.#settle(batch[0]!, undefined, new TypeError(`jieba-ts: ${batch[0]!.method}() arguments cannot be sent to a worker: ${(error as Error).message}`));
    }
  }

  #abort(job: Job): void {
    const queued = this.#queue.indexOf(job);
    if (queued >= 0) {
      this.#queue.splice(queued, 1);
    } else {
      const slot = this.#slots.find((s) => s.jobs.includes(job));
      if (!slot) return;
      // The worker is busy with work nobody wants, or will be: replace it,
      // and give the calls sent to it with this one back to the queue.
      const others = slot.jobs.splice(0).filter((other) => other !== job);
      this.#queue.unshift(...others);
      slot.batches = 0;
      slot.ready = false;
      slot.handle.terminate();
      if (!this.#closed) this.#restart(slot);
    }
    this.#settle(job, undefined, abortReason(job.signal!));
    this.#pump();
  }

  #settle(job: Job, value: unknown, error?: unknown): void {
    job.signal?.removeEventListener('abort', job.onAbort);
    if (error !== undefined) job.reject(error);
    else job.resolve(value);
  }
}
