/**
 * Pool workers as Node.js worker threads (also in Deno and Bun).
 *
 * @module
 */

import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { PoolReply } from './protocol.js';
import { TokenizerPool, type SpawnWorker } from './pool.js';
import type { PoolSetup } from './protocol.js';
import { chosenWorkerScript, workerScript } from './node-script.js';
import { knownOptions, optionKeys } from '../options.js';

/** Every option of `createPool`. */
const POOL_KEYS = optionKeys<PoolOptions>()(['size', 'workerUrl', 'dict', 'big', 'userDict', 'idf', 'stopWords']);

/**
 * A {@link SpawnWorker} of worker threads running `script` (a module
 * calling `runNodeWorker`): the pool's own, or the HTTP server's.
 *
 * @example
 * const spawn = nodeWorkerSpawner(new URL('./server-worker.js', import.meta.url));
 */
export function nodeWorkerSpawner(script: URL): SpawnWorker {
  return (setup, onReply, onExit) => spawnNodeWorker(script, setup, onReply, onExit);
}

function spawnNodeWorker(script: URL, ...[setup, onReply, onExit]: Parameters<SpawnWorker>): ReturnType<SpawnWorker> {
  // Not piped to this process's streams (a pipe per worker adds listeners
  // there; Node warns past ten): what a worker prints is copied over.
  const worker = new Worker(script, { workerData: setup, stdout: true, stderr: true });
  worker.stdout.on('data', (chunk: Uint8Array) => process.stdout.write(chunk));
  worker.stderr.on('data', (chunk: Uint8Array) => process.stderr.write(chunk));
  let exited = false;
  const exit = (error: Error): void => {
    if (exited) return;
    exited = true;
    onExit(error);
  };
  worker.on('message', (reply: PoolReply) => onReply(reply));
  worker.on('error', (error) => exit(error));
  worker.on('exit', (code) => exit(new Error(`exit code ${code}`)));
  return {
    post: (call) => worker.postMessage(call),
    terminate: () => {
      exited = true;
      void worker.terminate();
    },
  };
}

/** Options of {@link createPool}. */
export interface PoolOptions extends PoolSetup {
  /**
   * Number of workers.
   *
   * @defaultValue the available cores (`os.availableParallelism()`)
   */
  size?: number;
  /**
   * The workers' script: a path or `file:` URL of a module that runs
   * `jieba-ts/pool/worker`. Needed only where the app was bundled and no
   * jieba-ts package is installed beside it: bundle `jieba-ts/pool/worker`
   * as an entry of its own and name its output here.
   *
   * @defaultValue the script published beside `jieba-ts/pool`, or in the
   *   jieba-ts installed beside the app
   * @example
   * await createPool({ workerUrl: new URL('./jieba-worker.js', import.meta.url) });
   */
  workerUrl?: string | URL;
}

/**
 * A pool of `size` worker threads, each with a tokenizer made from the
 * options (dictionary, user dictionary, IDF and stop words), ready when the
 * promise resolves.
 *
 * @throws TypeError for a size that is not a positive integer, or a
 *   `workerUrl` that names no file; Error when the workers' script is
 *   nowhere (a bundled app with no jieba-ts installed beside it: the
 *   message says what to do); `DictionaryError` for a dictionary the
 *   workers cannot read
 * @example
 * import { createPool } from 'jieba-ts/pool';
 *
 * const pool = await createPool({ size: 4, userDict: 'userdict.txt' });
 * const words = await Promise.all(documents.map((text) => pool.cut(text)));
 * pool.close();
 */
export async function createPool(options: PoolOptions = {}): Promise<TokenizerPool> {
  const { size = availableParallelism(), workerUrl, ...setup } = knownOptions(options, 'createPool', POOL_KEYS);
  if (!Number.isSafeInteger(size) || size < 1 || size > 1024) {
    throw new TypeError(`jieba-ts: createPool() option size must be an integer from 1 to 1024, got ${String(size)}`);
  }
  const script = workerUrl === undefined ? workerScript('node-worker.js', () => new URL('./node-worker.js', import.meta.url)) : chosenWorkerScript(workerUrl, 'createPool');
  return TokenizerPool.start(size, setup, nodeWorkerSpawner(script));
}
