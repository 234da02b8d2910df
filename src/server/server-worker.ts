/**
 * A worker thread of the HTTP API: a `jieba-ts/pool` worker that also
 * answers request bodies (see `answers.ts`), at a lower priority than the
 * server's own thread.
 *
 * @module
 */

import { constants, setPriority } from 'node:os';
import { runNodeWorker } from '../pool/node-worker-loop.js';
import { answer, type ComputeRoute } from './answers.js';
import { encodeAnswer } from './json-writer.js';

// On Linux a nice value belongs to a thread: this worker yields the cores to
// the server's own thread, which answers /health and writes answers, when
// both want them. (Elsewhere it may lower the whole process, harmlessly.)
try {
  setPriority(constants.priority.PRIORITY_BELOW_NORMAL);
} catch {
  // Not allowed here: run at the normal priority.
}

runNodeWorker((engine, call, warn) => {
  if (call.method !== 'answer') return undefined;
  const { route, encode } = call.options as { route: ComputeRoute; encode?: boolean };
  const onBug = (error: unknown): void => warn(`a request failed in a worker: ${String((error as Error)?.stack ?? error)}`);
  const result = answer(engine, route, call.input as Uint8Array, onBug);
  return { type: 'answer', id: call.id, value: encode ? encodeAnswer(result) : result };
});
