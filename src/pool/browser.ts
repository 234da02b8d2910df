/**
 * Pool workers as module Web Workers, in browsers (the `browser` build of
 * `jieba-ts/pool`).
 *
 * @module
 */

import type { PoolReply, PoolSetup } from './protocol.js';
import { TokenizerPool, type SpawnWorker } from './pool.js';
import { knownOptions, optionKeys } from '../options.js';

/** Every option of `createPool`. */
const POOL_KEYS = optionKeys<PoolOptions>()(['size', 'workerUrl', 'dict', 'big', 'userDict', 'idf', 'stopWords']);

/** The part of the Web Worker API used here (typed locally: the project's lib has no DOM). */
interface WebWorker {
  postMessage(message: unknown): void;
  terminate(): void;
  onmessage: ((event: { data: PoolReply }) => void) | null;
  onerror: ((event: { message?: string; preventDefault?(): void }) => void) | null;
}
declare const Worker: new (url: URL, options: { type: 'module'; name?: string }) => WebWorker;
declare const navigator: { hardwareConcurrency?: number } | undefined;
declare const location: { href: string } | undefined;

/** Setup paths as absolute URLs: a worker resolves relative ones against its own script, not the page. */
function absolute(setup: PoolSetup): PoolSetup {
  const base = typeof location === 'undefined' ? undefined : location.href;
  const resolve = (value: string | undefined): string | undefined => (value === undefined ? undefined : new URL(value, base).href);
  return { ...setup, dict: resolve(setup.dict), userDict: resolve(setup.userDict), idf: resolve(setup.idf), stopWords: resolve(setup.stopWords) };
}

/**
 * A {@link SpawnWorker} of module Web Workers running `browser-worker.js`,
 * or `workerUrl` (a script built from `jieba-ts/pool/worker`).
 *
 * @example
 * TokenizerPool.start(2, {}, browserWorkerSpawner(undefined));
 */
export function browserWorkerSpawner(workerUrl: string | URL | undefined): SpawnWorker {
  return (setup, onReply, onExit) => {
    const worker =
      workerUrl === undefined
        ? // Written out in one expression, as bundlers (Vite, webpack) recognise a worker and bundle its script.
          new Worker(new URL('./browser-worker.js', import.meta.url), { type: 'module', name: 'jieba-ts pool' })
        : new Worker(new URL(workerUrl, typeof location === 'undefined' ? undefined : location.href), { type: 'module', name: 'jieba-ts pool' });
    return attach(worker, setup, onReply, onExit);
  };
}

/** Wire a started worker to the pool, and send it its setup. */
function attach(worker: WebWorker, ...[setup, onReply, onExit]: Parameters<SpawnWorker>): ReturnType<SpawnWorker> {
  let exited = false;
  worker.onmessage = (event) => onReply(event.data);
  worker.onerror = (event) => {
    event.preventDefault?.();
    if (exited) return;
    exited = true;
    onExit(new Error(event.message ?? 'the worker failed'));
  };
  worker.postMessage({ type: 'setup', setup: absolute(setup) });
  return {
    post: (call) => worker.postMessage(call),
    terminate: () => {
      exited = true;
      worker.terminate();
    },
  };
}

/** Options of {@link createPool}. */
export interface PoolOptions extends PoolSetup {
  /**
   * Number of workers.
   *
   * @defaultValue `navigator.hardwareConcurrency` (2 where unknown)
   */
  size?: number;
  /**
   * The workers' script, a URL (resolved against the page): needed only
   * with a bundler that does not follow `new Worker(new URL(...))`
   * (esbuild, Rollup). Bundle `jieba-ts/pool/worker` as an entry of its own
   * (browser conditions) and name its output here.
   *
   * @defaultValue the script published beside `jieba-ts/pool`, which Vite
   *   and webpack bundle by themselves
   * @example
   * await createPool({ workerUrl: '/assets/jieba-worker.js', dict: '/assets/default.img.gz' });
   */
  workerUrl?: string | URL;
}

/**
 * A pool of `size` module Web Workers, each with a tokenizer, its POS model
 * and IDF table loaded (fetched once, then from the browser's cache); paths
 * in the options are URLs, resolved against the page.
 *
 * @throws TypeError for a size that is not a positive integer, a
 *   `workerUrl` that is neither a URL nor a string, or `big` (give `dict`
 *   the URL of jieba-ts-big's image instead)
 * @example
 * import { createPool } from 'jieba-ts/pool';
 *
 * const pool = await createPool({ size: 4 });
 * const words = await pool.cut('我来到北京清华大学');
 */
export async function createPool(options: PoolOptions = {}): Promise<TokenizerPool> {
  const { size = navigator?.hardwareConcurrency || 2, workerUrl, ...setup } = knownOptions(options, 'createPool', POOL_KEYS);
  if (!Number.isSafeInteger(size) || size < 1 || size > 1024) {
    throw new TypeError(`jieba-ts: createPool() option size must be an integer from 1 to 1024, got ${String(size)}`);
  }
  if (workerUrl !== undefined && typeof workerUrl !== 'string' && !(workerUrl instanceof URL)) {
    throw new TypeError(`jieba-ts: createPool() option workerUrl must be a URL or a string, got ${typeof workerUrl}`);
  }
  return TokenizerPool.start(size, setup, browserWorkerSpawner(workerUrl));
}
