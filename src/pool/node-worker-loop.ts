/**
 * The message loop of a pool worker thread in Node.js, Deno and Bun
 * (`node:worker_threads`): make the engine from `workerData`, say ready (or
 * why not), then answer each call.
 *
 * @module
 */

import { parentPort, workerData } from 'node:worker_threads';
import { errorData, type PoolBatch, type PoolCall, type PoolReply, type PoolSetup } from './protocol.js';
import { answerCalls, makeEngine, type PoolEngine } from './worker-core.js';

/**
 * A handler of calls beyond the public API (the HTTP server's request
 * bodies): a reply, or undefined for a call it does not handle.
 */
export type ExtraCalls = (engine: PoolEngine, call: PoolCall, warn: (message: string) => void) => PoolReply | undefined;

/**
 * Run this thread as a pool worker.
 *
 * @example
 * runNodeWorker(); // the whole of node-worker.ts
 */
export function runNodeWorker(extra?: ExtraCalls): void {
  const port = parentPort!;
  const reply = (message: PoolReply): void => port.postMessage(message);
  const warn = (message: string): void => reply({ type: 'warning', message });
  try {
    const engine = makeEngine(workerData as PoolSetup);
    // Inputs and answers are copied, never transferred: a transfer detaches
    // a buffer, and the first detached buffer of a thread slows its typed arrays.
    port.on('message', ({ calls }: PoolBatch) => reply({ type: 'answers', replies: answerCalls(engine, calls, extra && ((call) => extra(engine, call, warn))) }));
    reply({ type: 'ready' });
  } catch (error) {
    reply({ type: 'failed', error: errorData(error) });
  }
}
