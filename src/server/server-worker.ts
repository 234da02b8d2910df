/**
 * A worker thread of the HTTP API: makes the tokenizer its setup describes,
 * loads every model once, then answers request bodies (see `answers.ts`)
 * until it is terminated.
 *
 * @module
 */

import { constants, setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { BIG_DICTIONARY, DictionaryError, Tokenizer } from '../index.js';
import { answer, engineOf, type ComputeRoute } from './answers.js';
import type { TokenizerSetup, WorkerReply } from './worker-pool.js';

// On Linux a nice value belongs to a thread: this worker yields the cores to
// the server's own thread, which answers /health and writes answers, when
// both want them. (Elsewhere it may lower the whole process, harmlessly.)
try {
  setPriority(constants.priority.PRIORITY_BELOW_NORMAL);
} catch {
  // Not allowed here: run at the normal priority.
}

const port = parentPort!;
const setup = workerData as TokenizerSetup;
const reply = (message: WorkerReply): void => port.postMessage(message);

try {
  const tokenizer = new Tokenizer({ dict: setup.big ? BIG_DICTIONARY : setup.dict, eager: true });
  if (setup.userDict !== undefined) tokenizer.loadUserDict(setup.userDict);
  const engine = engineOf(tokenizer);
  // The POS model and the IDF table now, so that no request pays for them.
  tokenizer.tag('预热');
  engine.tfidf.extract('预热');
  port.on('message', ({ id, route, body }: { id: number; route: ComputeRoute; body: Uint8Array }) => {
    // Copied, not transferred: a transfer would detach a buffer in this thread, which slows its typed arrays (see the README).
    reply({ type: 'answer', id, answer: answer(engine, route, body, (error) => reply({ type: 'bug', message: String((error as Error)?.stack ?? error) })) });
  });
  reply({ type: 'ready' });
} catch (error) {
  reply({ type: 'failed', message: (error as Error).message, dictionary: error instanceof DictionaryError });
}
